package org.tsak.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tsak.data.Operations;
import org.tsak.data.Recording;
import org.tsak.data.SecondLabels;
import org.tsak.data.sim.FactorySimulator;
import org.tsak.data.sim.SimulatorConfig;
import org.tsak.data.window.ChannelView;
import org.tsak.data.window.Split;
import org.tsak.data.window.SubjectSplitter;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.WindowSpec;
import org.tsak.data.window.Windower;
import org.tsak.eval.WindowScoring;

/**
 * The forest on a small simulated line (3 workers x 1 session x 2 boxes, 2 s windows, 1 s
 * stride): train on W01 and W03 (W03 is left-handed), test on the held-out worker W02.
 */
class RandomForestBaselineTest {

    private static WindowSet windows;
    private static Split split;
    private static ChannelView wrist;
    private static ChannelView all;

    @BeforeAll
    static void simulate() {
        List<Recording> recs = new FactorySimulator(new SimulatorConfig(3, 1, 2, 11L)).simulate();
        windows = new Windower(new WindowSpec(2.0, 1.0)).window(recs);
        split = new SubjectSplitter(List.of("W01", "W03"), List.of(), List.of("W02")).split(windows);
        wrist = ChannelView.wristAccelerometer(windows.channels(), "right");
        all = ChannelView.all(windows.channels());
    }

    @Test
    void beatsChanceByAWideMarginOnAnotherWorker() {
        RandomForestBaseline forest = new RandomForestBaseline(100, 7L);
        int[] test = split.test();
        double wristF1 = WindowScoring.score(windows, test, forest.fitPredict(windows, wrist, split.train(), test))
                .macroF1();
        double allF1 = WindowScoring.score(windows, test, forest.fitPredict(windows, all, split.train(), test))
                .macroF1();
        System.out.printf("random forest on W02 (train W01, W03; %d / %d windows): macro-F1 right wrist acc %.3f,"
                + " all %d channels %.3f%n", split.train().length, test.length, wristF1, windows.channels().size(),
                allF1);
        // chance: about 1/10 macro-F1 over the ten scored operations
        assertTrue(wristF1 >= 0.35, "right wrist accelerometer macro-F1 " + wristF1);
        assertTrue(allF1 >= 0.6, "all channels macro-F1 " + allF1);
        assertTrue(allF1 > wristF1, "all channels " + allF1 + " should beat one wrist " + wristF1);
    }

    @Test
    void sameSeedSamePredictionsOtherSeedOtherPredictions() {
        int[] a = new RandomForestBaseline(30, 7L).fitPredict(windows, wrist, split.train(), split.test());
        int[] b = new RandomForestBaseline(30, 7L).fitPredict(windows, wrist, split.train(), split.test());
        int[] c = new RandomForestBaseline(30, 8L).fitPredict(windows, wrist, split.train(), split.test());
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c), "seeds 7 and 8 gave identical predictions on "
                + a.length + " windows");
        RandomForestBaseline forest = new RandomForestBaseline(30, 7L);
        forest.fitPredict(windows, all, split.train(), split.test());
        assertArrayEquals(a, forest.fitPredict(windows, wrist, split.train(), split.test()),
                "a second fit of the same instance must not continue the first one's random stream");
    }

    @Test
    void mapsEveryClassBackToItsExactIndex() {
        // Each of the 11 classes holds a level of its own on channel 0 (ids 100 .. 1000 and Null
        // 8100; class index 10 sorts before 2 as a string): 40 windows per level, so an
        // equal-frequency bin edge falls on every level and every window inside a segment is
        // predictable.
        WindowSet levels = new Windower(new WindowSpec(2.0, 1.0)).window(
                List.of(levelRecording("A", 1L), levelRecording("B", 2L)));
        Split byWorker = new SubjectSplitter(List.of("A"), List.of(), List.of("B")).split(levels);
        int[] test = Arrays.stream(byWorker.test()).filter(w -> insideOneSegment(levels, w)).toArray();
        ChannelView view = ChannelView.all(levels.channels());
        int[] predicted = new RandomForestBaseline(50, 3L).fitPredict(levels, view, byWorker.train(), test);
        int[] truth = levels.classIndices(test);
        assertEquals(Operations.CLASS_COUNT, Arrays.stream(truth).distinct().count());
        assertArrayEquals(truth, predicted);
    }

    @Test
    void rejectsBadInputsWithClearMessages() {
        RandomForestBaseline forest = new RandomForestBaseline(5, 1L);
        int[] train = split.train();
        int[] test = split.test();
        assertMessage("at least one training window",
                () -> forest.fitPredict(windows, wrist, new int[0], test));
        ChannelView foreign = ChannelView.all(List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z"));
        assertMessage("build it from windows.channels()", () -> forest.fitPredict(windows, foreign, train, test));
        assertMessage("test window index " + windows.size() + " is outside",
                () -> forest.fitPredict(windows, wrist, train, new int[] {windows.size()}));
        assertMessage("train window index -1 is outside",
                () -> forest.fitPredict(windows, wrist, new int[] {-1}, test));
        assertMessage("window " + train[3] + " is in both train and test",
                () -> forest.fitPredict(windows, wrist, train, new int[] {test[0], train[3]}));
        assertMessage("at least 1 tree", () -> new RandomForestBaseline(0, 1L));
        assertEquals(0, forest.fitPredict(windows, wrist, train, new int[0]).length);
    }

    @Test
    void binsAtMostSixtyFourAndAtMostTheSquareRootOfTheTrainingWindows() {
        assertEquals(1, RandomForestBaseline.bins(1));
        assertEquals(9, RandomForestBaseline.bins(99));
        assertEquals(10, RandomForestBaseline.bins(100));
        assertEquals(62, RandomForestBaseline.bins(3858));
        assertEquals(64, RandomForestBaseline.bins(64 * 64));
        assertEquals(64, RandomForestBaseline.bins(100_000));
    }

    @Test
    void describesItsHyperParameters() {
        String d = new RandomForestBaseline(100, 7L).describe();
        assertTrue(d.startsWith("random forest"), d);
        assertTrue(d.contains("100 trees") && d.contains("sqrt features") && d.contains("seed 7"), d);
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }

    /**
     * 40 s per class index k at 10 Hz: channel 0 holds 3 (7k mod 11) exactly, channel 1 its
     * negative plus noise.
     */
    private static Recording levelRecording(String subject, long seed) {
        int rateHz = 10;
        int perClass = 40 * rateHz;
        int n = perClass * Operations.CLASS_COUNT;
        long[] ts = new long[n];
        int[] labels = new int[n];
        float[][] v = new float[2][n];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int k = i / perClass;
            ts[i] = 1_000_000L + 100L * i;
            labels[i] = Operations.idOf(k);
            float level = 3f * ((7 * k) % Operations.CLASS_COUNT);
            v[0][i] = level;
            v[1][i] = -level + (float) (0.2 * rng.nextGaussian());
        }
        return new Recording(subject, "S1", rateHz, ts, List.of("right_wrist/acc_x", "right_wrist/acc_y"), v,
                labels, new int[n], SecondLabels.fromSamples(ts, labels), List.of());
    }

    private static boolean insideOneSegment(WindowSet set, int w) {
        int[] labels = set.recordings().get(set.recordingOf(w)).sampleLabels();
        int start = set.startSampleOf(w);
        List<Integer> seen = new ArrayList<>();
        for (int t = start; t < start + set.windowSamples(); t++) {
            if (!seen.contains(labels[t])) {
                seen.add(labels[t]);
            }
        }
        return seen.size() == 1;
    }
}
