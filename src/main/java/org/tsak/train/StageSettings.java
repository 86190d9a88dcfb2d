package org.tsak.train;

import java.util.Locale;

import org.tsak.config.TrainingConfig;

/**
 * Optimisation of one training stage.
 *
 * @param name                  stage name for progress lines and checkpoints (e.g. {@code teacher})
 * @param epochs                maximum epochs ({@code last} and {@code average-last} run them all)
 * @param batchSize             windows per mini-batch
 * @param learningRate          AdamW learning rate (the peak of a schedule)
 * @param weightDecay           AdamW decoupled weight decay
 * @param patience              epochs without validation improvement before early stopping
 *                              ({@code best-validation} only)
 * @param seed                  this stage's seed (initial weights, dropout, shuffling)
 * @param schedule              learning rate per step after warm-up ({@link LearningRateSchedule})
 * @param minLearningRate       the cosine schedule's floor, in [0, learningRate]
 * @param warmupEpochs          epochs of linear warm-up, in [0, epochs - 1]
 * @param selection             which weights are kept
 * @param averageEpochs         epochs averaged by {@link WeightSelection#AVERAGE_LAST}, in [1, epochs]
 *                              (&ge; 1 otherwise, unused)
 * @param usesEngineRandomness  true if the stage may seed and draw from the engine's global
 *                              random generator (needed by dropout: teacher, semantic
 *                              classifier); false for stages that run in parallel threads
 *                              (students): then the trainer never touches the engine's seed,
 *                              initial weights are drawn in Java
 *                              ({@link org.tsak.model.JavaRandomInitialization}) unless the
 *                              caller initialised the block, and a block with dropout is refused
 */
public record StageSettings(String name, int epochs, int batchSize, double learningRate, double weightDecay,
        int patience, long seed, LearningRateSchedule.Kind schedule, double minLearningRate, int warmupEpochs,
        WeightSelection selection, int averageEpochs, boolean usesEngineRandomness) {

    /** Validates. */
    public StageSettings {
        if (epochs < 1 || batchSize < 1 || patience < 1 || !(learningRate > 0) || weightDecay < 0
                || schedule == null || !(minLearningRate >= 0 && minLearningRate <= learningRate)
                || warmupEpochs < 0 || warmupEpochs >= epochs || selection == null || averageEpochs < 1
                || (selection == WeightSelection.AVERAGE_LAST && averageEpochs > epochs)) {
            throw new IllegalArgumentException("invalid stage settings: " + name + " epochs=" + epochs
                    + " batchSize=" + batchSize + " learningRate=" + learningRate + " weightDecay=" + weightDecay
                    + " patience=" + patience + " schedule=" + schedule + " minLearningRate=" + minLearningRate
                    + " warmupEpochs=" + warmupEpochs + " selection=" + selection + " averageEpochs=" + averageEpochs);
        }
    }

    /**
     * The old recipe: constant learning rate, early stopping on validation macro-F1 (best
     * epoch kept), engine randomness allowed; the other keys at their config defaults
     * ({@code minLearningRate} 0, {@code warmupEpochs} 0, {@code averageEpochs} 5, unused).
     */
    public StageSettings(String name, int epochs, int batchSize, double learningRate, double weightDecay,
            int patience, long seed) {
        this(name, epochs, batchSize, learningRate, weightDecay, patience, seed, LearningRateSchedule.Kind.CONSTANT,
                0, 0, WeightSelection.BEST_VALIDATION, 5, true);
    }

    /**
     * The settings of a configured stage ({@code training.teacher|semantic|student}), with engine
     * randomness allowed (see {@link #withEngineRandomness}).
     *
     * @param name  stage name
     * @param stage the validated config section
     * @param seed  the stage seed
     */
    public static StageSettings of(String name, TrainingConfig.Stage stage, long seed) {
        return new StageSettings(name, stage.epochs(), stage.batchSize(), stage.learningRate(), stage.weightDecay(),
                stage.patience(), seed, LearningRateSchedule.Kind.fromKey(stage.schedule()), stage.minLearningRate(),
                stage.warmupEpochs(), WeightSelection.fromKey(stage.selection()), stage.averageEpochs(), true);
    }

    /** The same settings, allowing ({@code true}) or forbidding the engine's random generator. */
    public StageSettings withEngineRandomness(boolean uses) {
        return new StageSettings(name, epochs, batchSize, learningRate, weightDecay, patience, seed, schedule,
                minLearningRate, warmupEpochs, selection, averageEpochs, uses);
    }

    /**
     * Everything but the name and seed that shapes the trained weights, as text: a checkpoint
     * written under other settings is not resumed.
     */
    String fingerprint() {
        return String.format(Locale.ROOT, "epochs=%d batch=%d lr=%s wd=%s patience=%d schedule=%s min=%s warmup=%d"
                + " selection=%s average=%d engine=%b", epochs, batchSize, Double.toString(learningRate),
                Double.toString(weightDecay), patience, schedule.key(), Double.toString(minLearningRate), warmupEpochs,
                selection.key(), averageEpochs, usesEngineRandomness);
    }
}
