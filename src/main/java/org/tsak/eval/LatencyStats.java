package org.tsak.eval;

import java.util.Arrays;

/**
 * Summary of measured call durations: median, 95th percentile and mean, in microseconds.
 *
 * <p>Percentiles use the nearest-rank definition: with the n durations sorted ascending,
 * the p-th percentile is the value at 1-based rank {@code ceil(p / 100 * n)} (rank at least 1).
 * It is always one of the measured values, never an interpolation; for n = 20 the p95 is the
 * 19th smallest, for n = 10 it is the largest.
 *
 * @param count       number of measured calls
 * @param p50Micros   median duration (nearest rank), microseconds
 * @param p95Micros   95th-percentile duration (nearest rank), microseconds
 * @param meanMicros  arithmetic mean duration, microseconds
 */
public record LatencyStats(int count, double p50Micros, double p95Micros, double meanMicros) {

    /**
     * Summarises durations in nanoseconds.
     *
     * @throws IllegalArgumentException if there are none or one is negative
     */
    public static LatencyStats fromNanos(long[] durationsNs) {
        if (durationsNs.length == 0) {
            throw new IllegalArgumentException("no durations measured; run at least one timed call");
        }
        long[] sorted = durationsNs.clone();
        Arrays.sort(sorted);
        if (sorted[0] < 0) {
            throw new IllegalArgumentException("negative duration " + sorted[0] + " ns; measure with System.nanoTime()");
        }
        double sumNs = 0;
        for (long d : sorted) {
            sumNs += d;
        }
        return new LatencyStats(sorted.length, nearestRank(sorted, 50) / 1e3, nearestRank(sorted, 95) / 1e3,
                sumNs / sorted.length / 1e3);
    }

    /**
     * Nearest-rank percentile of ascending values: the value at 1-based rank
     * {@code max(1, ceil(percent / 100 * n))}.
     *
     * @param percent in (0, 100]
     */
    public static long nearestRank(long[] sortedAscending, double percent) {
        if (sortedAscending.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percent);
        }
        // percent / 100 * n in exact arithmetic where possible: 95 * 20 / 100 = 19, not 19.000000000000004
        double exact = percent * sortedAscending.length / 100.0;
        int rank = (int) Math.ceil(exact - 1e-9);
        return sortedAscending[Math.max(1, rank) - 1];
    }

    /**
     * Throughput implied by the mean: windows per second when each measured call processed
     * {@code windowsPerCall} windows (1 at batch 1, 64 at batch 64).
     */
    public double windowsPerSecond(int windowsPerCall) {
        return windowsPerSecond(windowsPerCall, meanMicros * 1e3);
    }

    /** Windows per second for {@code windows} windows processed in {@code elapsedNs} nanoseconds. */
    public static double windowsPerSecond(long windows, double elapsedNs) {
        if (!(elapsedNs > 0)) {
            throw new IllegalArgumentException("elapsed time must be positive, got " + elapsedNs + " ns");
        }
        return windows * 1e9 / elapsedNs;
    }
}
