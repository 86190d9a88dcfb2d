package org.tsak.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;

class SelfAttentionLayerTest {

    @Test
    void isPermutationEquivariantOverTime() {
        // Without positional terms, self-attention commutes with reordering the time steps.
        // A wrong head split (reshaping N x L x E straight to N x H x L x Dh) breaks this.
        try (NDManager manager = NDManager.newBaseManager()) {
            SelfAttentionLayer layer = SeededInitialization.initialize(
                    new SelfAttentionLayer(8, 2, 16, 0.0), manager, 4, new Shape(2, 5, 8));
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(2, 5, 8));
            NDArray order = manager.create(new long[] {3, 0, 4, 1, 2});
            NDArray permuted = x.get(":, {}, :", order);
            NDArray out = layer.forward(ps, new NDList(x), false).singletonOrThrow();
            NDArray outOfPermuted = layer.forward(ps, new NDList(permuted), false)
                    .singletonOrThrow();
            assertEquals(new Shape(2, 5, 8), out.getShape());
            assertTrue(out.get(":, {}, :", order).allClose(outOfPermuted, 1e-5, 1e-5, false));
            // and it is not the identity: the residual branches change the input
            assertTrue(!out.allClose(x, 1e-3, 1e-3, false));
        }
    }
}
