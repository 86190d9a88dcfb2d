package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

class SmoothedCrossEntropyTest {

    @Test
    void handWorkedValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            // logits (ln 2, 0): p = (2/3, 1/3); label 0
            NDArray logits = m.create(new float[] {(float) Math.log(2), 0f}, new Shape(1, 2));
            NDArray labels = m.create(new int[] {0});
            // e = 0: CE = -ln(2/3) = 0.405465
            assertEquals(0.405465, SemanticStage.smoothedCrossEntropy(logits, labels, 0).getFloat(), 1e-5);
            // e = 0.2: 0.8 * 0.405465 + 0.2 * (0.405465 + 1.098612) / 2 = 0.474780
            assertEquals(0.474780, SemanticStage.smoothedCrossEntropy(logits, labels, 0.2).getFloat(), 1e-5);
            // uniform logits: ln 3 whatever e, averaged over a batch of two
            NDArray flat = m.zeros(new Shape(2, 3));
            NDArray y = m.create(new int[] {2, 0});
            assertEquals(Math.log(3), SemanticStage.smoothedCrossEntropy(flat, y, 0.3).getFloat(), 1e-5);
        }
    }
}
