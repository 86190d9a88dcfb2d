package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tsak.model.JavaRandomInitialization;
import org.tsak.model.StudentBlock;
import org.tsak.model.StudentTrainingBlock;
import org.tsak.model.TargetKind;
import org.tsak.train.LearningRateSchedule.Kind;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.loss.Loss;

/** A stage without engine randomness neither reads nor moves the engine's global generator. */
class StageEngineRandomnessTest {

    static final StageSettings NO_ENGINE = new StageSettings("student", 2, 16, 0.01, 1e-3, 5, 11, Kind.COSINE, 0, 0,
            WeightSelection.LAST, 1, false);

    @Test
    void weightsDoNotDependOnTheEnginesGenerator() throws IOException {
        Engine.getInstance().setRandomSeed(1);
        byte[] a = TinyStage.train(NO_ENGINE, null, ProgressListener.NONE, b -> {
        }).weights();
        Engine.getInstance().setRandomSeed(2);
        try (NDManager m = NDManager.newBaseManager()) {
            m.randomNormal(new Shape(100)).close(); // moves the generator on
        }
        byte[] b = TinyStage.train(NO_ENGINE, null, ProgressListener.NONE, x -> {
        }).weights();
        assertArrayEquals(a, b);
        // the seed still matters
        byte[] c = TinyStage.train(new StageSettings("student", 2, 16, 0.01, 1e-3, 5, 12, Kind.COSINE, 0, 0,
                WeightSelection.LAST, 1, false), null, ProgressListener.NONE, x -> {
                }).weights();
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(c));
    }

    @Test
    void theEnginesGeneratorIsNotMoved() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            float[] expected = m.randomUniform(0, 1, new Shape(8)).toFloatArray();
            Engine.getInstance().setRandomSeed(7);
            TinyStage.train(NO_ENGINE, null, ProgressListener.NONE, b -> {
            });
            assertArrayEquals(expected, m.randomUniform(0, 1, new Shape(8)).toFloatArray(), 0f,
                    "the next draw after training is the one the seed gives");
            // a stage that uses the engine seeds it and draws from it
            Engine.getInstance().setRandomSeed(7);
            TinyStage.train(NO_ENGINE.withEngineRandomness(true), null, ProgressListener.NONE, b -> {
            });
            assertNotEquals(expected[0], m.randomUniform(0, 1, new Shape(8)).toFloatArray()[0]);
        }
    }

    /** A stage that draws from the engine on every batch: dropout between two linear layers. */
    private static SequentialBlock dropoutNet() {
        return new SequentialBlock().add(ai.djl.nn.Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(32).build()).add(Dropout.builder().optRate(0.5f).build())
                .add(Linear.builder().setUnits(11).build());
    }

    @Test
    void parallelStagesGiveTheNumbersTheyGiveAlone() throws Exception {
        StageSettings teacherLike = new StageSettings("teacher", 3, 16, 0.01, 1e-3, 5, 21);
        StageSettings student1 = NO_ENGINE;
        StageSettings student2 = new StageSettings("student", 3, 16, 0.01, 1e-3, 5, 22, Kind.CONSTANT, 0, 0,
                WeightSelection.AVERAGE_LAST, 2, false);
        byte[] teacherAlone = TinyStage.train(dropoutNet(), teacherLike, null, ProgressListener.NONE, b -> {
        }).weights();
        byte[] oneAlone = TinyStage.train(student1, null, ProgressListener.NONE, b -> {
        }).weights();
        byte[] twoAlone = TinyStage.train(student2, null, ProgressListener.NONE, b -> {
        }).weights();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 2; round++) {
                var teacher = pool.submit(() -> TinyStage.train(dropoutNet(), teacherLike, null, ProgressListener.NONE,
                        b -> {
                        }).weights());
                var one = pool.submit(() -> TinyStage.train(student1, null, ProgressListener.NONE, b -> {
                }).weights());
                var two = pool.submit(() -> TinyStage.train(student2, null, ProgressListener.NONE, b -> {
                }).weights());
                assertArrayEquals(teacherAlone, teacher.get(), "the dropout stage, round " + round);
                assertArrayEquals(oneAlone, one.get(), "student 1, round " + round);
                assertArrayEquals(twoAlone, two.get(), "student 2, round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBlockWithDropoutIsRefused() {
        try (Model model = Model.newInstance("d")) {
            SequentialBlock block = new SequentialBlock().add(Linear.builder().setUnits(4).build())
                    .add(Dropout.builder().optRate(0.5f).build());
            model.setBlock(block);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new StageTrainer(NO_ENGINE, ProgressListener.NONE).train(model,
                            new Shape[] {new Shape(1, 3)}, new int[] {0, 1}, (m, ex, from, count) -> null,
                            (out, m, ex, from, count) -> Loss.l2Loss().evaluate(out, out), b -> 0, null));
            assertTrue(e.getMessage().contains("02Dropout") && e.getMessage().contains("usesEngineRandomness"),
                    e.getMessage());
        }
    }

    @Test
    void aPartlyInitialisedBlockIsRefused() {
        try (Model model = Model.newInstance("p")) {
            StudentTrainingBlock block = new StudentTrainingBlock(new StudentBlock(TinyStage.SPEC),
                    List.of(TargetKind.COMBI_REP), 16);
            JavaRandomInitialization.initialize(block.student(), model.getNDManager(), 1, new Shape(1, 3, 20));
            model.setBlock(block);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new StageTrainer(NO_ENGINE, ProgressListener.NONE).train(model,
                            new Shape[] {new Shape(1, 3, 20)}, new int[] {0, 1}, TinyStage.feeder(),
                            (out, m, ex, from, count) -> out.get(0).sum(), b -> 0, null));
            assertTrue(e.getMessage().contains("parameters are initialised"), e.getMessage());
        }
    }
}
