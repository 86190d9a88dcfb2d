package org.tsak.data.openpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tsak.data.Recording;
import org.tsak.data.SecondLabels;
import org.tsak.testing.SharedDatasets;

/** The reader on the real OpenPack sample (U0209, S0500); skipped when the sample is absent. */
class OpenPackReaderSampleTest {

    private static final long FIRST_MS = 1648531521000L;
    private static final long LAST_MS = 1648532924970L;

    private static Path root;
    private static Recording rec;

    @BeforeAll
    static void readSample() throws IOException {
        root = SharedDatasets.openPackSampleOrSkip();
        List<Recording> all = new OpenPackReader().read(root);
        assertEquals(1, all.size(), "one subject, one session");
        rec = all.get(0);
    }

    @Test
    void oneSubjectOneSessionWithTheFilesTimes() {
        assertEquals("U0209", rec.subjectId());
        assertEquals("S0500", rec.sessionId());
        assertEquals("U0209-S0500", rec.key());
        assertEquals("U0209-S0500", OpenPackReader.submissionKey(rec));
        assertEquals(46_800, rec.sampleCount());
        assertEquals(FIRST_MS, rec.timestampsMs()[0]);
        assertEquals(LAST_MS, rec.timestampsMs()[rec.sampleCount() - 1]);
        assertEquals(1000.0 / 30.0, rec.samplingRateHz(), 1e-9, "rows are 30 ms apart");
        assertEquals(List.of(), rec.notes(), "the sample has no flaw to repair and E4 covers the ATR span");
    }

    @Test
    void defaultSelectionGivesAllChannels() {
        // 4 ATR x (3 acc + 3 gyro + 4 quat) + E4 (3 acc + bvp + eda + temp)
        assertEquals(4 * 10 + 6, rec.channels().size());
        assertEquals("right_wrist/acc_x", rec.channels().get(0));
        assertTrue(rec.channels().contains("left_upper_arm/quat_w"));
        assertTrue(rec.channels().contains("right_wrist/e4acc_z"));
        assertTrue(rec.channels().containsAll(List.of("right_wrist/bvp", "right_wrist/eda", "right_wrist/temp")));
    }

    @Test
    void atrValuesAreTheFilesRowsOnTheCommonGrid() {
        // first and last rows of atr01, atr02 and atr04 as printed in the files
        assertEquals(0.3795f, value("right_wrist/acc_x", 0));
        assertEquals(0.4012f, value("left_wrist/acc_x", 0));
        assertEquals(-0.7343f, value("left_wrist/quat_z", rec.sampleCount() - 1));
        assertEquals(-0.6875f, value("left_upper_arm/quat_z", rec.sampleCount() - 1));
        assertEquals(-131.82f, value("left_wrist/gyro_y", rec.sampleCount() - 1));
    }

    @Test
    void e4StreamsAreInterpolatedOnTime() {
        // eda rows 1648531520990 -> 0.584076 and 1648531521240 -> 0.587919; t = +10 of 250 ms
        assertEquals(0.584076 + (0.587919 - 0.584076) * 10 / 250, value("right_wrist/eda", 0), 1e-6);
        // bvp rows 1648531520996 -> 18.54, 1648531521011 -> 18.41; t = +4 of 15 ms
        assertEquals(18.54 + (18.41 - 18.54) * 4 / 15, value("right_wrist/bvp", 0), 1e-4);
        // acc row at exactly 1648531521000: acc_y -0.09081847521834674 (G / 9.80665)
        assertEquals(-0.09081847521834674 * 9.80665, value("right_wrist/e4acc_y", 0), 1e-5);
    }

    @Test
    void e4AccelerationMagnitudeIsAboutOneG() {
        int x = rec.channelIndex("right_wrist/e4acc_x");
        int n = rec.sampleCount();
        double[] mag = new double[n];
        for (int i = 0; i < n; i++) {
            double ax = rec.channel(x)[i];
            double ay = rec.channel(x + 1)[i];
            double az = rec.channel(x + 2)[i];
            mag[i] = Math.sqrt(ax * ax + ay * ay + az * az);
        }
        Arrays.sort(mag);
        double median = mag[n / 2];
        System.out.println("openpack sample: e4 acc median magnitude " + median + " G");
        assertEquals(1.0, median, 0.15);
    }

