package org.tsak.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsak.data.SecondLabels;

class OneHzResamplerTest {

    private static SecondLabels truthAt(long... secondsMs) {
        return new SecondLabels(secondsMs, new int[secondsMs.length]);
    }

    @Test
    void lastPredictionInEachSecondWinsAndGapsTakeThePreviousOne() {
        SecondLabels gt = truthAt(10_000, 11_000, 12_000, 13_000, 14_000);
        TimedPredictions p = new TimedPredictions(
                new long[] {10_100, 10_500, 10_999, 12_000, 13_999, 14_000},
                new int[] {100, 200, 300, 400, 500, 600});
        // second 10: 100, 200, 300 -> last is 300
        // second 11: none -> previous prediction 300
        // second 12: 400 (12000 ms belongs to second 12)
        // second 13: 500 (13999 ms still second 13)
        // second 14: 600 (14000 ms is second 14, not 13)
        assertArrayEquals(new int[] {300, 300, 400, 500, 600}, OneHzResampler.predictionPerSecond("S", p, gt));
    }

    @Test
    void secondsBeforeTheFirstPredictionTakeTheFirst() {
        SecondLabels gt = truthAt(8_000, 9_000, 10_000, 11_000);
        TimedPredictions p = new TimedPredictions(new long[] {10_400, 11_200}, new int[] {700, 800});
        assertArrayEquals(new int[] {700, 700, 700, 800}, OneHzResampler.predictionPerSecond("S", p, gt));
    }

    @Test
    void predictionInASecondWithoutTruthFillsTheNextGap() {
        // ground truth skips second 11; the prediction made there is the nearest previous one for 12
        SecondLabels gt = truthAt(10_000, 12_000);
        TimedPredictions p = new TimedPredictions(new long[] {10_500, 11_500, 13_500}, new int[] {100, 200, 300});
        assertArrayEquals(new int[] {100, 200}, OneHzResampler.predictionPerSecond("S", p, gt));
    }

    @Test
    void atGroundTruthSecondsUsesTheTruthTimes() {
        SecondLabels gt = truthAt(1_000, 2_000);
        TimedPredictions p = new TimedPredictions(new long[] {1_500, 2_250, 2_750}, new int[] {100, 200, 8100});
        TimedPredictions s = OneHzResampler.atGroundTruthSeconds("S", p, gt);
        assertArrayEquals(new long[] {1_000, 2_000}, s.timestampsMs());
        assertArrayEquals(new int[] {100, 8100}, s.operationIds());
    }

    @Test
    void noPredictionsForAScoredSessionIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OneHzResampler.predictionPerSecond("U0209-S0500",
                        new TimedPredictions(new long[0], new int[0]), truthAt(1_000)));
        assertTrue(e.getMessage().contains("U0209-S0500"), e.getMessage());
    }

    @Test
    void predictionsValidateTheirInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TimedPredictions(new long[] {1, 2}, new int[] {100, 150}));
        assertTrue(e.getMessage().contains("index 1") && e.getMessage().contains("150"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new TimedPredictions(new long[] {2, 1}, new int[] {100, 100}));
        assertTrue(e.getMessage().contains("backwards"), e.getMessage());
        assertArrayEquals(new int[] {100, 1000, 8100},
                TimedPredictions.fromClassIndices(new long[] {1, 2, 3}, new int[] {0, 9, 10}).operationIds());
    }
}
