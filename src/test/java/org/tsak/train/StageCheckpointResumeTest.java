package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.model.StudentBlock;
import org.tsak.model.StudentSpec;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/** A stage resumed from its epoch checkpoint ends with exactly the weights of an uninterrupted one. */
class StageCheckpointResumeTest {

    static final int N = 96;
    static final float[] X = new float[N * 3 * 20];
    static final int[] Y = new int[N];

    static {
        Random r = new Random(5);
        for (int i = 0; i < X.length; i++) {
            X[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < N; i++) {
            Y[i] = r.nextInt(11);
            X[i * 60] += Y[i]; // learnable
        }
    }

    private static StageResult train(Path checkpoint, ProgressListener listener, byte[][] weightsOut)
            throws IOException {
        try (Model model = Model.newInstance("s")) {
            StudentSpec spec = new StudentSpec(3, 20, new int[] {4, 8}, 3, 11);
            model.setBlock(new StudentBlock(spec));
            int[] idx = new int[N];
            for (int i = 0; i < N; i++) {
                idx[i] = i;
            }
            BatchFeeder feeder = (m, ex, from, count) -> {
                float[] b = new float[count * 60];
                for (int i = 0; i < count; i++) {
                    System.arraycopy(X, ex[from + i] * 60, b, i * 60, 60);
                }
                return new NDList(m.create(b, new Shape(count, 3, 20)));
            };
            Loss ce = Loss.softmaxCrossEntropyLoss();
            BatchLoss loss = (out, m, ex, from, count) -> ce.evaluate(
                    new NDList(Feeders.labels(m, Y, ex, from, count)), new NDList(out.get(0)));
            // a validation score that depends on the weights only: training accuracy
            java.util.function.ToDoubleFunction<ai.djl.nn.Block> validate = b -> {
                int[] pred = Inference.argmax(Inference.run(b, model.getNDManager(), feeder, idx, 32, 0)[0], 11);
                int hit = 0;
                for (int i = 0; i < N; i++) {
                    hit += pred[i] == Y[i] ? 1 : 0;
                }
                return hit / (double) N;
            };
            StageResult r = new StageTrainer(new StageSettings("s", 4, 16, 0.01, 1e-3, 10, 9), listener).train(model,
                    new Shape[] {new Shape(1, 3, 20)}, idx, feeder, loss, validate, checkpoint);
            weightsOut[0] = StageTrainer.weights(model.getBlock());
            return r;
        }
    }

    @Test
    void resumedStageMatchesUninterrupted(@TempDir Path dir) throws IOException {
        byte[][] reference = new byte[1][];
        Path ckpt = dir.resolve("a.bin");
        Path afterTwo = dir.resolve("after-two.bin");
        StageResult full = train(ckpt, new ProgressListener() {
            @Override
            public void epoch(String stage, EpochRecord record, boolean improved) {
                if (record.epoch() == 2) {
                    try {
                        Files.copy(ckpt, afterTwo, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        }, reference);
        assertEquals(4, full.history().size());
        byte[][] resumed = new byte[1][];
        StageResult rest = train(afterTwo, ProgressListener.NONE, resumed);
        assertEquals(4, rest.history().size());
        assertEquals(full.history().get(3).trainLoss(), rest.history().get(3).trainLoss(), 0.0);
        assertEquals(full.bestEpoch(), rest.bestEpoch());
        assertEquals(full.bestValidationF1(), rest.bestValidationF1(), 0.0);
        assertArrayEquals(reference[0], resumed[0]);
        assertTrue(full.lossFell());
    }
}
