package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.train.LearningRateSchedule.Kind;

/** A stage resumed from its epoch checkpoint ends with exactly the weights of an uninterrupted one. */
class StageCheckpointResumeTest {

    /** The old recipe: constant learning rate, early stopping (patience 10 > 4 epochs). */
    static final StageSettings CONSTANT_BEST = new StageSettings("s", 4, 16, 0.01, 1e-3, 10, 9);
    /** Cosine with a warm-up epoch, the mean of the last 3 epochs' weights. */
    static final StageSettings COSINE_AVERAGE = new StageSettings("s", 4, 16, 0.01, 1e-3, 10, 9, Kind.COSINE, 0.001,
            1, WeightSelection.AVERAGE_LAST, 3, true);
    /** Cosine, the last weights, no engine randomness (a student trained in a parallel thread). */
    static final StageSettings COSINE_LAST_NO_ENGINE = new StageSettings("s", 4, 16, 0.01, 1e-3, 10, 9, Kind.COSINE, 0,
            0, WeightSelection.LAST, 1, false);

    /** Trains 4 epochs, keeping a copy of the checkpoint written after epoch 2. */
    private static TinyStage.Outcome trainKeepingEpochTwo(StageSettings settings, Path ckpt, Path afterTwo)
            throws IOException {
        return TinyStage.train(settings, ckpt, new ProgressListener() {
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
        }, b -> {
        });
    }

    private static void assertResumeMatches(StageSettings settings, Path dir) throws IOException {
        Path ckpt = dir.resolve("a.bin");
        Path afterTwo = dir.resolve("after-two.bin");
        TinyStage.Outcome full = trainKeepingEpochTwo(settings, ckpt, afterTwo);
        assertEquals(4, full.result().history().size());
        List<String> status = new ArrayList<>();
        TinyStage.Outcome rest = TinyStage.train(settings, afterTwo, new ProgressListener() {
            @Override
            public void status(String message) {
                status.add(message);
            }
        }, b -> {
        });
        assertTrue(status.stream().anyMatch(m -> m.contains("resumed after epoch 2")), status.toString());
        assertEquals(4, rest.result().history().size());
        for (int e = 0; e < 4; e++) {
            EpochRecord a = full.result().history().get(e);
            EpochRecord b = rest.result().history().get(e);
            assertEquals(a.trainLoss(), b.trainLoss(), 0.0, "epoch " + (e + 1));
            assertEquals(a.validationF1(), b.validationF1(), 0.0, "epoch " + (e + 1));
            assertEquals(a.learningRate(), b.learningRate(), 0.0, "epoch " + (e + 1));
        }
        assertEquals(full.result().bestEpoch(), rest.result().bestEpoch());
        assertEquals(full.result().bestValidationF1(), rest.result().bestValidationF1(), 0.0);
        assertEquals(full.result().averagedEpochs(), rest.result().averagedEpochs());
        assertArrayEquals(full.weights(), rest.weights());
        assertTrue(full.result().lossFell());
    }

    @Test
    void resumedStageMatchesUninterrupted(@TempDir Path dir) throws IOException {
        assertResumeMatches(CONSTANT_BEST, dir);
    }

    @Test
    void resumedCosineAverageLastMatchesUninterrupted(@TempDir Path dir) throws IOException {
        // the checkpoint after epoch 2 holds the running sum of one averaged epoch (2 of 2..4)
        assertResumeMatches(COSINE_AVERAGE, dir);
    }

    @Test
    void resumedCosineLastWithoutEngineRandomnessMatchesUninterrupted(@TempDir Path dir) throws IOException {
        assertResumeMatches(COSINE_LAST_NO_ENGINE, dir);
    }

    @Test
    void checkpointOfOtherSettingsIsIgnored(@TempDir Path dir) throws IOException {
        Path ckpt = dir.resolve("a.bin");
        Path afterTwo = dir.resolve("after-two.bin");
        trainKeepingEpochTwo(CONSTANT_BEST, ckpt, afterTwo);
        List<String> status = new ArrayList<>();
        TinyStage.Outcome fresh = TinyStage.train(COSINE_AVERAGE, afterTwo, new ProgressListener() {
            @Override
            public void status(String message) {
                status.add(message);
            }
        }, b -> {
        });
        assertFalse(status.stream().anyMatch(m -> m.contains("resumed")), status.toString());
        TinyStage.Outcome reference = TinyStage.train(COSINE_AVERAGE, null, ProgressListener.NONE, b -> {
        });
        assertArrayEquals(reference.weights(), fresh.weights());
    }
}