    @Test
    void groundTruthIsTheOneHertzFile() {
        SecondLabels gt = rec.groundTruth();
        assertEquals(1404, gt.size());
        assertEquals(100, gt.idAt(1648531522000L));
        assertEquals(300, gt.idAt(1648531720000L));
        assertEquals(700, gt.idAt(1648532020000L));
        assertEquals(600, gt.idAt(1648532420000L));
        assertEquals(900, gt.idAt(1648532925000L));
        assertEquals(-1, gt.idAt(FIRST_MS), "the 1 Hz file starts one second after the first sample");
    }

    @Test
    void perClassSecondsMatchADirectCountOfTheFile() throws IOException {
        Path file = root.resolve("U0209/annotation/openpack-operations-1hz/S0500.csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int idCol = Arrays.asList(lines.get(0).split(",")).indexOf("id");
        Map<Integer, Integer> expected = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            expected.merge(Integer.parseInt(line.split(",")[idCol]), 1, Integer::sum);
        }
        Map<Integer, Integer> actual = new TreeMap<>();
        SecondLabels gt = rec.groundTruth();
        for (int i = 0; i < gt.size(); i++) {
            actual.merge(gt.operationId(i), 1, Integer::sum);
        }
        assertEquals(expected, actual);
        assertEquals(220, actual.get(300), "Assemble Box seconds, counted with uniq -c");
    }

    @Test
    void sampleLabelsFollowTheSegments() {
        // 'Assemble Box' of box 1: 14:25:56.039 to 14:25:59.614 +09:00; before it 'Relocate Item Label'
        assertEquals(300, labelAt(1648531557000L));
        assertEquals(1, boxAt(1648531557000L));
        assertEquals(200, labelAt(1648531556010L), "29 ms before the segment starts");
        assertEquals(300, labelAt(1648531556040L), "1 ms after it starts");
        assertEquals(300, labelAt(1648531559610L), "4 ms before it ends");
        assertEquals(400, labelAt(1648531559640L), "after it ends: Insert Items");
        // before the first segment (14:25:22.143) nothing is annotated
        assertEquals(8100, labelAt(FIRST_MS));
        assertEquals(0, boxAt(FIRST_MS));
        assertEquals(8100, labelAt(1648531522140L));
        assertEquals(100, labelAt(1648531522170L));
        // the last segment, Put on Back Table of box 20, runs past the last sample
        assertEquals(900, labelAt(LAST_MS));
        assertEquals(20, boxAt(LAST_MS));
    }

    @Test
    void selectedSensorsOnly() throws IOException {
        OpenPackOptions wristAcc = OpenPackOptions.of(List.of("atr02/acc", "atr01/acc"), List.of("U0209"),
                List.of("S0500"));
        Recording r = new OpenPackReader(wristAcc).read(root).get(0);
        assertEquals(List.of("left_wrist/acc_x", "left_wrist/acc_y", "left_wrist/acc_z",
                "right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z"), r.channels());
        assertEquals(46_800, r.sampleCount());
        assertEquals(0.3795f, r.channel(3)[0]);
    }

    @Test
    void timing() throws IOException {
        OpenPackReader reader = new OpenPackReader();
        for (int i = 0; i < 3; i++) {
            reader.read(root);
        }
        int runs = 3;
        long start = System.nanoTime();
        Recording r = null;
        for (int i = 0; i < runs; i++) {
            r = reader.read(root).get(0);
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("read openpack sample: %.0f ms, %d bytes/sample (%d samples x %d channels)%n",
                ms, r.bytesPerSample(), r.sampleCount(), r.channels().size());
    }

    private static float value(String channel, int sample) {
        int c = rec.channelIndex(channel);
        assertTrue(c >= 0, channel);
        return rec.channel(c)[sample];
    }

    private static int sampleAt(long timeMs) {
        int i = Arrays.binarySearch(rec.timestampsMs(), timeMs);
        assertTrue(i >= 0, "no sample at " + timeMs);
        return i;
    }

    private static int labelAt(long timeMs) {
        return rec.sampleLabels()[sampleAt(timeMs)];
    }

    private static int boxAt(long timeMs) {
        return rec.sampleBoxes()[sampleAt(timeMs)];
    }
}
