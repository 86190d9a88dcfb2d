package org.tsak.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.tsak.data.Operations;
import org.tsak.data.SecondLabels;

/**
 * Scores predictions by the official OpenPack toolkit rule (work-operation recognition):
 * <ol>
 *   <li>per session, reduce the predictions to 1 Hz at the ground-truth seconds: the last
 *       prediction in each second, gaps filled by the nearest previous prediction
 *       ({@link OneHzResampler});</li>
 *   <li>drop the seconds whose truth is Null (8100); a Null prediction on an operation
 *       second is kept and counts as a miss;</li>
 *   <li>concatenate all sessions and compute the macro-F1 over the ten operations
 *       (ids 100..1000), where an operation absent from both truth and prediction scores 0
 *       and still counts (scikit-learn {@code precision_recall_fscore_support} with
 *       {@code labels} = the ten ids, {@code average="macro"}, {@code zero_division=0}).</li>
 * </ol>
 * Concatenating is not averaging: a session's weight grows with its length (see the
 * per-session diagnostic in {@link EvaluationResult}).
 */
public final class OpenPackScorer {

    private static final int[] OPERATION_INDICES = operationIndices();

    private OpenPackScorer() {
    }

    /**
     * Scores every session.
     *
     * @param predictions  session key (for example {@code U0209-S0500}) to that session's
     *                     predictions (window predictions or a 1 Hz submission)
     * @param groundTruths session key to its 1 Hz ground truth; the key sets must be equal
     * @throws IllegalArgumentException if a session is missing on either side, a scored session
     *                                  has no predictions, or there is no session at all
     */
    public static EvaluationResult score(Map<String, TimedPredictions> predictions,
            Map<String, SecondLabels> groundTruths) {
        checkKeys(predictions, groundTruths);
        ConfusionMatrix all = new ConfusionMatrix(Operations.CLASS_COUNT);
        Map<String, Double> perSession = new LinkedHashMap<>();
        for (String key : new TreeSet<>(groundTruths.keySet())) {
            ConfusionMatrix session = sessionConfusion(key, predictions.get(key), groundTruths.get(key));
            perSession.put(key, session.macroF1(OPERATION_INDICES));
            all.addAll(session);
        }
        Map<Integer, Double> perClass = new LinkedHashMap<>();
        for (int c : OPERATION_INDICES) {
            perClass.put(Operations.idOf(c), all.f1(c));
        }
        return new EvaluationResult(all.macroF1(OPERATION_INDICES), all.accuracy(),
                all.weightedF1(OPERATION_INDICES), perClass, perSession, all, all.total());
    }

    /** Scores a single session. */
    public static EvaluationResult score(String sessionKey, TimedPredictions predictions, SecondLabels groundTruth) {
        return score(Map.of(sessionKey, predictions), Map.of(sessionKey, groundTruth));
    }

    /**
     * The confusion matrix of one session after the 1 Hz reduction with Null-truth seconds
     * dropped (11 x 11 over class indices).
     */
    public static ConfusionMatrix sessionConfusion(String sessionKey, TimedPredictions predictions,
            SecondLabels groundTruth) {
        int[] predicted = OneHzResampler.predictionPerSecond(sessionKey, predictions, groundTruth);
        ConfusionMatrix m = new ConfusionMatrix(Operations.CLASS_COUNT);
        for (int s = 0; s < predicted.length; s++) {
            int truth = groundTruth.operationId(s);
            if (truth == Operations.NULL_ID) {
                continue;
            }
            int truthIndex;
            try {
                truthIndex = Operations.indexOf(truth);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("session " + sessionKey + " ground truth at "
                        + groundTruth.secondMs(s) + " ms: " + e.getMessage(), e);
            }
            m.add(truthIndex, Operations.indexOf(predicted[s]));
        }
        return m;
    }

    /**
     * Predictions of every session at its ground-truth seconds, in key order: what
     * {@link SubmissionWriter} writes.
     */
    public static Map<String, TimedPredictions> toSubmission(Map<String, TimedPredictions> predictions,
            Map<String, SecondLabels> groundTruths) {
        checkKeys(predictions, groundTruths);
        Map<String, TimedPredictions> out = new TreeMap<>();
        for (Map.Entry<String, SecondLabels> e : groundTruths.entrySet()) {
            out.put(e.getKey(), OneHzResampler.atGroundTruthSeconds(e.getKey(), predictions.get(e.getKey()), e.getValue()));
        }
        return out;
    }

    /** Class indices of the ten operations (0..9), the classes the macro-F1 averages over. */
    public static int[] operationIndices() {
        int[] idx = new int[Operations.OPERATION_IDS.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = Operations.indexOf(Operations.OPERATION_IDS.get(i));
        }
        return idx;
    }

    private static void checkKeys(Map<String, TimedPredictions> predictions, Map<String, SecondLabels> groundTruths) {
        if (groundTruths.isEmpty()) {
            throw new IllegalArgumentException("no sessions to score: the ground truth is empty");
        }
        TreeSet<String> missing = new TreeSet<>(groundTruths.keySet());
        missing.removeAll(predictions.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no predictions for sessions " + missing
                    + "; predictions are given for " + new TreeSet<>(predictions.keySet()));
        }
        TreeSet<String> extra = new TreeSet<>(predictions.keySet());
        extra.removeAll(groundTruths.keySet());
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException("predictions for sessions " + extra
                    + " have no ground truth; sessions with ground truth: " + new TreeSet<>(groundTruths.keySet()));
        }
    }
}
