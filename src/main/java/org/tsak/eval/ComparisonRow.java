package org.tsak.eval;

/**
 * One row of the comparison table: a model (teacher, semantic classifier, a student trained
 * with one strategy, or a classical baseline), its accuracy over folds and seeds and its cost.
 * A classical baseline's cost is not measured: {@code params} and {@code flops} are -1, the
 * latencies, throughput, speed-up and ratios NaN.
 *
 * @param model              {@code teacher}, {@code semantic-classifier}, {@code student} or {@code baseline}
 * @param strategy           distillation strategy for students, the variant for baselines (e.g.
 *                           {@code random-forest, student channels}), {@code -} otherwise
 * @param seeds              number of (fold, seed) results averaged (shown as "runs")
 * @param macroF1            mean macro-F1 (OpenPack rule) over folds and seeds
 * @param macroF1Std         sample standard deviation over folds and seeds (0 for one result)
 * @param accuracy           mean accuracy over the scored seconds
 * @param accuracyStd        its standard deviation
 * @param params             deployed parameter count (-1 if unknown)
 * @param flops              FLOPs per window (a multiply-add counts 2; -1 if unknown)
 * @param latencyP50Micros   batch-1 latency, median, µs
 * @param latencyP95Micros   batch-1 latency, 95th percentile, µs
 * @param throughputPerSecond windows per second at the throughput batch size
 * @param speedUp            teacher p50 latency / this p50 latency
 * @param paramRatio         params / teacher params
 * @param flopRatio          FLOPs / teacher FLOPs
 * @param f1DeltaVsNoKd      mean macro-F1 minus the no-KD student's (NaN for the teacher and the SC)
 */
public record ComparisonRow(String model, String strategy, int seeds, double macroF1, double macroF1Std,
        double accuracy, double accuracyStd, long params, long flops, double latencyP50Micros,
        double latencyP95Micros, double throughputPerSecond, double speedUp, double paramRatio, double flopRatio,
        double f1DeltaVsNoKd) {

    /** Display name: the model, and the strategy for students. */
    public String label() {
        return strategy.equals("-") ? model : model + " [" + strategy + "]";
    }
}
