package org.tsak.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Runs a single-input, single-output child block inside a parent's forward pass. */
final class Forward {

    private Forward() {
    }

    static NDArray one(Block block, ParameterStore ps, NDArray x, boolean training,
            PairList<String, Object> params) {
        return block.forward(ps, new NDList(x), training, params).singletonOrThrow();
    }
}
