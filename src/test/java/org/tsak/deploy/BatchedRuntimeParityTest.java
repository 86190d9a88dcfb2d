package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The batched paths ({@link StudentRuntime#logits(float[][], float[][])} and
 * {@link StudentRuntime#logitsBatch}) give every window exactly the single-window logits (float
 * and int8), and the single path stays within 1e-4 of the unfolded double reference, for plain,
 * strided and dilated students on odd window lengths and batch sizes 1, 3 and 17.
 */
class BatchedRuntimeParityTest {

    private static StudentArtifact student(String kind, int window, long seed) {
        int[] ch = {8, 16, 12};
        int[] ones = {1, 1, 1};
        return switch (kind) {
            case "plain" -> StudentFixtures.artifact(seed, ch, 5, ones, ones, window);
            case "strided" -> StudentFixtures.artifact(seed, ch, 5, new int[] {2, 3, 2}, ones, window);
            case "dilated" -> StudentFixtures.artifact(seed, ch, 3, ones, new int[] {1, 2, 4}, window);
            case "k7" -> StudentFixtures.artifact(seed, ch, 7, new int[] {2, 1, 2}, new int[] {1, 2, 1}, window);
            // 128 x 9 input taps: int8 sums can pass 2^24, so this layer accumulates in int
            case "wide" -> StudentFixtures.artifact(seed, new int[] {128, 16, 12}, 9, new int[] {2, 1, 1}, ones, window);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0}, window {1}, batch {2}, int8 {3}")
    @CsvSource({"plain, 61, 1, false", "plain, 61, 17, true", "strided, 61, 3, false", "strided, 37, 17, true",
        "dilated, 59, 17, false", "dilated, 59, 3, true", "k7, 45, 17, false", "k7, 45, 1, true",
        "wide, 33, 3, true", "wide, 33, 3, false"})
    void batchEqualsSinglePathAndReference(String kind, int window, int batch, boolean int8) {
        StudentArtifact a = student(kind, window, 40 + batch);
        StudentRuntime single = int8 ? StudentRuntime.quantised(a) : StudentRuntime.of(a);
        StudentRuntime batched = single.copy();
        Random r = new Random(batch);
        int in = single.inputLength();
        int k = single.classCount();
        float[][] rows = new float[batch][];
        float[] flat = new float[batch * in];
        for (int b = 0; b < batch; b++) {
            rows[b] = StudentFixtures.rawWindow(r, a);
            System.arraycopy(rows[b], 0, flat, b * in, in);
        }
        float[][] outRows = new float[batch][k];
        float[] outFlat = new float[batch * k];
        batched.logits(rows, outRows);
        batched.logitsBatch(flat, batch, outFlat);
        for (int b = 0; b < batch; b++) {
            float[] expected = single.logits(rows[b]);
            assertArrayEquals(expected, outRows[b], 0f, "window " + b + " (rows)");
            float[] fromFlat = new float[k];
            System.arraycopy(outFlat, b * k, fromFlat, 0, k);
            assertArrayEquals(expected, fromFlat, 0f, "window " + b + " (flat NCW)");
            if (!int8) {
                double[] ref = StudentFixtures.referenceLogits(a, rows[b]);
                float diff = StudentFixtures.maxAbsDiff(expected, ref);
                assertTrue(diff < 1e-4f, kind + " window " + b + ": max |Java - double reference| " + diff);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"plain", "strided"})
    void wrongBatchShapesAreRejected(String kind) {
        StudentRuntime rt = StudentRuntime.of(student(kind, 61, 1));
        assertThrows(IllegalArgumentException.class, () -> rt.logits(new float[2][rt.inputLength()], new float[3][11]));
        assertThrows(IllegalArgumentException.class,
                () -> rt.logitsBatch(new float[rt.inputLength()], 2, new float[2 * rt.classCount()]));
        assertThrows(IllegalArgumentException.class,
                () -> rt.logitsBatch(new float[rt.inputLength()], -1, new float[0]));
    }
}
