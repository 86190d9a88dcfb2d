package org.tsak.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.DataFormatException;

class SubmissionFilesTest {

    @TempDir
    Path dir;

    private static Map<String, TimedPredictions> tiny() {
        Map<String, TimedPredictions> m = new LinkedHashMap<>();
        m.put("U0210-S0100", new TimedPredictions(new long[] {5_000}, new int[] {1000}));
        m.put("U0209-S0500", new TimedPredictions(new long[] {1648531522000L, 1648531523000L}, new int[] {100, 8100}));
        return m;
    }

    @Test
    void writesTheExactOpenPackFormatAndReadsItBack() throws IOException {
        Path file = dir.resolve("out/submission.json");
        SubmissionWriter.write(file, tiny());
        assertEquals("{\"U0209-S0500\":{\"unixtime\":[1648531522000,1648531523000],\"prediction\":[100,8100]},"
                + "\"U0210-S0100\":{\"unixtime\":[5000],\"prediction\":[1000]}}", Files.readString(file));
        Map<String, TimedPredictions> back = SubmissionReader.read(file);
        assertEquals(List.of("U0209-S0500", "U0210-S0100"), List.copyOf(back.keySet()));
        assertEquals(tiny(), back);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void overwritesAnExistingFile() throws IOException {
        Path file = dir.resolve("submission.json");
        Files.writeString(file, "old content that is longer than the new one ............................................");
        SubmissionWriter.write(file, Map.of("K", new TimedPredictions(new long[] {0}, new int[] {200})));
        assertEquals("{\"K\":{\"unixtime\":[0],\"prediction\":[200]}}", Files.readString(file));
    }

    @Test
    void writerRejectsPredictionsThatAreNotOneHz() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SubmissionWriter.write(
                dir.resolve("s.json"), Map.of("K", new TimedPredictions(new long[] {0, 1_500}, new int[] {100, 100}))));
        assertTrue(e.getMessage().contains("unixtime[1] = 1500"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SubmissionWriter.write(
                dir.resolve("s.json"), Map.of("K", new TimedPredictions(new long[] {1_000, 1_000}, new int[] {100, 100}))));
        assertTrue(e.getMessage().contains("one prediction per second"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("s.json")));
    }

    private DataFormatException readError(String json) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        return assertThrows(DataFormatException.class, () -> SubmissionReader.read(file));
    }

    @Test
    void readerNamesFileKeyIndexAndValue() throws IOException {
        DataFormatException e = readError("{\"U0209-S0500\":{\"unixtime\":[0,1000],\"prediction\":[100,150]}}");
        assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
        assertEquals("U0209-S0500.prediction[1]", e.column());
        assertEquals("150", e.value());

        e = readError("{\"K\":{\"unixtime\":[0,\"x\"],\"prediction\":[100,100]}}");
        assertEquals("K.unixtime[1]", e.column());
        assertEquals("\"x\"", e.value());

        e = readError("{\"K\":{\"unixtime\":[0,1000],\"prediction\":[100,100.5]}}");
        assertEquals("K.prediction[1]", e.column());

        e = readError("{\"K\":{\"unixtime\":[2000,1000],\"prediction\":[100,100]}}");
        assertTrue(e.getMessage().contains("ascending"), e.getMessage());

        e = readError("{\"K\":{\"unixtime\":[0]}}");
        assertTrue(e.getMessage().contains("missing array 'prediction'"), e.getMessage());

        e = readError("{\"K\":{\"unixtime\":[0,1000],\"prediction\":[100]}}");
        assertTrue(e.getMessage().contains("has 2 entries but 'prediction' has 1"), e.getMessage());

        e = readError("[1, 2]");
        assertTrue(e.getMessage().contains("JSON object of sessions"), e.getMessage());

        e = readError("{\n\"K\": {\"unixtime\": [0,\n}");
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());

        e = assertThrows(DataFormatException.class, () -> SubmissionReader.read(dir.resolve("absent.json")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void readerIgnoresExtraEntriesLikeTheToolkit() throws IOException {
        Path file = dir.resolve("gt.json");
        Files.writeString(file, "{\"K\":{\"unixtime\":[0],\"prediction\":[300],\"ground_truth\":[300]}}");
        assertEquals(new TimedPredictions(new long[] {0}, new int[] {300}), SubmissionReader.read(file).get("K"));
    }
}
