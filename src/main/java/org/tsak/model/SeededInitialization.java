package org.tsak.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * Initialises a block's parameters reproducibly.
 *
 * <p>How seeding works: {@link Engine#setRandomSeed(int)} seeds the engine's global generator
 * (for PyTorch, {@code torch.manual_seed}) and DJL's {@code RandomUtils}. Parameters are then
 * drawn by DJL's default per-type initialisers (weights: Xavier Gaussian with factor "in" and
 * magnitude 2, i.e. He/Kaiming normal; biases and LayerNorm/BatchNorm beta: 0; gamma: 1;
 * running mean 0, running variance 1) in the block's fixed child order. So the same seed, the
 * same spec and the same thread settings give bit-identical initial weights. Because the
 * generator is global, seeding and drawing happen under one lock; other code drawing random
 * numbers concurrently from the engine (e.g. dropout in another thread) would still disturb it.
 */
public final class SeededInitialization {

    private static final Object LOCK = new Object();

    private SeededInitialization() {
    }

    /**
     * Seeds the engine with {@code Long.hashCode(seed)} and initialises {@code block} as float32
     * for {@code inputShapes}; returns the block.
     */
    public static <B extends Block> B initialize(B block, NDManager manager, long seed,
            Shape... inputShapes) {
        synchronized (LOCK) {
            Engine.getInstance().setRandomSeed(Long.hashCode(seed));
            block.initialize(manager, DataType.FLOAT32, inputShapes);
        }
        return block;
    }
}
