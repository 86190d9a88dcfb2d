package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The restructured kernels of {@link PackedConv} compute, per output value, the arithmetic of the
 * kernels they replaced ({@link BaselineStudentRuntime}) and of the C export: logits equal bit for
 * bit, float32 and int8, for plain, strided, dilated, kernel-3, kernel-7 and wide (int-accumulating)
 * students and the demo's shape (3 x 60, conv [16, 32, 32, 48], kernel 5, stride 2).
 */
class PackedConvBitParityTest {

    private static StudentArtifact student(String kind, int window, long seed) {
        int[] ch = {8, 16, 12};
        int[] ones = {1, 1, 1};
        return switch (kind) {
            case "plain" -> StudentFixtures.artifact(seed, ch, 5, ones, ones, window);
            case "strided" -> StudentFixtures.artifact(seed, ch, 5, new int[] {2, 3, 2}, ones, window);
            case "dilated" -> StudentFixtures.artifact(seed, ch, 3, ones, new int[] {1, 2, 4}, window);
            case "k7" -> StudentFixtures.artifact(seed, ch, 7, new int[] {2, 1, 2}, new int[] {1, 2, 1}, window);
            case "wide" -> StudentFixtures.artifact(seed, new int[] {128, 16, 12}, 9, new int[] {2, 1, 1}, ones, window);
            case "wide5" -> StudentFixtures.artifact(seed, new int[] {256, 16, 12}, 5, new int[] {2, 1, 1}, ones, window);
            case "demo" -> StudentFixtures.artifact(seed, new int[] {16, 32, 32, 48}, 5, new int[] {2, 2, 2, 2},
                    new int[] {1, 1, 1, 1}, window);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0}, window {1}")
    @CsvSource({"plain, 61", "strided, 37", "dilated, 59", "k7, 45", "wide, 33", "wide5, 33", "demo, 60",
        "demo, 240"})
    void logitsEqualTheBaselineBitForBit(String kind, int window) {
        StudentArtifact a = student(kind, window, 7 + window);
        FoldedStudent f = FoldedStudent.of(a);
        Random r = new Random(window);
        StudentRuntime rt = StudentRuntime.of(f);
        StudentRuntime q = StudentRuntime.quantised(f);
        BaselineStudentRuntime rtBase = BaselineStudentRuntime.of(f);
        BaselineStudentRuntime qBase = BaselineStudentRuntime.quantised(f);
        int k = rt.classCount();
        float[] expected = new float[k];
        float[] actual = new float[k];
        for (int n = 0; n < 20; n++) {
            float[] raw = StudentFixtures.rawWindow(r, a);
            rtBase.logits(raw, expected);
            rt.logits(raw, actual);
            assertArrayEquals(bits(expected), bits(actual), "float32, window " + n);
            qBase.logits(raw, expected);
            q.logits(raw, actual);
            assertArrayEquals(bits(expected), bits(actual), "int8, window " + n);
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
