package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** AdamW steps with a learning rate that changes between steps, worked by hand. */
class AdamWStateTest {

    @Test
    void eachStepUsesTheLearningRateSetBeforeIt() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1, 2, 3});
            NDArray g = m.create(new float[] {0.5f, -1, 2});
            AdamWState adam = new AdamWState(0.1, 0);
            // a constant gradient: bias-corrected m = g and v = g^2 at every step, so each step
            // moves w by lr * g / (|g| + 1e-8), i.e. lr against the gradient's sign
            adam.update("p", w, g);
            assertArrayEquals(new float[] {0.9f, 2.1f, 2.9f}, w.toFloatArray(), 1e-6f);
            adam.setLearningRate(0.01);
            adam.update("p", w, g);
            assertArrayEquals(new float[] {0.89f, 2.11f, 2.89f}, w.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void decoupledWeightDecayFollowsTheLearningRate() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1, 2, 3});
            NDArray g = m.create(new float[] {0.5f, -1, 2});
            AdamWState adam = new AdamWState(0.1, 0.5);
            // w -= lr (sign(g) + wd w): 1 - 0.1 (1 + 0.5), 2 - 0.1 (-1 + 1), 3 - 0.1 (1 + 1.5)
            adam.update("p", w, g);
            assertArrayEquals(new float[] {0.85f, 2.0f, 2.75f}, w.toFloatArray(), 1e-6f);
            adam.setLearningRate(0.02);
            // 0.85 - 0.02 (1 + 0.425), 2 - 0.02 (-1 + 1), 2.75 - 0.02 (1 + 1.375)
            adam.update("p", w, g);
            assertArrayEquals(new float[] {0.8215f, 2.0f, 2.7025f}, w.toFloatArray(), 1e-6f);
            assertThrows(IllegalArgumentException.class, () -> adam.setLearningRate(Double.NaN));
        }
    }
}
