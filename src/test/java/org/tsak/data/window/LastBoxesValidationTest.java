package org.tsak.data.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.tsak.data.Recording;

/**
 * Validation on the last boxes of the training recordings ({@code validationLastBoxes}), by hand:
 * W01's 20 samples at 2 Hz carry boxes 0 0 0 0 1 1 1 1 2 2 2 2 0 0 3 3 3 3 3 3, so its box blocks
 * (a sample belongs to the last box at or before it, leading samples to the first box) are box 1
 * for samples 0-7, box 2 for 8-13 and box 3 for 14-19. Windows of 2 samples, stride 1: window s
 * holds samples s and s + 1, s = 0 .. 18.
 */
class LastBoxesValidationTest {

    private static final int[] BOXES = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 3, 3, 3, 3, 3, 3};

    private static Recording withBoxes(String subject) {
        Recording r = TinyRecordings.of(subject, "S01", TinyRecordings.at2Hz(10_000, 20), 0f, null);
        return new Recording(r.subjectId(), r.sessionId(), r.samplingRateHz(), r.timestampsMs(), r.channels(),
                new float[][] {r.channel(0), r.channel(1), r.channel(2), r.channel(3)}, r.sampleLabels(), BOXES,
                r.groundTruth(), List.of());
    }

    private static WindowSet windows() {
        return new Windower(new WindowSpec(1.0, 0.5)).window(List.of(withBoxes("W01"), withBoxes("W02")));
    }

    private static int[] range(int from, int toInclusive) {
        return IntStream.rangeClosed(from, toInclusive).toArray();
    }

    @Test
    void theLastBoxValidatesAndTheWindowAcrossTheBoundaryIsDropped() {
        WindowSet set = windows();
        assertEquals(38, set.size(), "19 windows per recording");
        Split s = new SubjectSplitter(List.of("W01"), List.of(), List.of("W02"), 1).split(set);
        // box 3 starts at sample 14: windows 0..12 train, 13 (samples 13, 14) dropped, 14..18 validate
        assertArrayEquals(range(0, 12), s.train());
        assertArrayEquals(range(14, 18), s.validation());
        assertArrayEquals(range(19, 37), s.test(), "W02 is the test subject, all of it");
    }

    @Test
    void theLastTwoBoxesIncludeTheNullStretchOfBoxTwo() {
        Split s = new SubjectSplitter(List.of("W01"), List.of(), List.of("W02"), 2).split(windows());
        // box 2's block starts at sample 8: windows 0..6 train, 7 dropped, 8..18 validate
        assertArrayEquals(range(0, 6), s.train());
        assertArrayEquals(range(8, 18), s.validation());
    }

    @Test
    void bySessionToo() {
        Split s = new SessionSplitter(List.of("W01-S01"), List.of(), List.of("W02-S01"), 1).split(windows());
        assertArrayEquals(range(0, 12), s.train());
        assertArrayEquals(range(14, 18), s.validation());
        assertArrayEquals(range(19, 37), s.test());
    }

    @Test
    void asManyBoxesAsTheRecordingHasLeavesNothingToTrainOn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SubjectSplitter(List.of("W01"), List.of(), List.of("W02"), 3).split(windows()));
        assertTrue(e.getMessage().contains("W01-S01 has 3 box(es): validating on its last 3 leaves nothing to train on"),
                e.getMessage());
    }

    @Test
    void validationSubjectsAndLastBoxesExcludeEachOther() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SubjectSplitter(List.of("W01"), List.of("W03"), List.of("W02"), 1));
        assertEquals("give validation [W03] or validationLastBoxes 1, not both", e.getMessage());
        assertTrue(Arrays.equals(new int[0], new SubjectSplitter(List.of("W01"), List.of(), List.of("W02")).split(
                windows()).validation()), "without either, no validation windows");
    }
}
