package org.tsak.data.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tsak.data.Operations;
import org.tsak.data.Recording;
import org.tsak.data.SecondLabels;

class WindowerTest {

    private static final WindowSpec TWO_BY_ONE = new WindowSpec(2.0, 1.0);

    @Test
    void specConvertsSecondsToSamples() {
        assertEquals(60, TWO_BY_ONE.windowSamples(30.0));
        assertEquals(30, TWO_BY_ONE.strideSamples(30.0));
        assertEquals(59, TWO_BY_ONE.windowSamples(29.5)); // round(59.0)
        assertEquals(64, TWO_BY_ONE.windowSamples(31.9)); // round(63.8)
        assertThrows(IllegalArgumentException.class, () -> new WindowSpec(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new WindowSpec(2, -1));
        assertThrows(IllegalArgumentException.class, () -> new WindowSpec(Double.NaN, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WindowSpec(0.01, 1).windowSamples(30.0));
        assertTrue(e.getMessage().contains("0.01"), e.getMessage());
    }

    @Test
    void twelveSamplesAtTwoHertzGiveFiveWindowsLabelledByTheirEndSecond() {
        long[] ts = TinyRecordings.at2Hz(10_000, 12); // 10000, 10500, ..., 15500
        // ground truth per second; 14 s has none
        SecondLabels truth = new SecondLabels(new long[] {10_000, 11_000, 12_000, 13_000, 15_000},
                new int[] {100, 200, 300, 8100, 1000});
        Recording base = TinyRecordings.of("U1", "S1", ts, 0f, truth);
        int[] labels = base.sampleLabels().clone();
        labels[9] = 500; // the last sample of the window ending in second 14 s
        Recording rec = new Recording("U1", "S1", 2.0, ts, TinyRecordings.CHANNELS,
                new float[][] {base.channel(0), base.channel(1), base.channel(2), base.channel(3)},
                labels, new int[12], truth, List.of());

        WindowSet set = new Windower(TWO_BY_ONE).window(List.of(rec));

        assertEquals(4, set.windowSamples());
        assertEquals(2, set.strideSamples());
        assertEquals(5, set.size());
        assertEquals(0, set.droppedForGaps());
        assertEquals(new Window(0, 0, 4, 11_500, 200, 1), set.get(0));
        assertEquals(new Window(0, 2, 6, 12_500, 300, 2), set.get(1));
        assertEquals(new Window(0, 4, 8, 13_500, 8100, Operations.NULL_INDEX), set.get(2));
        assertEquals(new Window(0, 6, 10, 14_500, 500, 4), set.get(3)); // no truth: sample label
        assertEquals(new Window(0, 8, 12, 15_500, 1000, 9), set.get(4));
        assertArrayEquals(new int[] {1, 2, 10, 4, 9}, set.classIndices());
        assertArrayEquals(new int[] {2, 4}, set.indicesOf(w -> w.classIndex() == 10 || w.classIndex() == 9));
    }

    @Test
    void windowsSpanningAGapAreDroppedAndCounted() {
        long[] ts = TinyRecordings.at2Hz(0, 12);
        for (int i = 6; i < 12; i++) {
            ts[i] += 2_500; // interval 5 -> 6 becomes 3000 ms
        }
        Recording rec = TinyRecordings.of("U1", "S1", ts, 0f, null);

        WindowSet set = new Windower(TWO_BY_ONE).window(List.of(rec));
        // starts 0, 2, 4, 6, 8; [4, 8) holds samples 5 and 6 on both sides of the gap
        assertEquals(4, set.size());
        assertEquals(1, set.droppedForGaps());
        int[] starts = new int[set.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = set.get(i).startSample();
        }
        assertArrayEquals(new int[] {0, 2, 6, 8}, starts);
        assertEquals(ts[9], set.get(2).endTimeMs());

        // a 3000 ms interval is 6 periods: with a factor of 7 it is no gap
        WindowSet lenient = new Windower(TWO_BY_ONE, 7.0).window(List.of(rec));
        assertEquals(5, lenient.size());
        assertEquals(0, lenient.droppedForGaps());
        assertThrows(IllegalArgumentException.class, () -> new Windower(TWO_BY_ONE, 1.0));
    }

    /**
     * Ten samples at 2 Hz from 10 s; 1 s windows (2 samples) with a 0.5 s stride, window s spanning
     * [10000 + 500 s, 10500 + 500 s]. Another stream (atr02) has no sample between 11,200 and
     * 12,100 ms: windows with 10000 + 500 s < 12100 and 10500 + 500 s > 11200, s = 2, 3, 4, are
     * dropped. An E4 stream starting at 10,600 ms holds its first value before: s = 0, 1 too.
     */
    @Test
    void windowsSpanningAGapOfAnotherStreamAreDropped() {
        Recording r = TinyRecordings.of("U1", "S1", TinyRecordings.at2Hz(10_000, 10), 0f, null);
        WindowSpec oneByHalf = new WindowSpec(1.0, 0.5);
        Recording gap = new Recording(r.subjectId(), r.sessionId(), 2.0, r.timestampsMs(), r.channels(), values(r),
                r.sampleLabels(), r.sampleBoxes(), r.groundTruth(), List.of(),
                List.of(new org.tsak.data.StreamGap("atr02", 11_200, 12_100)));
        WindowSet set = new Windower(oneByHalf).window(List.of(gap));
        assertEquals(3, set.droppedForGaps());
        assertArrayEquals(new int[] {0, 1, 5, 6, 7, 8}, starts(set));

        Recording held = new Recording(r.subjectId(), r.sessionId(), 2.0, r.timestampsMs(), r.channels(), values(r),
                r.sampleLabels(), r.sampleBoxes(), r.groundTruth(), List.of(),
                List.of(new org.tsak.data.StreamGap("atr02", 11_200, 12_100),
                        org.tsak.data.StreamGap.heldBefore("e4/eda", 10_600)));
        WindowSet both = new Windower(oneByHalf).window(List.of(held));
        assertEquals(5, both.droppedForGaps());
        assertArrayEquals(new int[] {5, 6, 7, 8}, starts(both));
        assertEquals(held.streamGaps(), held.withChannels(held.channels(), values(held), List.of()).streamGaps(),
                "a channel transform keeps the stream gaps");
        assertTrue(!gap.fingerprint().equals(r.fingerprint()), "stream gaps are part of the data fingerprint");
    }

    private static float[][] values(Recording r) {
        return new float[][] {r.channel(0), r.channel(1), r.channel(2), r.channel(3)};
    }

    private static int[] starts(WindowSet set) {
        int[] out = new int[set.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = set.startSampleOf(i);
        }
        return out;
    }

    @Test
    void windowsOfSeveralRecordingsAreNumberedInRecordingOrder() {
        WindowSet set = new Windower(TWO_BY_ONE).window(List.of(
                TinyRecordings.simple("U1", "S1"),
                TinyRecordings.of("U2", "S1", TinyRecordings.at2Hz(0, 7), 0f, null)));
        // second recording: 7 samples -> starts 0 and 2 ([4, 8) would need sample 7)
        assertEquals(7, set.size());
        assertEquals(new Window(1, 2, 6, 2_500, 100, 0), set.get(6));
        assertEquals(1, set.recordingOf(5));
        assertEquals(TinyRecordings.CHANNELS, set.channels());
    }

    @Test
    void recordingsWithDifferentChannelsAreRejectedNamingBothAndTheChannel() {
        Recording a = TinyRecordings.simple("U1", "S1");
        Recording simple = TinyRecordings.simple("U2", "S2");
        List<String> other = List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/gyro_z", "left_wrist/acc_x");
        Recording b = new Recording("U2", "S2", 2.0, simple.timestampsMs(), other,
                new float[][] {simple.channel(0), simple.channel(1), simple.channel(2), simple.channel(3)},
                simple.sampleLabels(), simple.sampleBoxes(), simple.groundTruth(), List.of());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Windower(TWO_BY_ONE).window(List.of(a, b)));
        String m = e.getMessage();
        assertTrue(m.contains("U1-S1") && m.contains("U2-S2"), m);
        assertTrue(m.contains("right_wrist/acc_z") && m.contains("right_wrist/gyro_z"), m);
    }

    @Test
    void ratesMustAgreeWithinFivePercent() {
        Recording a = TinyRecordings.simple("U1", "S1");
        Recording near = withRate(TinyRecordings.simple("U2", "S2"), 2.08);
        Recording far = withRate(TinyRecordings.simple("U3", "S3"), 2.2);
        assertEquals(10, new Windower(TWO_BY_ONE).window(List.of(a, near)).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Windower(TWO_BY_ONE).window(List.of(a, far)));
        assertTrue(e.getMessage().contains("U3-S3") && e.getMessage().contains("2.2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Windower(TWO_BY_ONE).window(List.of()));
    }

    @Test
    void unknownOperationIdNamesRecordingAndTime() {
        Recording s = TinyRecordings.simple("U1", "S1");
        int[] labels = s.sampleLabels().clone();
        labels[3] = 4242;
        Recording bad = new Recording("U1", "S1", 2.0, s.timestampsMs(), s.channels(),
                new float[][] {s.channel(0), s.channel(1), s.channel(2), s.channel(3)}, labels, s.sampleBoxes(),
                new SecondLabels(new long[0], new int[0]), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Windower(TWO_BY_ONE).window(List.of(bad)));
        assertTrue(e.getMessage().contains("U1-S1") && e.getMessage().contains("4242")
                && e.getMessage().contains("11500"), e.getMessage());
    }

    private static Recording withRate(Recording r, double rateHz) {
        return new Recording(r.subjectId(), r.sessionId(), rateHz, r.timestampsMs(), r.channels(),
                new float[][] {r.channel(0), r.channel(1), r.channel(2), r.channel(3)}, r.sampleLabels(),
                r.sampleBoxes(), r.groundTruth(), List.of());
    }
}
