package org.tsak.train;

import java.util.List;

/**
 * The outcome of a training stage: per-epoch history and the epoch whose weights were kept.
 *
 * @param stage            stage name
 * @param history          one record per epoch run
 * @param bestEpoch        epoch with the best validation macro-F1 (its weights are loaded)
 * @param bestValidationF1 that epoch's validation macro-F1
 * @param stoppedEarly     true if patience ran out before the epoch limit
 */
public record StageResult(String stage, List<EpochRecord> history, int bestEpoch, double bestValidationF1,
        boolean stoppedEarly) {

    /** Copies the history. */
    public StageResult {
        history = List.copyOf(history);
    }

    /** True if the last epoch's training loss is below the first's. */
    public boolean lossFell() {
        return history.size() >= 2 && history.get(history.size() - 1).trainLoss() < history.get(0).trainLoss();
    }
}
