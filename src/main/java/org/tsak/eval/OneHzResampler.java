package org.tsak.eval;

import org.tsak.data.SecondLabels;

/**
 * Reduces a session's predictions to one per ground-truth second, the OpenPack toolkit's
 * 1 Hz rule ({@code resample_prediction_1Hz}): a prediction at time t belongs to the second
 * {@code floor(t / 1000) * 1000}, and the LAST prediction in a second is that second's
 * prediction.
 *
 * <p>Seconds the toolkit leaves undefined (choice, documented here): a ground-truth second
 * with no prediction of its own takes the nearest previous prediction (the last one made
 * before the second starts, so a window that ended in an earlier second, or in a second without
 * ground truth, still counts); seconds before the first prediction take the first prediction.
 * Predictions after the last ground-truth second are not used. Which filled seconds are scored
 * is {@link PredictionCoverage}'s rule: none farther than
 * {@value PredictionCoverage#FILL_LIMIT_MS} ms from a prediction.
 */
public final class OneHzResampler {

    private OneHzResampler() {
    }

    /**
     * Predicted operation id for every second of {@code groundTruth}, parallel to it.
     *
     * @param sessionKey  session named in error messages (for example {@code U0209-S0500})
     * @throws IllegalArgumentException if there are ground-truth seconds but no prediction
     */
    public static int[] predictionPerSecond(String sessionKey, TimedPredictions predictions, SecondLabels groundTruth) {
        int seconds = groundTruth.size();
        int[] out = new int[seconds];
        if (seconds == 0) {
            return out;
        }
        if (predictions.size() == 0) {
            throw new IllegalArgumentException("session " + sessionKey + " has " + seconds
                    + " ground-truth seconds but no predictions; predict every session that is scored");
        }
        int next = 0;   // first prediction not yet consumed
        int last = -1;  // index of the last prediction made before the end of the current second
        for (int s = 0; s < seconds; s++) {
            long endMs = groundTruth.secondMs(s) + 1000L;
            while (next < predictions.size() && predictions.timestampMs(next) < endMs) {
                last = next++;
            }
            // floor semantics: t in [sec, sec + 1000) belongs to sec, so "t < sec + 1000"
            // collects every prediction up to and including this second; the last one wins,
            // and if none fell in this second it is the nearest previous one.
            out[s] = predictions.operationId(last < 0 ? 0 : last);
        }
        return out;
    }

    /**
     * The session's predictions at the ground-truth seconds, ready for a submission file:
     * unixtime = each ground-truth second, prediction = {@link #predictionPerSecond}.
     */
    public static TimedPredictions atGroundTruthSeconds(String sessionKey, TimedPredictions predictions,
            SecondLabels groundTruth) {
        return new TimedPredictions(groundTruth.secondsMs(), predictionPerSecond(sessionKey, predictions, groundTruth));
    }
}
