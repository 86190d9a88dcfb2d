package org.tsak.train;

import java.util.List;

/**
 * The outcome of a training stage: per-epoch history and which weights were kept.
 *
 * @param stage            stage name
 * @param history          one record per epoch run
 * @param bestEpoch        the epoch whose weights were kept: with {@code best-validation} the epoch
 *                         of the best validation macro-F1, with {@code last} the last epoch, with
 *                         {@code average-last} the last epoch of the averaged ones
 *                         ({@code bestEpoch - averagedEpochs + 1 .. bestEpoch})
 * @param bestValidationF1 validation macro-F1 of the kept weights (for {@code average-last}, of the
 *                         averaged weights, measured once after averaging)
 * @param stoppedEarly     true if patience ran out before the epoch limit
 * @param selection        the rule that chose the kept weights
 * @param averagedEpochs   epochs whose weights were averaged (1 unless {@code average-last})
 */
public record StageResult(String stage, List<EpochRecord> history, int bestEpoch, double bestValidationF1,
        boolean stoppedEarly, WeightSelection selection, int averagedEpochs) {

    /** Copies the history. */
    public StageResult {
        history = List.copyOf(history);
    }

    /** A result of early stopping on validation ({@code best-validation}, nothing averaged). */
    public StageResult(String stage, List<EpochRecord> history, int bestEpoch, double bestValidationF1,
            boolean stoppedEarly) {
        this(stage, history, bestEpoch, bestValidationF1, stoppedEarly, WeightSelection.BEST_VALIDATION, 1);
    }

    /** True if the last epoch's training loss is below the first's. */
    public boolean lossFell() {
        return history.size() >= 2 && history.get(history.size() - 1).trainLoss() < history.get(0).trainLoss();
    }
}
