package org.tsak.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/**
 * Counts the values held by an initialised block's parameters.
 *
 * <p>"Learnable" counts every parameter except BatchNorm's running mean and running variance
 * (DJL stores those as parameters of type {@code RUNNING_MEAN}/{@code RUNNING_VAR}; they are
 * statistics, not learned). It counts by type, not by {@code requiresGradient()}, so a frozen
 * teacher still reports its full size. This is the number {@code CostModel} predicts.
 */
public final class BlockParameters {

    private BlockParameters() {
    }

    /** Number of learnable values (weights, biases, gammas, betas). */
    public static long learnableCount(Block block) {
        return count(block, false);
    }

    /** Number of BatchNorm running-statistics values (running mean + running variance). */
    public static long runningStatisticsCount(Block block) {
        return count(block, true);
    }

    private static long count(Block block, boolean runningStatistics) {
        long total = 0;
        for (Parameter p : block.getParameters().values()) {
            boolean stats = p.getType() == Parameter.Type.RUNNING_MEAN
                    || p.getType() == Parameter.Type.RUNNING_VAR;
            if (stats == runningStatistics) {
                if (!p.isInitialized()) {
                    throw new IllegalStateException("parameter " + p.getName()
                            + " is not initialised; initialise the block before counting");
                }
                total += p.getArray().size();
            }
        }
        return total;
    }
}
