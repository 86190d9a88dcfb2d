package org.tsak.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.DataFormatException;

/**
 * Regression tests for damage found by {@link CsvRecordingReaderFuzzTest}: bytes that are not
 * UTF-8 used to escape as a bare {@code MalformedInputException: Input length = 1} naming
 * neither file nor line; a UTF-8 byte-order mark made the magic line look wrong; a file cut
 * inside its last value read box 12 as box 1 without a word.
 */
class CsvRecordingReaderDamageTest {

    @TempDir
    Path dir;

    private static final String TEXT = "# tsak-recording v1\n# subject: W01\n# session: S01\n# sampling_rate_hz: 30\n"
            + "timestamp_ms,right_wrist/acc_x,operation,box\n"
            + "1700000000000,0.5,100,1\n"
            + "1700000000033,0.5,100,1\n";

    @Test
    void aLatin1ByteIsAnErrorNamingItsLine() throws IOException {
        // line 7 is "1700000000033,0.5,100,1": put a Latin-1 'é' (0xE9, not UTF-8) into its value
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        int at = TEXT.lastIndexOf("0.5");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(utf8, 0, at);
        b.write(0xE9);
        b.write(utf8, at, utf8.length - at);
        Path f = dir.resolve("latin1.csv");
        Files.write(f, b.toByteArray());
        DataFormatException e = assertThrows(DataFormatException.class, () -> new CsvRecordingReader().readFile(f));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("latin1.csv line 7") && e.getMessage().contains("not UTF-8")
                && e.getMessage().contains("character 15"), e.getMessage());
    }

    @Test
    void aUtf16FileIsAnErrorOnLineOne() throws IOException {
        Path f = dir.resolve("utf16.csv");
        Files.write(f, TEXT.getBytes(StandardCharsets.UTF_16));
        DataFormatException e = assertThrows(DataFormatException.class, () -> new CsvRecordingReader().readFile(f));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
        assertNull(e.column());
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws IOException {
        Path f = dir.resolve("bom.csv");
        Files.write(f, ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8));
        assertEquals(2, new CsvRecordingReader().readFile(f).sampleCount());
    }

    @Test
    void aFileCutInsideItsLastValueFailsNamingTheLastLine() throws IOException {
        Path f = dir.resolve("cut.csv");
        Files.writeString(f, TEXT.replace("0.5,100,1\n1700000000033,0.5,100,1\n",
                "0.5,100,12\n1700000000033,0.5,100,1"), StandardCharsets.UTF_8);
        DataFormatException e = assertThrows(DataFormatException.class, () -> new CsvRecordingReader().readFile(f));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("cut.csv line 7") && e.getMessage().contains("cut short"), e.getMessage());
    }

    @Test
    void aLastLineEndedByCarriageReturnLineFeedOrFollowedByBlanksReads() throws IOException {
        Path crlf = dir.resolve("crlf.csv");
        Files.writeString(crlf, TEXT.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        assertEquals(2, new CsvRecordingReader().readFile(crlf).sampleCount());
        Path blank = dir.resolve("blank.csv");
        Files.writeString(blank, TEXT + "  ", StandardCharsets.UTF_8);
        assertEquals(2, new CsvRecordingReader().readFile(blank).sampleCount());
    }
}
