package org.tsak.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tsak.config.AugmentationConfig;
import org.tsak.data.hands.MirrorMap;
import org.tsak.data.window.ZScore;

/** Shapes, determinism and the invariants of each augmentation step. */
class WristAugmentationTest {

    /** Two-hand input: both wrists' acc and gyro, a capacitive channel each. */
    private static final List<String> TWO_HANDS = List.of(
            "right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z",
            "right_wrist/gyro_x", "right_wrist/gyro_y", "right_wrist/gyro_z", "right_wrist/cap_1",
            "left_wrist/acc_x", "left_wrist/acc_y", "left_wrist/acc_z",
            "left_wrist/gyro_x", "left_wrist/gyro_y", "left_wrist/gyro_z", "left_wrist/cap_1");

    private static final List<String> ONE_WRIST = List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z");

    private static final int L = 20;
    private static final int COUNT = 6;

    private static float[] batch(List<String> channels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[COUNT * channels.size() * L];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (2 * r.nextDouble() - 1);
        }
        return out;
    }

    private static AugmentationConfig config(double rot, double scale, double jitter, int shift, String pad,
            double mirror) {
        return new AugmentationConfig(rot, scale, jitter, shift, pad, mirror);
    }

    private static AugmentationConfig everything() {
        return config(15, 0.2, 0.05, 3, "edge", 0.5);
    }

    @Test
    void zeroSettingsAreTheIdentity() {
        WristAugmentation aug = new WristAugmentation(AugmentationConfig.OFF, TWO_HANDS, L);
        assertTrue(aug.isIdentity());
        float[] x = batch(TWO_HANDS, 1);
        float[] y = x.clone();
        aug.apply(y, COUNT, null, null, new SplittableRandom(5));
        assertArrayEquals(x, y);
        aug.applyPhysical(y, COUNT, new SplittableRandom(6));
        aug.applyNormalised(y, COUNT, new SplittableRandom(7));
        assertArrayEquals(x, y);
    }

    @Test
    void keepsTheShapeAndIsDeterministicPerSeed() {
        WristAugmentation aug = new WristAugmentation(everything(), TWO_HANDS, L);
        float[] x = batch(TWO_HANDS, 2);
        float[] a = x.clone();
        float[] b = x.clone();
        float[] c = x.clone();
        aug.apply(a, COUNT, null, null, new SplittableRandom(42));
        aug.apply(b, COUNT, null, null, new SplittableRandom(42));
        aug.apply(c, COUNT, null, null, new SplittableRandom(43));
        assertEquals(x.length, a.length);
        assertArrayEquals(a, b, "same seed, same batch");
        assertFalse(Arrays.equals(a, c), "another seed, other draws");
        assertFalse(Arrays.equals(a, x), "something changed");
        for (float v : a) {
            assertTrue(Float.isFinite(v));
        }
        float[] longer = Arrays.copyOf(x, x.length + 7);
        aug.apply(longer, COUNT, null, null, new SplittableRandom(42));
        assertArrayEquals(a, Arrays.copyOf(longer, x.length), "a larger buffer: the batch part is the same");
        assertEquals(0f, longer[x.length + 3], "beyond the batch nothing is written");
        assertThrows(IllegalArgumentException.class,
                () -> aug.apply(new float[x.length - 1], COUNT, null, null, new SplittableRandom(1)));
    }

    @Test
    void stepsDrawIndependently() {
        // turning mirroring on (a no-op on one wrist, but it draws) must not change the rotations
        float[] x = batch(ONE_WRIST, 3);
        float[] rotOnly = x.clone();
        float[] rotAndMirror = x.clone();
        new WristAugmentation(config(20, 0, 0, 0, "edge", 0), ONE_WRIST, L)
                .applyPhysical(rotOnly, COUNT, new SplittableRandom(9));
        new WristAugmentation(config(20, 0, 0, 0, "edge", 1.0), ONE_WRIST, L)
                .applyPhysical(rotAndMirror, COUNT, new SplittableRandom(9));
        assertFalse(Arrays.equals(x, rotOnly));
        assertArrayEquals(rotOnly, rotAndMirror);
    }

    @Test
    void rotationPreservesEachSampleNormAndStaysWithinTheAngle() {
        double maxDeg = 30;
        WristAugmentation aug = new WristAugmentation(config(maxDeg, 0, 0, 0, "edge", 0), TWO_HANDS, L);
        float[] x = batch(TWO_HANDS, 4);
        float[] y = x.clone();
        aug.applyPhysical(y, COUNT, new SplittableRandom(11));
        int c = TWO_HANDS.size();
        double largest = 0;
        for (int w = 0; w < COUNT; w++) {
            for (int group : new int[] {0, 3, 7, 10}) {
                for (int t = 0; t < L; t++) {
                    double[] u = new double[3];
                    double[] v = new double[3];
                    for (int a = 0; a < 3; a++) {
                        u[a] = x[(w * c + group + a) * L + t];
                        v[a] = y[(w * c + group + a) * L + t];
                    }
                    double nu = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
                    double nv = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                    assertEquals(nu, nv, 1e-5, "norm of window " + w + " group " + group + " sample " + t);
                    double cos = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) / (nu * nv);
                    largest = Math.max(largest, Math.toDegrees(Math.acos(Math.min(1, cos))));
                }
            }
            for (int cap : new int[] {6, 13}) {
                assertArrayEquals(Arrays.copyOfRange(x, (w * c + cap) * L, (w * c + cap + 1) * L),
                        Arrays.copyOfRange(y, (w * c + cap) * L, (w * c + cap + 1) * L), "capacitive channels do not rotate");
            }
        }
        assertTrue(largest <= maxDeg + 1e-3 && largest > 1, "largest angle moved " + largest);
    }

    @Test
    void accAndGyroOfOneWristTurnTogether() {
        // the same vector in acc and gyro of one wrist must come out the same
        WristAugmentation aug = new WristAugmentation(config(45, 0, 0, 0, "edge", 0), TWO_HANDS, L);
        int c = TWO_HANDS.size();
        float[] x = batch(TWO_HANDS, 5);
        for (int w = 0; w < COUNT; w++) {
            for (int a = 0; a < 3; a++) {
                System.arraycopy(x, (w * c + a) * L, x, (w * c + 3 + a) * L, L);
            }
        }
        aug.applyPhysical(x, COUNT, new SplittableRandom(12));
        for (int w = 0; w < COUNT; w++) {
            for (int a = 0; a < 3; a++) {
                assertArrayEquals(Arrays.copyOfRange(x, (w * c + a) * L, (w * c + a + 1) * L),
                        Arrays.copyOfRange(x, (w * c + 3 + a) * L, (w * c + 4 + a) * L));
            }
        }
    }

    @Test
    void scalingUsesOneFactorPerSensorWithinItsRange() {
        WristAugmentation aug = new WristAugmentation(config(0, 0.25, 0, 0, "edge", 0), TWO_HANDS, L);
        int c = TWO_HANDS.size();
        float[] x = batch(TWO_HANDS, 6);
        float[] y = x.clone();
        aug.applyPhysical(y, COUNT, new SplittableRandom(13));
        for (int w = 0; w < COUNT; w++) {
            double accFactor = y[(w * c) * L] / (double) x[(w * c) * L];
            assertTrue(accFactor >= 0.75 - 1e-6 && accFactor <= 1.25 + 1e-6, "factor " + accFactor);
            for (int a = 0; a < 3; a++) {
                for (int t = 0; t < L; t++) {
                    int i = (w * c + a) * L + t;
                    assertEquals(accFactor * x[i], y[i], 1e-5, "one factor for the three acc axes");
                }
            }
        }
    }

    @Test
    void edgeAndCircularShiftsMoveTheWindowByWholeSamples() {
        List<String> one = List.of("right_wrist/cap_1");
        float[] ramp = new float[L];
        for (int t = 0; t < L; t++) {
            ramp[t] = t + 1;
        }
        for (String pad : List.of("edge", "circular")) {
            WristAugmentation aug = new WristAugmentation(config(0, 0, 0, 2, pad, 0), one, L);
            boolean moved = false;
            for (int seed = 0; seed < 20; seed++) {
                float[] y = ramp.clone();
                aug.applyNormalised(y, 1, new SplittableRandom(seed));
                int s = Math.round(ramp[0] - y[2] + 2); // y[2] = ramp[2 - s]
                assertTrue(s >= -2 && s <= 2, pad + " shift " + s);
                for (int t = 0; t < L; t++) {
                    int from = t - s;
                    float expected = pad.equals("edge") ? ramp[Math.min(L - 1, Math.max(0, from))]
                            : ramp[Math.floorMod(from, L)];
                    assertEquals(expected, y[t], 0f, pad + " shift " + s + " sample " + t);
                }
                moved |= s != 0;
            }
            assertTrue(moved, pad + ": some window must move");
        }
        assertThrows(IllegalArgumentException.class,
                () -> new WristAugmentation(config(0, 0, 0, L, "edge", 0), one, L));
    }

    @Test
    void jitterHasTheConfiguredStandardDeviation() {
        List<String> one = List.of("right_wrist/cap_1");
        int n = 20_000;
        WristAugmentation aug = new WristAugmentation(config(0, 0, 0.3, 0, "edge", 0), one, n);
        float[] y = new float[n];
        aug.applyNormalised(y, 1, new SplittableRandom(14));
        double s = 0;
        double q = 0;
        for (float v : y) {
            s += v;
            q += v * v;
        }
        double mean = s / n;
        assertEquals(0, mean, 0.01);
        assertEquals(0.3, Math.sqrt(q / n - mean * mean), 0.01);
    }

    @Test
    void mirrorSwapsTwoHandWindowsAndLeavesOneWristAlone() {
        WristAugmentation aug = new WristAugmentation(config(0, 0, 0, 0, "edge", 1.0), TWO_HANDS, L);
        float[] x = batch(TWO_HANDS, 7);
        float[] y = x.clone();
        aug.applyPhysical(y, COUNT, new SplittableRandom(15));
        float[] expected = x.clone();
        MirrorMap.of(TWO_HANDS).mirrorInPlace(expected, COUNT, L, null);
        assertArrayEquals(expected, y);

        WristAugmentation wrist = new WristAugmentation(config(0, 0, 0, 0, "edge", 1.0), ONE_WRIST, L);
        float[] z = batch(ONE_WRIST, 8);
        float[] before = z.clone();
        wrist.applyPhysical(z, COUNT, new SplittableRandom(16));
        assertArrayEquals(before, z, "one wrist has no counterpart to swap with");
    }

    @Test
    void applyZScoresBetweenThePhysicalAndTheNormalisedSteps() {
        ZScore norm = new ZScore(new double[] {9, 0.5, -1, 2}, new double[] {3, 2, 0.5, 4});
        int[] normChannels = {1, 2, 3}; // the view's channels in the window set
        WristAugmentation off = new WristAugmentation(AugmentationConfig.OFF, ONE_WRIST, L);
        float[] x = batch(ONE_WRIST, 9);
        float[] y = x.clone();
        off.apply(y, COUNT, norm, normChannels, new SplittableRandom(1));
        for (int w = 0; w < COUNT; w++) {
            for (int ch = 0; ch < 3; ch++) {
                for (int t = 0; t < L; t++) {
                    int i = (w * 3 + ch) * L + t;
                    assertEquals(norm.apply(normChannels[ch], x[i]), y[i], 0f);
                }
            }
        }
    }

    @Test
    void badSettingsNameTheirKeyPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config(200, 0, 0, 0, "edge", 0).named("training.augmentation"));
        assertTrue(e.getMessage().startsWith("training.augmentation.rotationDegrees:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> config(0, 0, 0, 0, "wrap", 0).named("augmentation"));
        assertTrue(e.getMessage().startsWith("augmentation.shiftPadding: unknown value 'wrap'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> config(0, 0, -1, 0, "edge", 0).named("augmentation"));
        assertTrue(e.getMessage().startsWith("augmentation.jitter:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> config(0, 0, 0, 0, "edge", 1.5).named("augmentation"));
        assertTrue(e.getMessage().startsWith("augmentation.mirror:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> config(0, 0, 0, -2, "edge", 0).named("augmentation"));
        assertTrue(e.getMessage().startsWith("augmentation.shiftSamples:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WristAugmentation(config(0, 1.2, 0, 0, "edge", 0),
                ONE_WRIST, L));
    }
}
