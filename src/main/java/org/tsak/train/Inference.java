package org.tsak.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * Runs a block in inference mode (dropout off, BatchNorm on running statistics) over many
 * examples in batches, one sub-manager per batch.
 */
public final class Inference {

    private Inference() {
    }

    /**
     * Outputs of a block for every example.
     *
     * @param block     an initialised block
     * @param manager   parent manager (sub-managers are opened and closed per batch)
     * @param feeder    builds inputs
     * @param examples  example indices
     * @param batchSize batch size
     * @param outputs   which outputs of the block's NDList to collect
     * @return per requested output, a row-major array of {@code examples.length x dim}
     */
    public static float[][] run(Block block, NDManager manager, BatchFeeder feeder, int[] examples, int batchSize,
            int... outputs) {
        try {
            return EngineThreads.withoutGrad(() -> runWithoutGrad(block, manager, feeder, examples, batchSize,
                    outputs));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // the feeder does not throw IOException
        }
    }

    private static float[][] runWithoutGrad(Block block, NDManager manager, BatchFeeder feeder, int[] examples,
            int batchSize, int... outputs) {
        float[][] result = new float[outputs.length][];
        int[] dims = new int[outputs.length];
        for (int from = 0; from < examples.length; from += batchSize) {
            int count = Math.min(batchSize, examples.length - from);
            try (NDManager sub = manager.newSubManager()) {
                NDList in = feeder.inputs(sub, examples, from, count);
                NDList out = block.forward(new ParameterStore(sub, false), in, false);
                for (int k = 0; k < outputs.length; k++) {
                    NDArray a = out.get(outputs[k]);
                    float[] flat = a.toFloatArray();
                    if (result[k] == null) {
                        dims[k] = flat.length / count;
                        result[k] = new float[examples.length * dims[k]];
                    }
                    System.arraycopy(flat, 0, result[k], from * dims[k], flat.length);
                }
            }
        }
        for (int k = 0; k < outputs.length; k++) {
            if (result[k] == null) {
                result[k] = new float[0];
            }
        }
        return result;
    }

    /** Index of the largest value of each row of a row-major {@code n x classes} array. */
    public static int[] argmax(float[] rows, int classes) {
        int n = rows.length / classes;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (rows[i * classes + c] > rows[i * classes + best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
