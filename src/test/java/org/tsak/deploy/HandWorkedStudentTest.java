package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A network small enough to compute by hand. */
class HandWorkedStudentTest {

    /**
     * One conv layer 1 -> 1, k = 3 (pad 1), L = 4, w = [1, 2, -1], b = 0.5, batch norm identity;
     * linear 1 -> 2, w = [2, -1], b = [0.25, 1]; normalisation mean 1, std 2.
     * <pre>
     * raw          [3, 1, 5, -1]
     * normalised   [(3-1)/2, (1-1)/2, (5-1)/2, (-1-1)/2] = [1, 0, 2, -1]
     * padded       [0 | 1, 0, 2, -1 | 0]   (cross-correlation, no kernel flip, as PyTorch/DJL)
     * t=0: 1*0 + 2*1 + -1*0  =  2, +0.5 =  2.5 -> ReLU 2.5
     * t=1: 1*1 + 2*0 + -1*2  = -1, +0.5 = -0.5 -> ReLU 0
     * t=2: 1*0 + 2*2 + -1*-1 =  5, +0.5 =  5.5 -> ReLU 5.5
     * t=3: 1*2 + 2*-1 + -1*0 =  0, +0.5 =  0.5 -> ReLU 0.5
     * pool         (2.5 + 0 + 5.5 + 0.5) / 4 = 2.125
     * logits       [2 * 2.125 + 0.25, -1 * 2.125 + 1] = [4.5, -1.125]
     * </pre>
     */
    static StudentArtifact tiny() {
        ConvLayer conv = ConvLayer.withIdentityNorm(1, 1, 3, new float[] {1, 2, -1}, new float[] {0.5f});
        LinearLayer lin = new LinearLayer(1, 2, new float[] {2, -1}, new float[] {0.25f, 1});
        return new StudentArtifact(new StudentWeights(List.of(conv), lin), List.of("right_wrist/acc_x"), 30, 4, 2,
                new float[] {1}, new float[] {2}, List.of(100, 8100), List.of("Picking", "Null"), Map.of());
    }

    static final float[] RAW = {3, 1, 5, -1};
    static final float[] EXPECTED = {4.5f, -1.125f};

    @Test
    void floatRuntimeMatchesHandComputation() {
        StudentRuntime rt = StudentRuntime.of(tiny());
        assertArrayEquals(EXPECTED, rt.logits(RAW), 1e-5f);
        assertArrayEquals(EXPECTED, rt.logitsNormalised(new float[] {1, 0, 2, -1}), 1e-5f);
        assertEquals(0, rt.predictClass(RAW));
    }

    @Test
    void referenceImplementationAgreesWithHand() {
        double[] ref = StudentFixtures.referenceLogits(tiny(), RAW);
        assertEquals(4.5, ref[0], 1e-5);
        assertEquals(-1.125, ref[1], 1e-5);
    }

    @Test
    void negatingTheLinearWeightsFlipsThePrediction() {
        StudentArtifact a = tiny();
        LinearLayer flipped = new LinearLayer(1, 2, new float[] {-2, 1}, new float[] {0.25f, 1});
        StudentArtifact b = new StudentArtifact(new StudentWeights(a.weights().convLayers(), flipped),
                a.channelNames(), 30, 4, 2, a.channelMeans(), a.channelStds(), a.classIds(), a.classNames(), Map.of());
        // logits [-4.25 + 0.25, 2.125 + 1] = [-4, 3.125]
        assertArrayEquals(new float[] {-4f, 3.125f}, StudentRuntime.of(b).logits(RAW), 1e-5f);
        assertEquals(1, StudentRuntime.of(b).predictClass(RAW));
    }
}
