package org.tsak.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.DataFormatException;

/**
 * Regression test for a bug found by {@link SubmissionReaderFuzzTest}: a submission that gives a
 * session, or a session's array, twice was read without a word, the last copy silently winning
 * (a duplicated line in a hand-edited file dropped a session's predictions).
 */
class SubmissionRepeatedKeyTest {

    @TempDir
    Path dir;

    @Test
    void aRepeatedArrayFailsNamingItsLine() throws IOException {
        Path file = dir.resolve("sub.json");
        Files.writeString(file, "{\"K\": {\n\"unixtime\": [0, 1000],\n\"prediction\": [100, 200],\n"
                + "\"prediction\": [300, 400]\n}}\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> SubmissionReader.read(file));
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("sub.json line 4") && e.getMessage().contains("a key repeats")
                && e.getMessage().contains("'prediction'"), e.getMessage());
    }

    @Test
    void aRepeatedSessionFails() throws IOException {
        Path file = dir.resolve("sub.json");
        Files.writeString(file, "{\"K\": {\"unixtime\": [0], \"prediction\": [100]},\n"
                + " \"K\": {\"unixtime\": [0], \"prediction\": [200]}}\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> SubmissionReader.read(file));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("'K'"), e.getMessage());
    }
}
