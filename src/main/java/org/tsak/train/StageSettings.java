package org.tsak.train;

/**
 * Optimisation of one training stage.
 *
 * @param name         stage name for progress lines and checkpoints (e.g. {@code teacher})
 * @param epochs       maximum epochs
 * @param batchSize    windows per mini-batch
 * @param learningRate AdamW learning rate
 * @param weightDecay  AdamW decoupled weight decay
 * @param patience     epochs without validation improvement before early stopping
 * @param seed         this stage's seed (weights, dropout, shuffling)
 */
public record StageSettings(String name, int epochs, int batchSize, double learningRate, double weightDecay,
        int patience, long seed) {

    /** Validates. */
    public StageSettings {
        if (epochs < 1 || batchSize < 1 || patience < 1 || !(learningRate > 0) || weightDecay < 0) {
            throw new IllegalArgumentException("invalid stage settings: " + name + " epochs=" + epochs
                    + " batchSize=" + batchSize + " learningRate=" + learningRate + " weightDecay=" + weightDecay
                    + " patience=" + patience);
        }
    }
}
