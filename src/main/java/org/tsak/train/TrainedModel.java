package org.tsak.train;

import ai.djl.Model;
import ai.djl.nn.Block;

/**
 * A trained model, its block (holding the best epoch's weights) and how training went.
 * Closing it frees the native memory of the weights.
 *
 * @param model  the DJL model owning the block
 * @param block  the block, typed
 * @param result training history and best epoch
 * @param <B>    block type
 */
public record TrainedModel<B extends Block>(Model model, B block, StageResult result) implements AutoCloseable {

    @Override
    public void close() {
        model.close();
    }
}
