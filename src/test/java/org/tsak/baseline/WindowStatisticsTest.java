package org.tsak.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The five statistics of a tiny window (2 channels x 4 samples), worked out by hand. */
class WindowStatisticsTest {

    /**
     * Channel-major: channel 0 = [1, 3, 2, 6], channel 1 = [-1, -1, 4, 0]. Read time-major by
     * mistake (window[t * C + c]) channel 0 would be [1, 2, -1, 4]: every statistic differs.
     */
    private static final float[] WINDOW = {1, 3, 2, 6, -1, -1, 4, 0};

    @Test
    void statisticsOfATinyWindowMatchTheHandWorkedValues() {
        // channel 0 = [1, 3, 2, 6]
        //   mean = (1 + 3 + 2 + 6) / 4 = 12 / 4 = 3
        //   std  = sqrt(((1-3)^2 + (3-3)^2 + (2-3)^2 + (6-3)^2) / 4) = sqrt((4 + 0 + 1 + 9) / 4) = sqrt(3.5)
        //   min  = 1, max = 6
        //   mad  = (|3-1| + |2-3| + |6-2|) / 3 = (2 + 1 + 4) / 3 = 7/3
        // channel 1 = [-1, -1, 4, 0]
        //   mean = (-1 - 1 + 4 + 0) / 4 = 2 / 4 = 0.5
        //   std  = sqrt(((-1.5)^2 + (-1.5)^2 + 3.5^2 + (-0.5)^2) / 4) = sqrt((2.25 + 2.25 + 12.25 + 0.25) / 4)
        //        = sqrt(17 / 4) = sqrt(4.25)
        //   min  = -1, max = 4
        //   mad  = (|-1+1| + |4+1| + |0-4|) / 3 = (0 + 5 + 4) / 3 = 3
        double[] expected = {
            3, Math.sqrt(3.5), 1, 6, 7.0 / 3,
            0.5, Math.sqrt(4.25), -1, 4, 3};
        assertArrayEquals(expected, WindowStatistics.of(WINDOW, 2, 4), 1e-12);
    }

    @Test
    void aConstantChannelHasZeroSpreadAndZeroDifference() {
        double[] f = WindowStatistics.of(new float[] {2.5f, 2.5f, 2.5f}, 1, 3);
        assertArrayEquals(new double[] {2.5, 0, 2.5, 2.5, 0}, f, 0);
    }

    @Test
    void namesFollowTheFeatureOrder() {
        assertEquals(List.of(
                "right_wrist/acc_x:mean", "right_wrist/acc_x:std", "right_wrist/acc_x:min",
                "right_wrist/acc_x:max", "right_wrist/acc_x:mad",
                "left_wrist/gyro_z:mean", "left_wrist/gyro_z:std", "left_wrist/gyro_z:min",
                "left_wrist/gyro_z:max", "left_wrist/gyro_z:mad"),
                WindowStatistics.names(List.of("right_wrist/acc_x", "left_wrist/gyro_z")));
    }

    @Test
    void rejectsShapesThatDoNotFit() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> WindowStatistics.of(WINDOW, 3, 4));
        assertTrue(size.getMessage().contains("8 values but 3 channels x 4 samples need 12"), size.getMessage());
        IllegalArgumentException oneSample = assertThrows(IllegalArgumentException.class,
                () -> WindowStatistics.of(new float[] {1, 2}, 2, 1));
        assertTrue(oneSample.getMessage().contains("at least 2 samples"), oneSample.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WindowStatistics.of(new float[0], 0, 4));
        assertThrows(IllegalArgumentException.class, () -> WindowStatistics.names(List.of()));
    }
}
