package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsak.train.LearningRateSchedule.Kind;

/** The learning rate at given steps, worked by hand. */
class LearningRateScheduleTest {

    @Test
    void cosineStartsAtThePeakPassesTheMiddleHalfWayAndEndsJustAboveTheFloor() {
        // 4 epochs x 25 steps = 100 steps, lr 0.01 -> 0.001, no warm-up
        LearningRateSchedule s = new LearningRateSchedule(Kind.COSINE, 0.01, 0.001, 0, 4, 25);
        assertEquals(100, s.totalSteps());
        assertEquals(0.01, s.at(1, 0), 1e-15);
        // t = 50: cos(pi/2) = 0 -> (lr + min) / 2
        assertEquals(0.0055, s.at(3, 0), 1e-15);
        assertEquals(s.at(50), s.at(3, 0), 0.0);
        // t = 25: cos(pi/4) = 0.70710678 -> 0.001 + 0.009 * 1.70710678 / 2 = 0.0086819805
        assertEquals(0.0086819805, s.at(2, 0), 1e-10);
        // last step t = 99: cos(0.99 pi) = -0.99950656 -> 0.001 + 0.009 * 0.00024672 = 0.00100222048
        assertEquals(0.00100222048, s.at(4, 24), 1e-11);
        for (int t = 1; t < 100; t++) {
            assertTrue(s.at(t) < s.at(t - 1), "decreasing at step " + t);
        }
    }

    @Test
    void warmUpRisesLinearlyThenTheCosineStartsAtThePeak() {
        // 3 epochs x 10 steps, 1 warm-up epoch (W = 10), lr 0.01 -> 0
        LearningRateSchedule s = new LearningRateSchedule(Kind.COSINE, 0.01, 0, 1, 3, 10);
        assertEquals(0.001, s.at(1, 0), 1e-15); // lr * 1/10: "about zero" at the first step
        assertEquals(0.005, s.at(1, 4), 1e-15); // lr * 5/10
        assertEquals(0.01, s.at(1, 9), 1e-15); // warm-up ends at the peak
        assertEquals(0.01, s.at(2, 0), 1e-15); // cosine: t - W = 0
        // the cosine's middle: t - W = 10 of T - W = 20
        assertEquals(0.005, s.at(3, 0), 1e-15);
        // last step t = 29: (1 + cos(0.95 pi)) / 2 = (1 - 0.98768834) / 2 = 0.00615583 -> x 0.01
        assertEquals(0.0000615583, s.at(3, 9), 1e-11);
    }

    @Test
    void constantScheduleHoldsThePeakAfterItsWarmUp() {
        LearningRateSchedule plain = new LearningRateSchedule(Kind.CONSTANT, 0.003, 0, 0, 5, 7);
        for (int t = 0; t < plain.totalSteps(); t++) {
            assertEquals(0.003, plain.at(t), 0.0);
        }
        LearningRateSchedule warm = new LearningRateSchedule(Kind.CONSTANT, 0.004, 0, 2, 5, 4);
        assertEquals(0.0005, warm.at(1, 0), 1e-15); // lr * 1/8
        assertEquals(0.002, warm.at(1, 3), 1e-15); // lr * 4/8
        assertEquals(0.004, warm.at(2, 3), 1e-15); // lr * 8/8
        assertEquals(0.004, warm.at(5, 3), 0.0);
    }

    @Test
    void stepsOutsideTheStageAndBadSettingsFail() {
        LearningRateSchedule s = new LearningRateSchedule(Kind.COSINE, 0.01, 0, 0, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> s.at(3, 0));
        assertThrows(IllegalArgumentException.class, () -> s.at(1, 3));
        assertThrows(IllegalArgumentException.class, () -> s.at(6));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(Kind.COSINE, 0.01, 0.02, 0, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(Kind.COSINE, 0.01, 0, 2, 2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kind.fromKey("step"));
        assertEquals("schedule 'step' is not one of constant, cosine", e.getMessage());
    }

    @Test
    void scheduleOfStageSettingsUsesItsStepsPerEpoch() {
        StageSettings st = new StageSettings("s", 4, 16, 0.01, 0, 3, 1, Kind.COSINE, 0.001, 1, WeightSelection.LAST,
                1, false);
        LearningRateSchedule s = LearningRateSchedule.of(st, 6);
        assertEquals(new LearningRateSchedule(Kind.COSINE, 0.01, 0.001, 1, 4, 6), s);
    }

    @Test
    void stepsPerEpochSkipOnlyATrailingBatchOfOne() {
        assertEquals(6, StageTrainer.stepsPerEpoch(96, 16));
        assertEquals(6, StageTrainer.stepsPerEpoch(97, 16)); // 6 full + 1 window: skipped
        assertEquals(7, StageTrainer.stepsPerEpoch(98, 16)); // 6 full + 2 windows
        assertEquals(1, StageTrainer.stepsPerEpoch(1, 16));
        assertEquals(1, StageTrainer.stepsPerEpoch(16, 16));
        assertEquals(1, StageTrainer.stepsPerEpoch(17, 16));
    }
}
