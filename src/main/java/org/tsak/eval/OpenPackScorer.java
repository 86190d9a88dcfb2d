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
 *   <li>score only the seconds the predictions cover: a second with no prediction within
 *       {@value PredictionCoverage#FILL_LIMIT_MS} ms is left out, never filled from a prediction
 *       far away ({@link PredictionCoverage}; window predictions and 1 Hz submissions cover every
 *       second of their span, so this only bites on predictions that stop, start late or have
 *       gaps; {@code tsak evaluate} refuses a submission covering less than
 *       {@value PredictionCoverage#MIN_PERCENT}% of a session, see {@link PredictionCoverage#require});</li>
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
     * The confusion matrix of one session after the 1 Hz reduction, with Null-truth seconds and
     * seconds the predictions do not cover dropped (11 x 11 over class indices).
     */
    public static ConfusionMatrix sessionConfusion(String sessionKey, TimedPredictions predictions,
            SecondLabels groundTruth) {
        int[] predicted = OneHzResampler.predictionPerSecond(sessionKey, predictions, groundTruth);
        boolean[] covered = PredictionCoverage.coveredSeconds(predictions, groundTruth);
        ConfusionMatrix m = new ConfusionMatrix(Operations.CLASS_COUNT);
        for (int s = 0; s < predicted.length; s++) {
            int truth = groundTruth.operationId(s);
            if (truth == Operations.NULL_ID || !covered[s]) {
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
     * Predictions of every session at its covered ground-truth seconds (see
     * {@link PredictionCoverage}), in key order: what {@link SubmissionWriter} writes. Scoring
     * the result gives the same numbers as scoring {@code predictions} when they cover every
     * second (windows every stride do); where they stop for longer than
     * {@value PredictionCoverage#FILL_LIMIT_MS} ms the submission simply has no entries, and
     * scoring it fills up to {@value PredictionCoverage#FILL_LIMIT_MS} ms past each covered
     * stretch, as for any submission.
     */
    public static Map<String, TimedPredictions> toSubmission(Map<String, TimedPredictions> predictions,
            Map<String, SecondLabels> groundTruths) {
        checkKeys(predictions, groundTruths);
        Map<String, TimedPredictions> out = new TreeMap<>();
        for (Map.Entry<String, SecondLabels> e : groundTruths.entrySet()) {
            TimedPredictions p = predictions.get(e.getKey());
            TimedPredictions all = OneHzResampler.atGroundTruthSeconds(e.getKey(), p, e.getValue());
            boolean[] covered = PredictionCoverage.coveredSeconds(p, e.getValue());
            int n = 0;
            for (boolean c : covered) {
                n += c ? 1 : 0;
            }
            if (n == covered.length) {
                out.put(e.getKey(), all);
                continue;
            }
            long[] t = new long[n];
            int[] y = new int[n];
            for (int s = 0, k = 0; s < covered.length; s++) {
                if (covered[s]) {
                    t[k] = all.timestampMs(s);
                    y[k++] = all.operationId(s);
                }
            }
            out.put(e.getKey(), new TimedPredictions(t, y));
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

    /** The same sessions on both sides, and at least one. */
    static void checkKeys(Map<String, TimedPredictions> predictions, Map<String, SecondLabels> groundTruths) {
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
