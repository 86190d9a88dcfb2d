package org.tsak.data.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tsak.data.Recording;

/**
 * Splitters on four 12-sample recordings (five windows each: recording r holds windows
 * 5r .. 5r+4) and on a 24-sample recording with boxes.
 */
class SplitterTest {

    private static final WindowSpec TWO_BY_ONE = new WindowSpec(2.0, 1.0);

    private final WindowSet four = new Windower(TWO_BY_ONE).window(List.of(
            TinyRecordings.simple("U1", "S0100"), TinyRecordings.simple("U2", "S0100"),
            TinyRecordings.simple("U3", "S0200"), TinyRecordings.simple("U4", "S0300")));

    private static int[] range(int from, int toExclusive) {
        int[] out = new int[toExclusive - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void subjectSplitPutsEachPersonInOnePart() {
        Split s = new SubjectSplitter(List.of("U1", "U3"), List.of("U2"), List.of("U4")).split(four);
        assertArrayEquals(concat(range(0, 5), range(10, 15)), s.train());
        assertArrayEquals(range(5, 10), s.validation());
        assertArrayEquals(range(15, 20), s.test());
        assertEquals("train 10 windows, validation 5, test 5", s.summary());
        assertTrue(s.summary(four).contains("[U1-S0100, U3-S0200]"), s.summary(four));
    }

    @Test
    void subjectsLeftOutAreUnused() {
        Split s = new SubjectSplitter(List.of("U1"), List.of(), List.of("U4")).split(four);
        assertArrayEquals(range(0, 5), s.train());
        assertEquals(0, s.validation().length);
        assertArrayEquals(range(15, 20), s.test());
    }

    @Test
    void unknownSubjectsAreListedWithTheAvailableOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SubjectSplitter(List.of("U1"), List.of("U9"), List.of("U0105")).split(four));
        String m = e.getMessage();
        assertTrue(m.contains("U9") && m.contains("U0105") && m.contains("[U1, U2, U3, U4]"), m);
    }

