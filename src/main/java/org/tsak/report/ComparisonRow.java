package org.tsak.report;

/**
 * One row of the comparison table: a model (teacher, semantic classifier, or a student trained
 * with one strategy), its accuracy over seeds and its cost.
 *
 * @param model              {@code teacher}, {@code semantic-classifier} or {@code student}
 * @param strategy           distillation strategy for students, {@code -} otherwise
 * @param seeds              number of seeds averaged
 * @param macroF1            mean macro-F1 (OpenPack rule) over seeds
 * @param macroF1Std         sample standard deviation over seeds (0 for one seed)
 * @param accuracy           mean accuracy over the scored seconds
 * @param accuracyStd        its standard deviation
 * @param params             deployed parameter count
 * @param flops              FLOPs per window (a multiply-add counts 2)
 * @param latencyP50Micros   batch-1 latency, median, µs
 * @param latencyP95Micros   batch-1 latency, 95th percentile, µs
 * @param throughputPerSecond windows per second at the throughput batch size
 * @param speedUp            teacher p50 latency / this p50 latency
 * @param paramRatio         params / teacher params
 * @param flopRatio          FLOPs / teacher FLOPs
 * @param f1DeltaVsNoKd      macro-F1 minus the no-KD student's (NaN for non-students)
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
