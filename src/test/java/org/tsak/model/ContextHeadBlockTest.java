package org.tsak.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

class ContextHeadBlockTest {

    private static final int S = 3;
    private static final int E = 4;
    private static final int H = 2;
    private static final int K = 3;

    @Test
    void anUntrainedHeadIsTheStudentWithoutContext() {
        try (NDManager m = NDManager.newBaseManager()) {
            ContextHeadBlock head = ContextHeadBlock.create(S, E, H, K, m, 7);
            float[] ctx = random(2 * S * E, 1);
            float[] base = {1, 2, 3, -1, 0, 4};
            float[] out = forward(head, m, ctx, new float[] {1, 1, 1, 0, 1, 1}, base);
            assertArrayEquals(base, out, 0f);
            assertEquals((long) E * H + H + (long) S * H * K + K, head.parameterCount());
        }
    }

    @Test
    void outputIsBasePlusTheTemporalLayerOverProjectedPresentWindows() {
        try (NDManager m = NDManager.newBaseManager()) {
            ContextHeadBlock head = ContextHeadBlock.create(S, E, H, K, m, 7);
            float[] temporal = random(K * S * H, 3);
            float[] temporalBias = {0.5f, -0.25f, 0.125f};
            float[] projection = null;
            float[] projectionBias = null;
            for (Pair<String, Parameter> p : head.getParameters()) {
                NDArray a = p.getValue().getArray();
                if (p.getKey().contains("temporal") && p.getKey().endsWith("weight")) {
                    a.set(temporal);
                } else if (p.getKey().contains("temporal")) {
                    a.set(temporalBias);
                } else if (p.getKey().endsWith("weight")) {
                    projection = a.toFloatArray();
                } else {
                    projectionBias = random(H, 5);
                    a.set(projectionBias);
                }
            }
            float[] ctx = random(S * E, 11);
            float[] present = {0, 1, 1};
            float[] base = {0.1f, 0.2f, 0.3f};
            float[] out = forward(head, m, ctx, present, base);
            float[] expected = base.clone();
            for (int s = 0; s < S; s++) {
                for (int h = 0; h < H; h++) {
                    double p = projectionBias[h];
                    for (int e = 0; e < E; e++) {
                        p += projection[h * E + e] * ctx[s * E + e];
                    }
                    p = Math.max(0, p) * present[s];
                    for (int k = 0; k < K; k++) {
                        expected[k] += (float) (temporal[k * S * H + s * H + h] * p);
                    }
                }
            }
            for (int k = 0; k < K; k++) {
                expected[k] += temporalBias[k];
            }
            assertArrayEquals(expected, out, 1e-5f);

            // an absent window's row is ignored, a present one's is not
            float[] changed = ctx.clone();
            changed[0] += 5;
            assertArrayEquals(out, forward(head, m, changed, present, base), 0f);
            changed = ctx.clone();
            changed[E] += 5;
            assertNotEquals(out[0], forward(head, m, changed, present, base)[0]);
        }
    }

    private static float[] forward(ContextHeadBlock head, NDManager m, float[] ctx, float[] present, float[] base) {
        int n = base.length / K;
        NDList in = new NDList(m.create(ctx, new Shape(n, S, E)), m.create(present, new Shape(n, S)),
                m.create(base, new Shape(n, K)));
        return head.forward(new ParameterStore(m, false), in, false).get(0).toFloatArray();
    }

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextDouble(-1, 1);
        }
        return v;
    }
}
