package org.tsak.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Builds a model's input arrays for a mini-batch of examples, in a caller-scoped manager.
 */
@FunctionalInterface
public interface BatchFeeder {

    /**
     * @param manager  the batch's manager (closed after the batch)
     * @param examples example indices
     * @param from     first position in {@code examples}
     * @param count    number of examples in the batch
     * @return the model's inputs, batch first
     */
    NDList inputs(NDManager manager, int[] examples, int from, int count);
}
