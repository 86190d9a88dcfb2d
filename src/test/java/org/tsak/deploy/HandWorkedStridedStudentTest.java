package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A strided and dilated network small enough to compute by hand, through every runtime. */
class HandWorkedStridedStudentTest {

    @TempDir
    Path dir;

    /**
     * Three conv layers 1 -> 1 -> 1 -> 1, k = 3, batch norm identity, L = 5; linear 1 -> 2,
     * w = [2, -1], b = [0.25, 1]; normalisation mean 1, std 2.
     * <pre>
     * raw          [3, 1, 5, -1, 7] -> normalised [1, 0, 2, -1, 3]
     * conv 0: stride 2, dilation 1, pad 1, w = [1, 2, -1], b = 0.5; ceil(5/2) = 3 outputs
     *   centred on inputs 0, 2, 4 of [0 | 1, 0, 2, -1, 3 | 0]:
     *   t=0: 1*0 + 2*1 - 1*0 = 2 -> 2.5;  t=1: 1*0 + 2*2 - 1*-1 = 5 -> 5.5;  t=2: 1*-1 + 2*3 - 1*0 = 5 -> 5.5
     * conv 1: stride 1, dilation 2, pad 2, w = [1, 1, -0.5], b = -1; taps x[t-2], x[t], x[t+2] of [2.5, 5.5, 5.5]:
     *   t=0: 0 + 2.5 - 0.5*5.5 = -0.25 -> -1.25 -> ReLU 0;  t=1: 0 + 5.5 - 0 = 5.5 -> 4.5;
     *   t=2: 2.5 + 5.5 - 0 = 8 -> 7
     * conv 2: stride 1, dilation 1, pad 1, w = [0, 1, -1], b = 0; x[t] - x[t+1] of [0, 4.5, 7]:
     *   t=0: -4.5 -> 0;  t=1: -2.5 -> 0;  t=2: 7 - 0 (padding) = 7
     *   (conv 2 reads the buffer that held the 5-sample input: its padding must be zero, not the old -1)
     * pool         7 / 3
     * logits       [2 * 7/3 + 0.25, -7/3 + 1] = [4.9166667, -1.3333333]
     * </pre>
     */
    static StudentArtifact tiny() {
        ConvLayer c0 = ConvLayer.withIdentityNorm(1, 1, 3, 2, 1, new float[] {1, 2, -1}, new float[] {0.5f});
        ConvLayer c1 = ConvLayer.withIdentityNorm(1, 1, 3, 1, 2, new float[] {1, 1, -0.5f}, new float[] {-1});
        ConvLayer c2 = ConvLayer.withIdentityNorm(1, 1, 3, 1, 1, new float[] {0, 1, -1}, new float[] {0});
        LinearLayer lin = new LinearLayer(1, 2, new float[] {2, -1}, new float[] {0.25f, 1});
        return new StudentArtifact(new StudentWeights(List.of(c0, c1, c2), lin), List.of("right_wrist/acc_x"), 30, 5,
                2, new float[] {1}, new float[] {2}, List.of(100, 8100), List.of("Picking", "Null"), Map.of());
    }

    static final float[] RAW = {3, 1, 5, -1, 7};
    static final float[] EXPECTED = {2 * 7f / 3 + 0.25f, -7f / 3 + 1};

    @Test
    void lengthsFollowTheStrides() {
        FoldedStudent f = FoldedStudent.of(tiny());
        assertEquals(5, f.length(0));
        assertEquals(3, f.length(1));
        assertEquals(3, f.pooledLength());
        assertEquals(2, f.maxPadSamples());
        // multiply-adds: 3 per output * 3 outputs * 3 layers + linear 2 = 29
        assertEquals(29, f.multiplyAddsPerWindow());
    }

    @Test
    void javaRuntimeAndReferenceGiveTheHandNumbers() {
        assertArrayEquals(EXPECTED, StudentRuntime.of(tiny()).logits(RAW), 1e-5f);
        assertArrayEquals(EXPECTED, StudentRuntime.of(tiny()).logitsNormalised(new float[] {1, 0, 2, -1, 3}), 1e-5f);
        double[] ref = StudentFixtures.referenceLogits(tiny(), RAW);
        assertEquals(EXPECTED[0], ref[0], 1e-5);
        assertEquals(EXPECTED[1], ref[1], 1e-5);
    }

    @Test
    void onnxRuntimeGivesTheHandNumbers() throws Exception {
        float[][] out = OrtRunner.run(OnnxExporter.export(tiny()), new float[][] {RAW}, 1, 5);
        assertArrayEquals(EXPECTED, out[0], 1e-5f);
    }

    @Test
    void compiledCGivesTheHandNumbers() throws Exception {
        assertArrayEquals(EXPECTED, CProgram.run(dir, tiny(), CExporter.Precision.FLOAT32, List.of(RAW)).get(0), 1e-5f);
    }

    @Test
    void artifactFileKeepsTheGeometry() throws Exception {
        StudentArtifact back = StudentArtifactFile.decode(StudentArtifactFile.encode(tiny()), dir.resolve("t.tsak"));
        assertEquals(tiny(), back);
        assertArrayEquals(EXPECTED, StudentRuntime.of(back).logits(RAW), 1e-5f);
    }
}
