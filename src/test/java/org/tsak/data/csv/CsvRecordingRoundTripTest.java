package org.tsak.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.Recording;
import org.tsak.data.SecondLabels;
import org.tsak.data.sim.FactorySimulator;
import org.tsak.data.sim.SimulatorConfig;

/** Writing then reading gives the same recording; the writer's bytes are deterministic. */
class CsvRecordingRoundTripTest {

    @TempDir
    Path dir;

    /** Two samples, two channels, hand-written expected file. */
    private static Recording tiny() {
        long[] t = {1700000000999L, 1700000001032L};
        float[][] v = {{0.1f, -1.5E-5f}, {1.0f, 123456.79f}};
        int[] ops = {8100, 100};
        int[] boxes = {0, 1};
        return new Recording("W01", "S01", 30, t, List.of("right_wrist/acc_x", "left_wrist/cap_1"), v, ops,
                boxes, SecondLabels.fromSamples(t, ops), List.of("hand-made"));
    }

    @Test
    void writesTheDocumentedLayoutByteForByte() throws IOException {
        StringWriter out = new StringWriter();
        new CsvRecordingWriter().write(tiny(), out);
        assertEquals("# tsak-recording v1\n"
                + "# subject: W01\n"
                + "# session: S01\n"
                + "# sampling_rate_hz: 30\n"
                + "# note: hand-made\n"
                + "timestamp_ms,right_wrist/acc_x,left_wrist/cap_1,operation,box\n"
                + "1700000000999,0.1,1.0,8100,0\n"
                + "1700000001032,-1.5E-5,123456.79,100,1\n", out.toString());
    }

    @Test
    void roundTripOfSimulatedSessionsKeepsEverything() throws IOException {
        List<Recording> recs = new FactorySimulator(new SimulatorConfig(2, 1, 2, 11L)).simulate();
        List<Path> files = CsvRecordingWriter.writeAll(recs, dir);
        assertEquals(List.of(dir.resolve("W01-S01.csv"), dir.resolve("W02-S01.csv")), files);
        List<Recording> back = new CsvRecordingReader().read(dir);
        assertEquals(recs.size(), back.size());
        for (int k = 0; k < recs.size(); k++) {
            Recording a = recs.get(k);
            Recording b = back.get(k);
            assertEquals(a.subjectId(), b.subjectId());
            assertEquals(a.sessionId(), b.sessionId());
            assertEquals(a.samplingRateHz(), b.samplingRateHz());
            assertEquals(a.channels(), b.channels());
            assertEquals(a.notes(), b.notes());
            assertArrayEquals(a.timestampsMs(), b.timestampsMs());
            assertArrayEquals(a.sampleLabels(), b.sampleLabels());
            assertArrayEquals(a.sampleBoxes(), b.sampleBoxes());
            assertArrayEquals(a.groundTruth().secondsMs(), b.groundTruth().secondsMs());
            assertArrayEquals(a.groundTruth().operationIds(), b.groundTruth().operationIds());
            for (int c = 0; c < a.channels().size(); c++) {
                // Float.toString round-trips exactly
                assertArrayEquals(a.channel(c), b.channel(c), 0f, a.channels().get(c));
            }
            assertEquals(a.fingerprint(), b.fingerprint());
        }
        // a single file reads the same as through the folder
        assertEquals(recs.get(1).fingerprint(), new CsvRecordingReader().readFile(files.get(1)).fingerprint());
    }

    @Test
    void extremeFloatsRoundTripExactly() throws IOException {
        float[] tricky = {Float.MIN_VALUE, -Float.MAX_VALUE, 1e-10f, 0.1f + 0.2f, -0.0f, 16777217f, 3.4028235E38f};
        long[] t = new long[tricky.length];
        int[] ops = new int[tricky.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = 1000L * i;
            ops[i] = 300;
        }
        Recording r = new Recording("W09", "S03", 12.5, t, List.of("left_wrist/eda"), new float[][] {tricky},
                ops, new int[t.length], SecondLabels.fromSamples(t, ops), List.of());
        Path f = dir.resolve("x.csv");
        new CsvRecordingWriter().write(r, f);
        Recording back = new CsvRecordingReader().readFile(f);
        assertEquals(12.5, back.samplingRateHz());
        for (int i = 0; i < tricky.length; i++) {
            assertEquals(Float.floatToIntBits(tricky[i]), Float.floatToIntBits(back.channel(0)[i]), "sample " + i);
        }
    }

    @Test
    void writeIsAtomicAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("W01-S01.csv");
        Files.writeString(f, "old content");
        new CsvRecordingWriter().write(tiny(), f);
        assertTrue(Files.readString(f).startsWith("# tsak-recording v1\n"));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
    }

    @Test
    void writerRefusesWhatTheFormatCannotCarry() {
        long[] t = {0L};
        int[] ops = {100};
        Recording nan = new Recording("W01", "S01", 30, t, List.of("right_wrist/acc_x"),
                new float[][] {{Float.NaN}}, ops, new int[1], SecondLabels.fromSamples(t, ops), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CsvRecordingWriter().write(nan, new StringWriter()));
        assertTrue(e.getMessage().contains("right_wrist/acc_x"), e.getMessage());
        Recording badNote = new Recording("W01", "S01", 30, t, List.of("right_wrist/acc_x"),
                new float[][] {{1f}}, ops, new int[1], SecondLabels.fromSamples(t, ops), List.of("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> new CsvRecordingWriter().write(badNote, new StringWriter()));
    }

    @Test
    void writeAllRefusesDuplicateKeys() {
        Recording r = tiny();
        assertThrows(IllegalArgumentException.class, () -> CsvRecordingWriter.writeAll(List.of(r, r), dir));
    }
}
