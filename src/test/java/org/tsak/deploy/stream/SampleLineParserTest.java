package org.tsak.deploy.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Header matching, headerless order, and the warnings for bad lines. */
class SampleLineParserTest {

    private static final List<String> CH = List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z");

    private final List<String> shown = new ArrayList<>();
    private final StreamWarnings warnings = new StreamWarnings(shown::add);

    @Test
    void aHeaderMatchesColumnsByNameAndIgnoresOthers() {
        SampleLineParser p = new SampleLineParser(CH, "test", warnings);
        assertFalse(p.parse("# tsak-recording v1", 1));
        assertFalse(p.parse("# subject: W01", 2));
        assertFalse(p.parse("timestamp_ms,left_wrist/acc_x,right_wrist/acc_z,right_wrist/acc_x,right_wrist/acc_y,"
                + "operation,box", 3));
        assertTrue(p.hasHeader());
        assertTrue(p.parse("1700000000000,9.5,3.0,1.0,2.0,100,1", 4));
        assertEquals(1700000000000L, p.timestampMs());
        assertArrayEquals(new float[] {1f, 2f, 3f}, p.values());
        assertFalse(p.parse("   ", 5));
        assertTrue(p.parse(" 1700000000033 , -1.5E-1 ,0 , 1,0\r", 6), "spaces and a stray \\r are tolerated");
        assertArrayEquals(new float[] {1f, 0f, 0f}, p.values());
        assertEquals(List.of(), shown);
    }

    @Test
    void withoutAHeaderTheColumnsAreTheModelChannelsInOrder() {
        SampleLineParser p = new SampleLineParser(CH, "test", warnings);
        assertTrue(p.parse("1700000000000,1,2,3,99", 1), "extra columns ignored");
        assertFalse(p.hasHeader());
        assertArrayEquals(new float[] {1f, 2f, 3f}, p.values());
    }

    @Test
    void aHeaderWithoutAModelChannelIsAnError() {
        SampleLineParser p = new SampleLineParser(CH, "stdin", warnings);
        StreamFormatException e = assertThrows(StreamFormatException.class,
                () -> p.parse("timestamp_ms,right_wrist/acc_x,left_wrist/acc_y,right_wrist/acc_z", 4));
        assertTrue(e.getMessage().startsWith("stdin line 4: the header lacks the model's channel [right_wrist/acc_y]"),
                e.getMessage());
    }

    @Test
    void badLinesGiveWarningsNamingLineColumnAndValue() {
        SampleLineParser p = new SampleLineParser(CH, "test", warnings);
        assertFalse(p.parse("1700000000000,1,2", 1));
        assertFalse(p.parse("1700000000000,1,x2,3", 2));
        assertFalse(p.parse("1700000000000,1,2,Infinity", 3));
        assertFalse(p.parse("1.7e12,1,2,3", 4));
        assertFalse(p.parse("1700000000000,1,,3", 5));
        assertEquals(List.of(
                "line 1: 3 fields, expected at least 4 (timestamp_ms, right_wrist/acc_x, right_wrist/acc_y,"
                        + " right_wrist/acc_z); sample skipped",
                "line 2 column 'right_wrist/acc_y' value 'x2': not a finite number; sample skipped",
                "line 3 column 'right_wrist/acc_z' value 'Infinity': not a finite number; sample skipped",
                "line 4 column 'timestamp_ms' value '1.7e12': not a whole number of unixtime ms; sample skipped",
                "line 5 column 'right_wrist/acc_y' value '': not a finite number; sample skipped"), shown);
        assertTrue(p.parse("1700000000000,1,2,3", 6), "a good line after bad ones");
    }
}
