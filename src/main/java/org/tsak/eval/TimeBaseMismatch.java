package org.tsak.eval;

import java.time.Instant;

/**
 * The likely reason why a session's predictions do not cover its ground truth in time, judged
 * from the first and last times of both. In this order:
 * <ol>
 *   <li>unixtime in seconds instead of ms: the predictions' first time is 500 to 2000 times
 *       smaller than the ground truth's (about 1000x);</li>
 *   <li>unixtime in microseconds: 500 to 2000 times larger;</li>
 *   <li>a time-zone offset: the first or the last times differ by a whole number of quarter
 *       hours, at least 15 min and at most 14 h, to within {@value #ZONE_TOLERANCE_MS} ms
 *       (window predictions end a window after the second they describe);</li>
 *   <li>another shift: the first and the last times differ by the same amount, more than
 *       {@value PredictionCoverage#FILL_LIMIT_MS} ms, to within as much;</li>
 *   <li>otherwise the predictions start late, end early, or have a gap: the largest of these
 *       is named.</li>
 * </ol>
 */
final class TimeBaseMismatch {

    /** Tolerance of the whole-quarter-hour test, ms. */
    static final long ZONE_TOLERANCE_MS = 60_000;

    private static final long QUARTER_HOUR_MS = 15 * 60_000L;
    private static final long MAX_ZONE_MS = 14 * 3_600_000L;

    private TimeBaseMismatch() {
    }

    /**
     * @param predictionFirstMs first prediction time
     * @param predictionLastMs  last prediction time
     * @param truthFirstMs      first ground-truth second
     * @param truthLastMs       last ground-truth second (its start)
     * @param longestGapMs      longest time between consecutive predictions
     * @param gapStartMs        time of the prediction before that gap
     * @return one clause, e.g. {@code unixtime in seconds instead of milliseconds (...)}
     */
    static String likelyCause(long predictionFirstMs, long predictionLastMs, long truthFirstMs, long truthLastMs,
            long longestGapMs, long gapStartMs) {
        if (ratioNear1000(truthFirstMs, predictionFirstMs)) {
            return "unixtime in seconds instead of milliseconds (the predictions' times are about 1000x smaller"
                    + " than the ground truth's); write unixtime in ms, as OpenPack does";
        }
        if (ratioNear1000(predictionFirstMs, truthFirstMs)) {
            return "unixtime in microseconds instead of milliseconds (the predictions' times are about 1000x"
                    + " larger than the ground truth's); write unixtime in ms, as OpenPack does";
        }
        long startShift = predictionFirstMs - truthFirstMs;
        long endShift = predictionLastMs - truthLastMs;
        for (long shift : new long[] {startShift, endShift}) {
            long quarters = Math.round((double) shift / QUARTER_HOUR_MS);
            if (quarters != 0 && Math.abs(shift) <= MAX_ZONE_MS + ZONE_TOLERANCE_MS
                    && Math.abs(shift - quarters * QUARTER_HOUR_MS) <= ZONE_TOLERANCE_MS) {
                return "a time-zone offset: the predictions are shifted by " + hours(quarters * QUARTER_HOUR_MS)
                        + " against the ground truth; OpenPack unixtime is UTC, so convert local times to UTC";
            }
        }
        if (Math.abs(startShift - endShift) <= PredictionCoverage.FILL_LIMIT_MS
                && Math.abs(startShift) > PredictionCoverage.FILL_LIMIT_MS) {
            return "the predictions are shifted by " + signedSeconds(startShift) + " against the ground truth"
                    + " (same shift at the start and at the end); check the clock or the offset applied to them";
        }
        long lateStart = Math.max(0, predictionFirstMs - truthFirstMs);
        long earlyEnd = Math.max(0, truthLastMs - predictionLastMs);
        if (lateStart >= earlyEnd && lateStart >= longestGapMs) {
            return "the predictions start " + seconds(lateStart) + " after the ground truth, at "
                    + Instant.ofEpochMilli(predictionFirstMs);
        }
        if (earlyEnd >= longestGapMs) {
            return "the predictions end " + seconds(earlyEnd) + " before the ground truth, at "
                    + Instant.ofEpochMilli(predictionLastMs);
        }
        return "the predictions have a gap of " + seconds(longestGapMs) + " after " + Instant.ofEpochMilli(gapStartMs);
    }

    private static boolean ratioNear1000(long larger, long smaller) {
        if (smaller <= 0 || larger <= 0) {
            return false;
        }
        double ratio = (double) larger / smaller;
        return ratio >= 500 && ratio <= 2000;
    }

    private static String hours(long ms) {
        long minutes = Math.abs(ms) / 60_000;
        String sign = ms < 0 ? "-" : "+";
        return sign + (minutes / 60) + " h" + (minutes % 60 == 0 ? "" : " " + (minutes % 60) + " min");
    }

    private static String signedSeconds(long ms) {
        return (ms < 0 ? "-" : "+") + seconds(Math.abs(ms));
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
