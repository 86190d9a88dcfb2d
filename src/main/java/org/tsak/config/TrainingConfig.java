package org.tsak.config;

import java.util.List;

/**
 * Optimisation settings per stage.
 *
 * @param teacher  stage 1
 * @param semantic stage 2 (the semantic classifier on frozen teacher representations)
 * @param student  each student
 * @param context  each student's temporal context head (model.context); default 5 epochs,
 *                 batch 256, learning rate 0.005, weight decay 1e-3, cosine, last weights
 */
public record TrainingConfig(Stage teacher, Stage semantic, Stage student, Stage context) {

    /** Valid values of {@code schedule}: the learning rate per optimiser step. */
    public static final List<String> SCHEDULES = List.of("constant", "cosine");
    /** Valid values of {@code selection}: which weights a stage keeps. */
    public static final List<String> SELECTIONS = List.of("best-validation", "last", "average-last");

    /** Applies defaults. */
    public TrainingConfig {
        teacher = teacher == null ? Stage.defaults("training.teacher") : teacher.named("training.teacher");
        semantic = semantic == null ? Stage.defaults("training.semantic") : semantic.named("training.semantic");
        student = student == null ? Stage.defaults("training.student") : student.named("training.student");
        context = context == null ? new Stage(5, 256, 0.005, 1e-3, null, "cosine", null, null, "last", null, null,
                null).named("training.context") : context.named("training.context");
    }

    /** Default context-head settings. */
    public TrainingConfig(Stage teacher, Stage semantic, Stage student) {
        this(teacher, semantic, student, null);
    }

