package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudentWeightsTest {

    private static ConvLayer conv(int in, int out, int k) {
        return ConvLayer.withIdentityNorm(in, out, k, new float[out * in * k], new float[out]);
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void layersMustChain() {
        LinearLayer lin = new LinearLayer(8, 11, new float[88], new float[11]);
        assertTrue(message(() -> new StudentWeights(List.of(conv(3, 4, 3), conv(5, 8, 3)), lin))
                .contains("conv layer 1 takes 5 input channels but conv layer 0 produces 4"));
        assertTrue(message(() -> new StudentWeights(List.of(conv(3, 4, 3)), lin))
                .contains("linear layer takes 8 features but the last conv layer produces 4"));
        assertTrue(message(() -> new StudentWeights(List.of(), lin)).contains("at least one conv layer"));
    }

    @Test
    void arraySizesAndValuesAreChecked() {
        assertTrue(message(() -> ConvLayer.withIdentityNorm(3, 4, 3, new float[35], new float[4]))
                .contains("conv weight [out][in][k] has 35 values, expected 36"));
        assertTrue(message(() -> conv(3, 4, 4)).contains("must be odd"));
        assertTrue(message(() -> new LinearLayer(2, 2, new float[] {1, Float.NaN, 0, 0}, new float[2]))
                .contains("linear weight [out][in][1] is NaN"));
        assertTrue(message(() -> new ConvLayer(1, 1, 1, new float[1], new float[1], new float[] {1}, new float[1],
                new float[1], new float[] {-1}, 1e-5f)).contains("bnVar[0] is negative"));
        assertTrue(message(() -> new ConvLayer(1, 1, 1, new float[1], new float[1], new float[] {1}, new float[1],
                new float[1], new float[] {1}, 0f)).contains("bnEps"));
    }

    @Test
    void recordsAreImmutableAndCompareByContent() {
        float[] w = {1, 2, 3};
        ConvLayer c = ConvLayer.withIdentityNorm(1, 1, 3, w, new float[] {0});
        w[0] = 99;
        assertEquals(1f, c.weight()[0], "constructor must copy");
        c.weight()[1] = 99;
        assertEquals(2f, c.weight()[1], "accessor must copy");
        assertEquals(c, ConvLayer.withIdentityNorm(1, 1, 3, new float[] {1, 2, 3}, new float[] {0}));
        assertEquals(c.hashCode(), ConvLayer.withIdentityNorm(1, 1, 3, new float[] {1, 2, 3}, new float[] {0}).hashCode());
    }

    @Test
    void parameterCountOfTheDefaultStudent() {
        // conv1 16*3*5 + 16 bias + 32 BN = 288; conv2 32*16*5 + 32 + 64 = 2656; linear 32*11 + 11 = 363
        StudentWeights w = StudentFixtures.randomWeights(1, 3, new int[] {16, 32}, 5, 11);
        assertEquals(288 + 2656 + 363, w.parameterCount());
        // MACs: 16*3*5*60 + 32*16*5*60 + 32*11 = 14400 + 153600 + 352
        assertEquals(168_352, FoldedStudent.of(w, new float[3], new float[] {1, 1, 1}, 60).multiplyAddsPerWindow());
    }

    @Test
    void foldingMatchesTheBatchNormFormulaByHand() {
        // gamma 2, beta 1, mean 0.5, var 4 - eps -> scale 2 / sqrt(4) = 1; w' = w, b' = 1 * (b - 0.5) + 1
        ConvLayer c = new ConvLayer(1, 1, 1, new float[] {3}, new float[] {0.25f}, new float[] {2}, new float[] {1},
                new float[] {0.5f}, new float[] {4f - 1e-5f}, 1e-5f);
        StudentWeights w = new StudentWeights(List.of(c), new LinearLayer(1, 1, new float[] {1}, new float[] {0}));
        FoldedStudent f = FoldedStudent.of(w, new float[] {0}, new float[] {4}, 2);
        assertArrayEquals(new float[] {3}, f.convWeight(0), 1e-6f);
        assertArrayEquals(new float[] {0.75f}, f.convBias(0), 1e-6f);
        assertArrayEquals(new float[] {0.25f}, f.inputInvStds(), 0f);
    }

    @Test
    void artifactChecksChannelsClassesAndStds() {
        StudentWeights w = StudentFixtures.randomWeights(1, 3, new int[] {4}, 3, 11);
        List<String> ch = List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z");
        float[] ones = {1, 1, 1};
        assertTrue(message(() -> StudentArtifact.forOperations(w, ch.subList(0, 2), 30, 60, 30, ones, ones, Map.of()))
                .contains("2 channel names"));
        assertTrue(message(() -> StudentArtifact.forOperations(w, ch, 30, 60, 30, ones, new float[] {1, 0, 1}, Map.of()))
                .contains("channelStds[1] (right_wrist/acc_y) is 0.0"));
        assertTrue(message(() -> new StudentArtifact(w, ch, 30, 60, 30, ones, ones, List.of(1), List.of("a"), Map.of()))
                .contains("student has 11 outputs"));
        StudentArtifact ok = StudentArtifact.forOperations(w, ch, 30, 60, 30, ones, ones, Map.of());
        assertEquals(8100, ok.classIds().get(10));
        assertEquals("Null", ok.classNames().get(10));
    }
}
