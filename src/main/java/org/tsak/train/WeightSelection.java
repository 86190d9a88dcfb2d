package org.tsak.train;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which weights a training stage keeps (config key {@code training.<stage>.selection}).
 */
public enum WeightSelection {

    /**
     * Early stopping: the epoch with the best validation macro-F1, stopping after {@code patience}
     * epochs without improvement.
     */
    BEST_VALIDATION("best-validation"),
    /** Every epoch is run and the last epoch's weights are kept; validation is only recorded. */
    LAST("last"),
    /**
     * Every epoch is run and the kept weights are the element-wise mean of the weights after each
     * of the last {@code averageEpochs} epochs (stochastic weight averaging over epochs, Izmailov
     * et al. 2018). BatchNorm running mean and variance are averaged the same way, not
     * recomputed on the training data; validation is only recorded.
     */
    AVERAGE_LAST("average-last");

    private final String key;

    WeightSelection(String key) {
        this.key = key;
    }

    /** The config key, e.g. {@code average-last}. */
    public String key() {
        return key;
    }

    /**
     * The selection of a config key.
     *
     * @throws IllegalArgumentException naming the value and the valid keys
     */
    public static WeightSelection fromKey(String key) {
        for (WeightSelection s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("selection '" + key + "' is not one of "
                + Arrays.stream(values()).map(WeightSelection::key).collect(Collectors.joining(", ")));
    }
}