    /**
     * One stage's optimisation: AdamW (decoupled weight decay), shuffled mini-batches, a
     * learning-rate schedule and a rule for which weights are kept. The defaults are the old
     * recipe: constant learning rate, early stopping on validation macro-F1.
     *
     * @param epochs          maximum epochs (default 30); with {@code last} or {@code average-last}
     *                        every epoch is run
     * @param batchSize       windows per batch (default 64)
     * @param learningRate    AdamW learning rate, the peak of a schedule (default 0.002)
     * @param weightDecay     decoupled weight decay (default 1e-4)
     * @param patience        epochs without validation improvement before stopping (default 6);
     *                        only used by {@code best-validation}
     * @param schedule        {@code constant} (default) or {@code cosine}: per optimiser step, decay
     *                        from {@code learningRate} to {@code minLearningRate} over all steps
     *                        after the warm-up (Loshchilov and Hutter 2017, SGDR, without restarts)
     * @param minLearningRate the cosine schedule's final learning rate, in [0, learningRate]
     *                        (default 0)
     * @param warmupEpochs    epochs of linear warm-up from learningRate/steps to learningRate, per
     *                        step (Goyal et al. 2017), in [0, epochs - 1] (default 0: none)
     * @param selection       {@code best-validation} (default: early stopping with patience, the
     *                        best epoch's weights), {@code last} (every epoch, the last weights)
     *                        or {@code average-last} (every epoch, the element-wise mean of the
     *                        weights after each of the last {@code averageEpochs} epochs)
     * @param averageEpochs   epochs averaged by {@code average-last}, in [1, epochs] (default 5)
     * @param augmentation    random augmentation of this stage's training windows (rotation,
     *                        scaling, jitter, time shift, mirroring; default off); validation and
     *                        test windows are never augmented. Cached distillation targets are the
     *                        teacher's outputs on the un-augmented window
     * @param seeds           teacher only: independently seeded teachers per fold (default 1).
     *                        Seed 0 is the teacher the semantic classifier and the students learn
     *                        from; the others are trained and scored only to measure the teacher's
     *                        seed-to-seed spread, reported per fold. Other stages must leave it at 1
     *                        (student seeds are {@code distillation.seeds})
     */
    public record Stage(Integer epochs, Integer batchSize, Double learningRate, Double weightDecay, Integer patience,
            String schedule, Double minLearningRate, Integer warmupEpochs, String selection, Integer averageEpochs,
            AugmentationConfig augmentation, Integer seeds) {
        /** Applies defaults (validation with key paths happens in {@link #named}). */
        public Stage {
            epochs = epochs == null ? 30 : epochs;
            batchSize = batchSize == null ? 64 : batchSize;
            learningRate = learningRate == null ? 0.002 : learningRate;
            weightDecay = weightDecay == null ? 1e-4 : weightDecay;
            patience = patience == null ? 6 : patience;
            schedule = schedule == null ? "constant" : schedule;
            minLearningRate = minLearningRate == null ? 0.0 : minLearningRate;
            warmupEpochs = warmupEpochs == null ? 0 : warmupEpochs;
            selection = selection == null ? "best-validation" : selection;
            averageEpochs = averageEpochs == null ? 5 : averageEpochs;
            augmentation = augmentation == null ? AugmentationConfig.OFF : augmentation;
            seeds = seeds == null ? 1 : seeds;
        }

        /** The settings before {@code seeds} existed: one seed. */
        public Stage(Integer epochs, Integer batchSize, Double learningRate, Double weightDecay, Integer patience,
                String schedule, Double minLearningRate, Integer warmupEpochs, String selection,
                Integer averageEpochs, AugmentationConfig augmentation) {
            this(epochs, batchSize, learningRate, weightDecay, patience, schedule, minLearningRate, warmupEpochs,
                    selection, averageEpochs, augmentation, null);
        }

        /** The settings before {@code augmentation} existed: augmentation off. */
        public Stage(Integer epochs, Integer batchSize, Double learningRate, Double weightDecay, Integer patience,
                String schedule, Double minLearningRate, Integer warmupEpochs, String selection,
                Integer averageEpochs) {
            this(epochs, batchSize, learningRate, weightDecay, patience, schedule, minLearningRate, warmupEpochs,
                    selection, averageEpochs, null, null);
        }

        static Stage defaults(String keyPath) {
            return new Stage(null, null, null, null, null, null, null, null, null, null, null, null).named(keyPath);
        }

        /** Validates, naming {@code keyPath.field} and the value in every message. */
        Stage named(String keyPath) {
            ConfigChecks.positive(keyPath + ".epochs", epochs);
            ConfigChecks.positive(keyPath + ".batchSize", batchSize);
            ConfigChecks.positive(keyPath + ".learningRate", learningRate);
            ConfigChecks.inRange(keyPath + ".weightDecay", weightDecay, 0, 1);
            ConfigChecks.positive(keyPath + ".patience", patience);
            oneOf(keyPath + ".schedule", schedule, SCHEDULES);
            oneOf(keyPath + ".selection", selection, SELECTIONS);
            ConfigChecks.inRange(keyPath + ".minLearningRate", minLearningRate, 0, learningRate);
            if (warmupEpochs < 0 || warmupEpochs >= epochs) {
                throw new IllegalArgumentException(keyPath + ".warmupEpochs: must be in [0, epochs - 1] = [0, "
                        + (epochs - 1) + "], got " + warmupEpochs);
            }
            ConfigChecks.positive(keyPath + ".averageEpochs", averageEpochs);
            ConfigChecks.positive(keyPath + ".seeds", seeds);
            if (seeds != 1 && !keyPath.equals("training.teacher")) {
                throw new IllegalArgumentException(keyPath + ".seeds: only the teacher takes several seeds"
                        + " (training.teacher.seeds); student seeds are distillation.seeds, got " + seeds);
            }
            augmentation.named(keyPath + ".augmentation");
            if (selection.equals("average-last") && averageEpochs > epochs) {
                throw new IllegalArgumentException(keyPath + ".averageEpochs: " + averageEpochs
                        + " epochs to average but only " + epochs + " epochs (" + keyPath + ".epochs)");
            }
            return this;
        }

        private static void oneOf(String keyPath, String value, List<String> valid) {
            if (!valid.contains(value)) {
                throw new IllegalArgumentException(keyPath + ": '" + value + "' is not one of "
                        + String.join(", ", valid));
            }
        }
    }
}
