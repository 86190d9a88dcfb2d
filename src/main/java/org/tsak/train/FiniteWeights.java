package org.tsak.train;

import java.util.Locale;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Stops a stage whose weights hold NaN or infinite values, instead of letting it save a model that
 * predicts one class and hand its outputs to the next stage as targets.
 *
 * <p>Why: on the 16-worker simulated OpenPack rehearsal (46 channels, docs/SCALE.md) the teacher's
 * BatchNorm running statistics and then every weight turned NaN within the first epoch in some
 * processes and not in others with the same seed: the same forward pass on the same batch and
 * weights gave a NaN loss, then a finite one (DJL 0.36, PyTorch 2.7.1 CPU; not the JVM's garbage
 * collector, not oneDNN's instruction set, not OpenMP threads). Until its cause is found, a stage
 * that meets it fails with this error after the epoch; its epoch checkpoint lets {@code --resume}
 * (or Spark's retry of the task) run the epoch again.
 */
final class FiniteWeights {

    private FiniteWeights() {
    }

    /**
     * Checks every parameter of {@code block} (weights and BatchNorm running statistics).
     *
     * @throws IllegalStateException naming the stage, the epoch, how many values are not finite
     *                               and the first parameter holding one
     */
    static void require(Block block, String stage, int epoch) {
        long bad = 0;
        long total = 0;
        String first = null;
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            if (array == null) {
                continue;
            }
            float[] values = array.toFloatArray();
            total += values.length;
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    bad++;
                    if (first == null) {
                        first = p.getKey();
                    }
                }
            }
        }
        if (bad > 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "stage %s, epoch %d: %,d of %,d parameter"
                    + " values are NaN or infinite (first in %s); the model would predict one class. Rerun with"
                    + " --resume (the stage restarts from its last finished epoch), or lower the stage's"
                    + " learningRate if it happens again (docs/SCALE.md, 'Known issue')", stage, epoch, bad, total,
                    first));
        }
    }
}