    @Test
    void aSubjectInTwoPartsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SubjectSplitter(List.of("U1", "U2"), List.of(), List.of("U2")));
        assertTrue(e.getMessage().contains("'U2'") && e.getMessage().contains("train")
                && e.getMessage().contains("test"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SubjectSplitter(List.of(), List.of(), List.of("U1")));
    }

    @Test
    void sessionSplitMatchesKeysAndBareSessionIds() {
        Split s = new SessionSplitter(List.of("S0100"), List.of("U3-S0200"), List.of("U4-S0300")).split(four);
        assertArrayEquals(range(0, 10), s.train());
        assertArrayEquals(range(10, 15), s.validation());
        assertArrayEquals(range(15, 20), s.test());

        IllegalArgumentException conflict = assertThrows(IllegalArgumentException.class,
                () -> new SessionSplitter(List.of("S0100"), List.of(), List.of("U1-S0100")).split(four));
        assertTrue(conflict.getMessage().contains("U1-S0100"), conflict.getMessage());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new SessionSplitter(List.of("S0100"), List.of(), List.of("S0999")).split(four));
        assertTrue(unknown.getMessage().contains("S0999") && unknown.getMessage().contains("U4-S0300"),
                unknown.getMessage());
    }

    @Test
    void leaveOneSubjectOutValidatesOnTheNextSubject() {
        LeaveOneSubjectOutSplitter loso = new LeaveOneSubjectOutSplitter();
        List<Split> folds = loso.folds(four);
        assertEquals(4, folds.size());
        assertArrayEquals(range(0, 5), folds.get(0).test());
        assertArrayEquals(range(5, 10), folds.get(0).validation());
        assertArrayEquals(range(10, 20), folds.get(0).train());
        assertArrayEquals(range(15, 20), folds.get(3).test());
        assertArrayEquals(range(0, 5), folds.get(3).validation()); // wraps round to the first subject
        assertArrayEquals(range(5, 15), folds.get(3).train());

        WindowSet two = new Windower(TWO_BY_ONE).window(
                List.of(TinyRecordings.simple("U1", "S1"), TinyRecordings.simple("U2", "S1")));
        assertThrows(IllegalArgumentException.class, () -> loso.folds(two));
    }

    @Test
    void leaveOneSessionOutTestsEachSessionOnceAndValidatesOnTheNext() {
        WindowSet twoEach = new Windower(TWO_BY_ONE).window(List.of(
                TinyRecordings.simple("U1", "S0100"), TinyRecordings.simple("U1", "S0200"),
                TinyRecordings.simple("U2", "S0100"), TinyRecordings.simple("U2", "S0200")));
        List<Split> folds = new LeaveOneSessionOutSplitter().folds(twoEach);
        assertEquals(4, folds.size());
        // keys sorted: U1-S0100, U1-S0200, U2-S0100, U2-S0200 (5 windows each)
        assertArrayEquals(range(0, 5), folds.get(0).test());
        assertArrayEquals(range(5, 10), folds.get(0).validation());
        assertArrayEquals(range(10, 20), folds.get(0).train());
        assertArrayEquals(range(10, 15), folds.get(2).test());
        assertArrayEquals(range(15, 20), folds.get(2).validation());
        assertArrayEquals(range(0, 10), folds.get(2).train());
        assertArrayEquals(range(0, 5), folds.get(3).validation()); // wraps round

        WindowSet two = new Windower(TWO_BY_ONE).window(
                List.of(TinyRecordings.simple("U1", "S1"), TinyRecordings.simple("U2", "S1")));
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> new LeaveOneSessionOutSplitter().folds(two));
        assertTrue(few.getMessage().contains("U1-S1"), few.getMessage());
    }

    @Test
    void splitPartsMustBeDisjoint() {
        assertThrows(IllegalArgumentException.class, () -> new Split(new int[] {0, 1}, new int[] {1}, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new Split(new int[] {-1}, new int[0], new int[0]));
    }

    /**
     * 24 samples at 2 Hz with boxes: samples 0-1 none (take box 1), 2-7 box 1, 8-9 none (stay
     * box 1), 10-15 box 2, 16-23 box 3. Windows of 4 samples start every 2: window k at 2k.
     */
    private static WindowSet boxed() {
        Recording plain = TinyRecordings.of("U1", "S1", TinyRecordings.at2Hz(0, 24), 0f, null);
        int[] boxes = new int[24];
        for (int i = 2; i < 8; i++) {
            boxes[i] = 1;
        }
        for (int i = 10; i < 16; i++) {
            boxes[i] = 2;
        }
        for (int i = 16; i < 24; i++) {
            boxes[i] = 3;
        }
        Recording r = new Recording("U1", "S1", 2.0, plain.timestampsMs(), plain.channels(),
                new float[][] {plain.channel(0), plain.channel(1), plain.channel(2), plain.channel(3)},
                plain.sampleLabels(), boxes, plain.groundTruth(), List.of());
        return new Windower(TWO_BY_ONE).window(List.of(r));
    }

    @Test
    void boxBlocksKeepOnlyWindowsEntirelyInsideOnePart() {
        WindowSet set = boxed();
        assertEquals(11, set.size());
        TimeBlockSplitter byBox = TimeBlockSplitter.byBoxes(TimeBlockSplitter.BoxRange.parse("1"),
                TimeBlockSplitter.BoxRange.parse("2-2"), new TimeBlockSplitter.BoxRange(3, 20));
        Split s = byBox.split(set);
        // train = samples 0..9, validation 10..15, test 16..23; windows 4 ([8,12)) and 7 ([14,18)) straddle
        assertArrayEquals(new int[] {0, 1, 2, 3}, s.train());
        assertArrayEquals(new int[] {5, 6}, s.validation());
        assertArrayEquals(new int[] {8, 9, 10}, s.test());
        assertNoSharedSamples(set, s);

        Split noValidation = TimeBlockSplitter.byBoxes(new TimeBlockSplitter.BoxRange(1, 1), null,
                new TimeBlockSplitter.BoxRange(3, 3)).split(set);
        assertArrayEquals(new int[] {0, 1, 2, 3}, noValidation.train());
        assertEquals(0, noValidation.validation().length);
        assertArrayEquals(new int[] {8, 9, 10}, noValidation.test());
    }

    @Test
    void durationFractionsCutEachRecordingInTimeOrder() {
        WindowSet set = new Windower(TWO_BY_ONE).window(
                List.of(TinyRecordings.of("U1", "S1", TinyRecordings.at2Hz(0, 24), 0f, null)));
        // duration 11.5 s: train t < 5.75 s (samples 0..11), validation t < 8.625 s (12..17), test 18..23
        Split s = TimeBlockSplitter.byFractions(0.5, 0.25, 0.25).split(set);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, s.train());
        assertArrayEquals(new int[] {6, 7}, s.validation());
        assertArrayEquals(new int[] {9, 10}, s.test());
        assertNoSharedSamples(set, s);

        Split twoParts = TimeBlockSplitter.byFractions(0.5, 0.5, 0).split(set);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, twoParts.train());
        assertArrayEquals(new int[] {6, 7, 8, 9, 10}, twoParts.validation()); // last sample stays in validation
        assertEquals(0, twoParts.test().length);
    }

    @Test
    void fractionBlocksNeverShareSamplesOnALongerRecordingWithGaps() {
        long[] ts = TinyRecordings.at2Hz(0, 400);
        for (int i = 150; i < 400; i++) {
            ts[i] += 10_000;
        }
        WindowSet set = new Windower(new WindowSpec(3.0, 0.5)).window(List.of(
                TinyRecordings.of("U1", "S1", ts, 0f, null), TinyRecordings.of("U2", "S1", TinyRecordings.at2Hz(0, 97), 0f, null)));
        Split s = TimeBlockSplitter.byFractions(0.6, 0.2, 0.2).split(set);
        assertTrue(s.train().length > 0 && s.validation().length > 0 && s.test().length > 0, s.summary());
        assertNoSharedSamples(set, s);
    }

    @Test
    void timeBlockErrorsAreSpecific() {
        WindowSet plain = new Windower(TWO_BY_ONE).window(List.of(TinyRecordings.simple("U1", "S1")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeBlockSplitter.byBoxes(new TimeBlockSplitter.BoxRange(1, 12), null, null).split(plain));
        assertTrue(e.getMessage().contains("U1-S1") && e.getMessage().contains("byFractions"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeBlockSplitter.byBoxes(
                new TimeBlockSplitter.BoxRange(1, 12), new TimeBlockSplitter.BoxRange(12, 14), null));
        assertThrows(IllegalArgumentException.class, () -> TimeBlockSplitter.byFractions(0.6, 0.2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> TimeBlockSplitter.byFractions(0, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> TimeBlockSplitter.BoxRange.parse("a-b"));
        assertThrows(IllegalArgumentException.class, () -> TimeBlockSplitter.BoxRange.parse("5-3"));
    }

    /** Every pair of windows from different parts of the same recording has disjoint sample ranges. */
    private static void assertNoSharedSamples(WindowSet set, Split s) {
        int[][] parts = {s.train(), s.validation(), s.test()};
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                for (int i : parts[a]) {
                    for (int j : parts[b]) {
                        assertFalse(set.get(i).overlaps(set.get(j)),
                                "windows " + set.get(i) + " and " + set.get(j) + " share samples");
                    }
                }
            }
        }
    }
}
