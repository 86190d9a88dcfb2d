package org.tsak.report;

import java.util.List;
import java.util.Map;

/**
 * One model's metrics.json: test scores by the OpenPack rule, the confusion matrix and the
 * training history.
 *
 * @param model             {@code teacher}, {@code semantic-classifier} or {@code student}
 * @param fold              fold index (0 without leave-one-subject-out)
 * @param strategy          distillation strategy for students, {@code -} otherwise
 * @param seed              student seed index, -1 for teacher and semantic classifier
 * @param loss              the loss formula actually used (students), empty otherwise
 * @param bestEpoch         epoch whose weights were kept
 * @param bestValidationF1  validation macro-F1 of that epoch
 * @param macroF1           test macro-F1
 * @param accuracy          test accuracy over the scored seconds
 * @param weightedF1        support-weighted F1
 * @param scoredSeconds     number of scored (non-Null) test seconds
 * @param perClassF1        operation id to F1, in file order
 * @param perSessionMacroF1 session key to macro-F1
 * @param confusionCounts   rows = truth, columns = prediction, parallel to {@code classIds}
 * @param classIds          operation ids of the confusion rows and columns
 * @param history           per-epoch training record
 */
public record ModelMetrics(String model, int fold, String strategy, int seed, String loss, int bestEpoch,
        double bestValidationF1, double macroF1, double accuracy, double weightedF1, long scoredSeconds,
        Map<Integer, Double> perClassF1, Map<String, Double> perSessionMacroF1, long[][] confusionCounts,
        List<Integer> classIds, List<EpochPoint> history) {

    /** Copies the collections. */
    public ModelMetrics {
        perClassF1 = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perClassF1));
        perSessionMacroF1 = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perSessionMacroF1));
        classIds = List.copyOf(classIds);
        history = List.copyOf(history);
        long[][] copy = new long[confusionCounts.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusionCounts[i].clone();
        }
        confusionCounts = copy;
    }
}
