package org.tsak.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.tsak.data.SecondLabels;

/**
 * How much of a session's ground truth its predictions cover in time, and why not all of it.
 *
 * <p>The rule. A ground-truth second {@code [s, s + 1000)} is covered when the prediction the
 * 1 Hz rule gives it was made within {@value #FILL_LIMIT_MS} ms of it: its own last prediction,
 * or the nearest previous one made at {@code t >= s - FILL_LIMIT_MS}; before the first
 * prediction, that first one if made at {@code t < s + 1000 + FILL_LIMIT_MS} (see
 * {@link #coveredSeconds}). Only covered seconds are scored
 * ({@link OpenPackScorer}); the 1 Hz rule fills a covered second without a prediction of its own
 * from its neighbours ({@link OneHzResampler}), but nothing is filled across more than
 * {@value #FILL_LIMIT_MS} ms, so no score is made of predictions that do not exist. Window
 * predictions (a window every stride, a first window one window length after the start) and 1 Hz
 * submissions cover every second of their span.
 *
 * <p>For a submission file ({@code tsak evaluate --predictions --truth}, see {@link #require}): a
 * session covered below {@value #MIN_PERCENT}% is an error, a partly covered one a warning that
 * states the coverage; both name the likely cause ({@link TimeBaseMismatch}: unixtime in seconds,
 * a time-zone offset, another shift, a late start, an early end, a gap).
 *
 * @param sessionKey        the session
 * @param truthSeconds      ground-truth seconds
 * @param coveredSeconds    of them, covered by predictions
 * @param truthFirstMs      first ground-truth second (0 if there is none)
 * @param truthLastMs       last ground-truth second's start (0 if there is none)
 * @param predictionFirstMs first prediction time (0 if there is none)
 * @param predictionLastMs  last prediction time (0 if there is none)
 * @param likelyCause       why some seconds are not covered; empty when all are
 */
