package org.tsak.data.openpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Alignment by time, worked by hand. */
class ClockAlignerTest {

    @Test
    void linearInterpolationOnTimeHoldsTheEdges() {
        long[] clock = {0, 30, 60, 90, 120};
        long[] src = {10, 50, 100};
        float[][] in = {{1, 5, 10}};
        float[][] out = new float[1][5];
        ClockAligner.Coverage cov = ClockAligner.align(clock, src, in, out, 0, 1f);
        // 0: before 10 -> held 1; 30: 1 + 4 * 20/40 = 3; 60: 5 + 5 * 10/50 = 6; 90: 5 + 5 * 40/50 = 9; 120: held 10
        assertArrayEquals(new float[] {1, 3, 6, 9, 10}, out[0], 1e-6f);
        assertEquals(1, cov.heldBefore());
        assertEquals(1, cov.heldAfter());
    }

    @Test
    void nearestSampleWithinSnapDistanceElseInterpolate() {
        long[] clock = {0, 30, 60, 90};
        long[] src = {10, 35, 85, 200};
        float[][] in = {{1, 2, 3, 4}, {10, 20, 30, 40}};
        float[][] out = new float[2][4];
        ClockAligner.Coverage cov = ClockAligner.align(clock, src, in, out, 15, 2f);
        // 0: held first (x2); 30: nearest 35 (5 ms) -> 2; 60: 25 ms from both -> 2 + 1 * 25/50 = 2.5;
        // 90: nearest 85 (5 ms) -> 3; all scaled by 2
        assertArrayEquals(new float[] {2, 4, 5, 6}, out[0], 1e-6f);
        assertArrayEquals(new float[] {20, 40, 50, 60}, out[1], 1e-5f);
        assertEquals(1, cov.heldBefore());
        assertEquals(0, cov.heldAfter());
    }
}
