package org.tsak.config;

/**
 * Optimisation settings per stage.
 *
 * @param teacher  stage 1
 * @param semantic stage 2 (the semantic classifier on frozen teacher representations)
 * @param student  each student
 */
public record TrainingConfig(Stage teacher, Stage semantic, Stage student) {

    /** Applies defaults. */
    public TrainingConfig {
        teacher = teacher == null ? Stage.defaults("training.teacher") : teacher.named("training.teacher");
        semantic = semantic == null ? Stage.defaults("training.semantic") : semantic.named("training.semantic");
        student = student == null ? Stage.defaults("training.student") : student.named("training.student");
    }

    /**
     * One stage's optimisation: Adam with decoupled weight decay, shuffled mini-batches,
     * early stopping on validation macro-F1.
     *
     * @param epochs       maximum epochs (default 30)
     * @param batchSize    windows per batch (default 64)
     * @param learningRate Adam learning rate (default 0.002)
     * @param weightDecay  weight decay (default 1e-4)
     * @param patience     epochs without validation improvement before stopping (default 6)
     */
    public record Stage(Integer epochs, Integer batchSize, Double learningRate, Double weightDecay, Integer patience) {
        /** Applies defaults and validates (key paths given by {@link #named}). */
        public Stage {
            epochs = epochs == null ? 30 : epochs;
            batchSize = batchSize == null ? 64 : batchSize;
            learningRate = learningRate == null ? 0.002 : learningRate;
            weightDecay = weightDecay == null ? 1e-4 : weightDecay;
            patience = patience == null ? 6 : patience;
        }

        static Stage defaults(String keyPath) {
            return new Stage(null, null, null, null, null).named(keyPath);
        }

        Stage named(String keyPath) {
            ConfigChecks.positive(keyPath + ".epochs", epochs);
            ConfigChecks.positive(keyPath + ".batchSize", batchSize);
            ConfigChecks.positive(keyPath + ".learningRate", learningRate);
            ConfigChecks.inRange(keyPath + ".weightDecay", weightDecay, 0, 1);
            ConfigChecks.positive(keyPath + ".patience", patience);
            return this;
        }
    }
}
