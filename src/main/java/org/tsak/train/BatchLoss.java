package org.tsak.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/** The scalar training loss of a mini-batch, given the model's training-mode outputs. */
@FunctionalInterface
public interface BatchLoss {

    /**
     * @param outputs  the model's outputs for the batch
     * @param manager  the batch's manager
     * @param examples example indices
     * @param from     first position in {@code examples}
     * @param count    batch size
     * @return a scalar loss (batch mean)
     */
    NDArray loss(NDList outputs, NDManager manager, int[] examples, int from, int count);
}