public record PredictionCoverage(String sessionKey, int truthSeconds, int coveredSeconds, long truthFirstMs,
        long truthLastMs, long predictionFirstMs, long predictionLastMs, String likelyCause) {

    /** Longest stretch, ms, across which a second without a prediction of its own may be filled. */
    public static final long FILL_LIMIT_MS = 5_000;

    /** Minimum share of a session's ground-truth seconds a submission must cover, percent. */
    public static final int MIN_PERCENT = 50;

    /** Coverage of one session. */
    public static PredictionCoverage of(String sessionKey, TimedPredictions predictions, SecondLabels groundTruth) {
        boolean[] covered = coveredSeconds(predictions, groundTruth);
        int n = 0;
        for (boolean c : covered) {
            n += c ? 1 : 0;
        }
        int seconds = groundTruth.size();
        int p = predictions.size();
        long truthFirst = seconds == 0 ? 0 : groundTruth.secondMs(0);
        long truthLast = seconds == 0 ? 0 : groundTruth.secondMs(seconds - 1);
        long predFirst = p == 0 ? 0 : predictions.timestampMs(0);
        long predLast = p == 0 ? 0 : predictions.timestampMs(p - 1);
        String cause = "";
        if (n < seconds) {
            if (p == 0) {
                cause = "there are no predictions for this session";
            } else {
                long gap = 0;
                long gapStart = predFirst;
                for (int i = 1; i < p; i++) {
                    long d = predictions.timestampMs(i) - predictions.timestampMs(i - 1);
                    if (d > gap) {
                        gap = d;
                        gapStart = predictions.timestampMs(i - 1);
                    }
                }
                cause = TimeBaseMismatch.likelyCause(predFirst, predLast, truthFirst, truthLast, gap, gapStart);
            }
        }
        return new PredictionCoverage(sessionKey, seconds, n, truthFirst, truthLast, predFirst, predLast, cause);
    }

    /** Coverage of every ground-truth session, in key order (sessions without predictions have none). */
    public static List<PredictionCoverage> of(Map<String, TimedPredictions> predictions,
            Map<String, SecondLabels> groundTruths) {
        List<PredictionCoverage> out = new ArrayList<>();
        for (String key : new TreeSet<>(groundTruths.keySet())) {
            TimedPredictions p = predictions.getOrDefault(key, new TimedPredictions(new long[0], new int[0]));
            out.add(of(key, p, groundTruths.get(key)));
        }
        return out;
    }

    /**
     * The check of a submission: every session must be covered to at least {@value #MIN_PERCENT}%.
     *
     * @return the coverage of every session, in key order (the caller warns about partial ones)
     * @throws IllegalArgumentException if the sessions differ between the two sides, or naming
     *                                  each session below the minimum, its coverage, both time
     *                                  spans and the likely cause
     */
    public static List<PredictionCoverage> require(Map<String, TimedPredictions> predictions,
            Map<String, SecondLabels> groundTruths) {
        OpenPackScorer.checkKeys(predictions, groundTruths);
        List<PredictionCoverage> all = of(predictions, groundTruths);
        List<String> below = new ArrayList<>();
        for (PredictionCoverage c : all) {
            if (c.percent() < MIN_PERCENT) {
                below.add(c.describe());
            }
        }
        if (!below.isEmpty()) {
            throw new IllegalArgumentException("the predictions do not cover the ground truth (at least " + MIN_PERCENT
                    + "% of each session's seconds is needed; nothing is scored): " + String.join("; ", below));
        }
        return all;
    }

    /** Covered seconds over ground-truth seconds, percent (100 for a session without ground truth). */
    public double percent() {
        return truthSeconds == 0 ? 100.0 : 100.0 * coveredSeconds / truthSeconds;
    }

    /** True when every ground-truth second is covered. */
    public boolean complete() {
        return coveredSeconds == truthSeconds;
    }

    /**
     * One line: session, coverage, both spans (UTC) and the likely cause, e.g.
     * {@code session U0209-S0500: predictions cover 0.0% (0 of 1404 s) of the ground truth; ...}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("session ").append(sessionKey).append(": predictions cover ")
                .append(String.format(Locale.ROOT, "%.1f%%", percent())).append(" (").append(coveredSeconds)
                .append(" of ").append(truthSeconds).append(" s) of the ground truth");
        if (!complete()) {
            sb.append("; ground truth ").append(Instant.ofEpochMilli(truthFirstMs)).append(" .. ")
                    .append(Instant.ofEpochMilli(truthLastMs + 1000)).append(" (unixtime ").append(truthFirstMs)
                    .append(" .. ").append(truthLastMs + 1000).append(" ms)");
            if (predictionFirstMs != 0 || predictionLastMs != 0) {
                sb.append(", predictions ").append(Instant.ofEpochMilli(predictionFirstMs)).append(" .. ")
                        .append(Instant.ofEpochMilli(predictionLastMs)).append(" (unixtime ")
                        .append(predictionFirstMs).append(" .. ").append(predictionLastMs).append(" as given)");
            }
            sb.append("; likely cause: ").append(likelyCause);
        }
        return sb.toString();
    }

    /**
     * Which ground-truth seconds are covered (the rule above, as {@link OneHzResampler} fills),
     * parallel to {@code groundTruth}: a second is covered when the prediction it takes, the last
     * one made before the second ends, was made at most {@value #FILL_LIMIT_MS} ms before the
     * second starts; or, for a second before the first prediction, when that first prediction
     * comes at most {@value #FILL_LIMIT_MS} ms after the second ends. Predictions are in time
     * order, so one pass over both.
     */
    public static boolean[] coveredSeconds(TimedPredictions predictions, SecondLabels groundTruth) {
        boolean[] covered = new boolean[groundTruth.size()];
        int n = predictions.size();
        int next = 0; // first prediction not made before the current second ends
        for (int s = 0; s < covered.length; s++) {
            long start = groundTruth.secondMs(s);
            while (next < n && predictions.timestampMs(next) < start + 1000) {
                next++;
            }
            covered[s] = next > 0 ? predictions.timestampMs(next - 1) >= start - FILL_LIMIT_MS
                    : n > 0 && predictions.timestampMs(0) < start + 1000 + FILL_LIMIT_MS;
        }
        return covered;
    }
}
