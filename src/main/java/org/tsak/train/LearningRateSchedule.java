package org.tsak.train;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The learning rate of every optimiser step of a stage: a pure function of the step's place
 * (epoch, batch), so a stage resumed from an epoch checkpoint replays it exactly.
 *
 * <p>With {@code S} steps per epoch, global step {@code t = (epoch - 1) S + batch} (0-based),
 * {@code T = epochs S} steps in all and {@code W = warmupEpochs S} warm-up steps:
 * <pre>
 *   t &lt; W              lr (t + 1) / W                                     linear warm-up (Goyal et al. 2017)
 *   t &ge; W, constant    lr
 *   t &ge; W, cosine      min + (lr - min) (1 + cos(pi (t - W) / (T - W))) / 2  cosine annealing (Loshchilov
 *                                                                          and Hutter 2017, SGDR, no restarts)
 * </pre>
 * So the cosine schedule starts at {@code lr}, passes {@code (lr + min) / 2} half-way through
 * the steps after warm-up and reaches {@code min + (lr - min) (1 + cos(pi (T-W-1)/(T-W))) / 2}
 * (just above {@code min}) at its last step, as PyTorch's {@code CosineAnnealingLR} with
 * {@code T_max = T - W} does.
 *
 * @param kind            constant or cosine
 * @param learningRate    the peak learning rate {@code lr} (&gt; 0)
 * @param minLearningRate the cosine schedule's floor {@code min}, in [0, lr]
 * @param warmupEpochs    warm-up epochs, in [0, epochs - 1]
 * @param epochs          epochs of the stage (&ge; 1)
 * @param stepsPerEpoch   optimiser steps per epoch {@code S} (&ge; 1)
 */
public record LearningRateSchedule(Kind kind, double learningRate, double minLearningRate, int warmupEpochs,
        int epochs, int stepsPerEpoch) {

    /** The schedule's shape after warm-up (config key {@code training.<stage>.schedule}). */
    public enum Kind {
        /** The learning rate stays at its peak. */
        CONSTANT("constant"),
        /** Cosine decay from the peak to the floor over the steps after warm-up. */
        COSINE("cosine");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The config key. */
        public String key() {
            return key;
        }

        /**
         * The kind of a config key.
         *
         * @throws IllegalArgumentException naming the value and the valid keys
         */
        public static Kind fromKey(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("schedule '" + key + "' is not one of "
                    + Arrays.stream(values()).map(Kind::key).collect(Collectors.joining(", ")));
        }
    }

    /** Validates. */
    public LearningRateSchedule {
        if (kind == null || !(learningRate > 0) || Double.isInfinite(learningRate)
                || !(minLearningRate >= 0 && minLearningRate <= learningRate) || epochs < 1 || warmupEpochs < 0
                || warmupEpochs >= epochs || stepsPerEpoch < 1) {
            throw new IllegalArgumentException("invalid learning-rate schedule: kind=" + kind + " learningRate="
                    + learningRate + " minLearningRate=" + minLearningRate + " warmupEpochs=" + warmupEpochs
                    + " epochs=" + epochs + " stepsPerEpoch=" + stepsPerEpoch);
        }
    }

    /** The schedule of a stage whose epochs have {@code stepsPerEpoch} optimiser steps. */
    public static LearningRateSchedule of(StageSettings settings, int stepsPerEpoch) {
        return new LearningRateSchedule(settings.schedule(), settings.learningRate(), settings.minLearningRate(),
                settings.warmupEpochs(), settings.epochs(), stepsPerEpoch);
    }

    /** Optimiser steps in all: {@code T = epochs S}. */
    public int totalSteps() {
        return epochs * stepsPerEpoch;
    }

    /**
     * The learning rate of batch {@code batch} (0-based) of epoch {@code epoch} (1-based).
     *
     * @throws IllegalArgumentException if the step is outside the stage
     */
    public double at(int epoch, int batch) {
        if (epoch < 1 || epoch > epochs || batch < 0 || batch >= stepsPerEpoch) {
            throw new IllegalArgumentException("no step at epoch " + epoch + " batch " + batch + " of a schedule of "
                    + epochs + " epochs x " + stepsPerEpoch + " steps");
        }
        return at((epoch - 1) * stepsPerEpoch + batch);
    }

    /**
     * The learning rate of global step {@code t} (0-based).
     *
     * @throws IllegalArgumentException if {@code t} is outside [0, T)
     */
    public double at(int t) {
        int total = totalSteps();
        if (t < 0 || t >= total) {
            throw new IllegalArgumentException("step " + t + " is outside [0, " + total + ")");
        }
        int warmup = warmupEpochs * stepsPerEpoch;
        if (t < warmup) {
            return learningRate * (t + 1) / warmup;
        }
        if (kind == Kind.CONSTANT) {
            return learningRate;
        }
        double progress = (t - warmup) / (double) (total - warmup);
        return minLearningRate + (learningRate - minLearningRate) * (1 + Math.cos(Math.PI * progress)) / 2;
    }
}
