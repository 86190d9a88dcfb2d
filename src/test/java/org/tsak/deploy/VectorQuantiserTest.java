package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code VectorQuantiser} gives {@link ActivationQuantiser}'s floats and scale bit for bit on ReLU
 * outputs (non-negative): random values, values that land exactly on a half ({@code t = n + 0.5},
 * where rounding and truncation part), zeros, an all-zero activation, an infinite {@code amax} (the
 * scalar fallback), widths that leave a tail shorter than a vector, and a first-layer
 * (signed) input. Enough repetitions for C2 to compile the vector code.
 */
class VectorQuantiserTest {

    private static final int REPETITIONS = 2000;

    @BeforeAll
    static void vectorModulePresent() {
        assumeTrue(ConvKernels.vectorAvailable(), "JVM without jdk.incubator.vector");
    }

    @ParameterizedTest(name = "{0} channels x {1} samples, pad {2}, {3}")
    @CsvSource({"16, 30, 2, random", "17, 15, 3, halves", "33, 7, 1, random", "5, 3, 2, zeros", "3, 60, 2, signed",
        "32, 8, 2, infinite", "48, 4, 2, halves", "1, 1, 0, random"})
    void equalsTheScalarQuantiser(int channels, int length, int pad, String kind) {
        Random r = new Random(channels * 31L + length);
        int n = (pad + length + pad) * channels;
        float[] a = new float[n];
        float[] qs = new float[n];
        float[] qv = new float[n];
        boolean relu = !kind.equals("signed");
        for (int rep = 0; rep < REPETITIONS; rep++) {
            fill(a, pad * channels, (pad + length) * channels, kind, r);
            float ss = ActivationQuantiser.quantise(a, qs, pad, channels, length, relu);
            java.util.Arrays.fill(qv, Float.NaN);
            float sv = VectorQuantiser.quantise(a, qv, pad, channels, length, relu);
            assertEquals(Float.floatToIntBits(ss), Float.floatToIntBits(sv), "scale, repetition " + rep);
            assertArrayEquals(bits(qs), bits(qv), "quantised, repetition " + rep);
        }
    }

    private static void fill(float[] a, int from, int to, String kind, Random r) {
        for (int j = from; j < to; j++) {
            a[j] = switch (kind) {
                case "zeros" -> 0f;
                case "signed" -> (float) r.nextGaussian() * 3f;
                default -> r.nextInt(4) == 0 ? 0f : (float) Math.abs(r.nextGaussian()) * 2f;
            };
        }
        if (kind.equals("halves")) {
            // amax = 127 gives inv = 1, so a = m + 0.5 makes t = a + 0.5 an integer and a = m a half below one
            a[from] = 127f;
            for (int j = from + 1; j < to; j++) {
                a[j] = r.nextInt(127) + (r.nextBoolean() ? 0.5f : 0f);
            }
        } else if (kind.equals("infinite") && to > from) {
            a[from + r.nextInt(to - from)] = Float.POSITIVE_INFINITY;
        }
    }

    private static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToIntBits(v[i]);
        }
        return b;
    }
}
