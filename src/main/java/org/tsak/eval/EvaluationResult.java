package org.tsak.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scores of one evaluation by the OpenPack rule (see {@link OpenPackScorer}).
 *
 * @param macroF1           mean F1 over the ten operations; an operation absent from both
 *                          truth and prediction scores 0 and still counts (the headline number)
 * @param accuracy          fraction of scored seconds predicted correctly (Null predictions are
 *                          wrong, since Null truth seconds are not scored)
 * @param weightedF1        F1 of the ten operations weighted by their support (true seconds)
 * @param perClassF1        operation id (100..1000) to F1, in id order
 * @param perSessionMacroF1 session key to the macro-F1 of that session alone, in key order:
 *                          a diagnostic only; the headline is computed on all sessions
 *                          concatenated, which is not the mean of these
 * @param confusion         11 x 11 counts over class indices (rows truth, columns prediction,
 *                          index 10 = Null; the Null row is empty because Null truth is dropped)
 * @param scoredSeconds     number of seconds scored (non-Null truth, all sessions)
 */
public record EvaluationResult(
        double macroF1,
        double accuracy,
        double weightedF1,
        Map<Integer, Double> perClassF1,
        Map<String, Double> perSessionMacroF1,
        ConfusionMatrix confusion,
        long scoredSeconds) {

    /** Copies the maps (unmodifiable, order kept). */
    public EvaluationResult {
        perClassF1 = Collections.unmodifiableMap(new LinkedHashMap<>(perClassF1));
        perSessionMacroF1 = Collections.unmodifiableMap(new LinkedHashMap<>(perSessionMacroF1));
    }
}
