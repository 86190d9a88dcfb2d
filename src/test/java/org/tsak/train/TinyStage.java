package org.tsak.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.tsak.model.StudentBlock;
import org.tsak.model.StudentSpec;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;

/**
 * A stage small enough for unit tests: a StudentBlock (conv 4, 8; kernel 3) on 96 random
 * 3 x 20 windows of 11 classes, the class added to the first sample so it is learnable; the
 * "validation" score is training accuracy (it depends on the weights only).
 */
final class TinyStage {

    static final int N = 96;
    static final StudentSpec SPEC = new StudentSpec(3, 20, new int[] {4, 8}, 3, 11);
    static final float[] X = new float[N * 3 * 20];
    static final int[] Y = new int[N];

    static {
        Random r = new Random(5);
        for (int i = 0; i < X.length; i++) {
            X[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < N; i++) {
            Y[i] = r.nextInt(11);
            X[i * 60] += Y[i];
        }
    }

    /** What a training run produced. */
    record Outcome(StageResult result, byte[] weights, Map<String, float[]> parameters) {
    }

    private TinyStage() {
    }

    static BatchFeeder feeder() {
        return (m, ex, from, count) -> {
            float[] b = new float[count * 60];
            for (int i = 0; i < count; i++) {
                System.arraycopy(X, ex[from + i] * 60, b, i * 60, 60);
            }
            return new NDList(m.create(b, new Shape(count, 3, 20)));
        };
    }

    /**
     * Trains a fresh student with {@code settings}.
     *
     * @param onValidate sees the block each time it is validated (after every epoch, and once
     *                   more on the averaged weights under average-last)
     */
    static Outcome train(StageSettings settings, Path checkpoint, ProgressListener listener,
            Consumer<Block> onValidate) throws IOException {
        return train(new StudentBlock(SPEC), settings, checkpoint, listener, onValidate);
    }

    /** Trains {@code block} (input N x 3 x 20, output 0: 11 logits) with {@code settings}. */
    static Outcome train(Block block, StageSettings settings, Path checkpoint, ProgressListener listener,
            Consumer<Block> onValidate) throws IOException {
        try (Model model = Model.newInstance("s")) {
            model.setBlock(block);
            int[] idx = new int[N];
            for (int i = 0; i < N; i++) {
                idx[i] = i;
            }
            BatchFeeder feeder = feeder();
            Loss ce = Loss.softmaxCrossEntropyLoss();
            BatchLoss loss = (out, m, ex, from, count) -> ce.evaluate(
                    new NDList(Feeders.labels(m, Y, ex, from, count)), new NDList(out.get(0)));
            java.util.function.ToDoubleFunction<Block> validate = b -> {
                onValidate.accept(b);
                int[] pred = Inference.argmax(Inference.run(b, model.getNDManager(), feeder, idx, 32, 0)[0], 11);
                int hit = 0;
                for (int i = 0; i < N; i++) {
                    hit += pred[i] == Y[i] ? 1 : 0;
                }
                return hit / (double) N;
            };
            StageResult r = new StageTrainer(settings, listener).train(model, new Shape[] {new Shape(1, 3, 20)}, idx,
                    feeder, loss, validate, checkpoint);
            return new Outcome(r, StageTrainer.weights(model.getBlock()), parameters(model.getBlock()));
        }
    }

    /** Every parameter's values by name, in the block's order. */
    static Map<String, float[]> parameters(Block block) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return out;
    }
}
