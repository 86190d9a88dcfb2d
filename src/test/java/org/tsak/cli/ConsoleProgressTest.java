package org.tsak.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.tsak.train.EpochRecord;

class ConsoleProgressTest {

    private static String drive(boolean verbose, boolean quiet, boolean terminal) {
        StringWriter sw = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(sw), verbose, quiet, terminal);
        p.status("stage 1");
        for (int b = 1; b <= 40; b++) {
            p.batch("teacher", 1, b, 40, 1.0 / b);
        }
        p.epoch("teacher", new EpochRecord(1, 0.5, 0.75, 1000, 2, 0.01), true);
        return sw.toString();
    }

    @Test
    void plainLinesWhenNotATerminal() {
        String out = drive(false, false, false);
        assertFalse(out.contains("\r"), "no carriage returns in CI logs");
        assertEquals(2, out.lines().count(), out);
        assertTrue(out.contains("val macro-F1 0.7500 *"), out);
    }

    @Test
    void verboseAddsBatchLinesButStaysPlain() {
        String out = drive(true, false, false);
        assertFalse(out.contains("\r"));
        assertTrue(out.contains("batch 20/40") && out.contains("batch 40/40"), out);
    }

    @Test
    void progressBarRedrawnInPlaceOnATerminal() {
        String out = drive(false, false, true);
        assertTrue(out.contains("\r  teacher"), out);
        assertTrue(out.contains("[##############################] 40/40"), out);
        assertTrue(out.contains("val macro-F1 0.7500"), out);
    }

    @Test
    void quietPrintsNothing() {
        assertEquals("", drive(true, true, true));
    }
}
