package org.tsak.data;

import java.util.Arrays;

/**
 * Ground truth at 1 Hz: one operation id per whole second (unixtime in ms, a multiple of
 * 1000), ascending. This is what OpenPack scoring compares predictions with, and what a
 * window's label is taken from (the second in which the window ends).
 */
public final class SecondLabels {

    private final long[] secondsMs;
    private final int[] operationIds;

    /**
     * @param secondsMs    ascending second starts in ms (multiples of 1000)
     * @param operationIds operation id per second, parallel to {@code secondsMs}
     */
    public SecondLabels(long[] secondsMs, int[] operationIds) {
        if (secondsMs.length != operationIds.length) {
            throw new IllegalArgumentException("seconds and ids differ in length: "
                    + secondsMs.length + " vs " + operationIds.length);
        }
        for (int i = 0; i < secondsMs.length; i++) {
            if (secondsMs[i] % 1000 != 0) {
                throw new IllegalArgumentException("second " + secondsMs[i] + " ms is not a whole second");
            }
            if (i > 0 && secondsMs[i] <= secondsMs[i - 1]) {
                throw new IllegalArgumentException("seconds not ascending at index " + i);
            }
        }
        this.secondsMs = secondsMs.clone();
        this.operationIds = operationIds.clone();
    }

    /**
     * Derives 1 Hz ground truth from per-sample labels: each second covered by samples gets
     * the label of its first sample (the sample at or just after the second starts).
     */
    public static SecondLabels fromSamples(long[] timestampsMs, int[] sampleIds) {
        long[] sec = new long[timestampsMs.length];
        int[] ids = new int[timestampsMs.length];
        int n = 0;
        for (int i = 0; i < timestampsMs.length; i++) {
            long s = Math.floorDiv(timestampsMs[i], 1000L) * 1000L;
            if (n == 0 || sec[n - 1] != s) {
                sec[n] = s;
                ids[n] = sampleIds[i];
                n++;
            }
        }
        return new SecondLabels(Arrays.copyOf(sec, n), Arrays.copyOf(ids, n));
    }

    /** Number of seconds. */
    public int size() {
        return secondsMs.length;
    }

    /** Second start (ms) at index i. */
    public long secondMs(int i) {
        return secondsMs[i];
    }

    /** Operation id at index i. */
    public int operationId(int i) {
        return operationIds[i];
    }

    /**
     * Operation id of the second containing {@code timeMs}, or -1 if that second has no
     * ground truth.
     */
    public int idAt(long timeMs) {
        long s = Math.floorDiv(timeMs, 1000L) * 1000L;
        int k = Arrays.binarySearch(secondsMs, s);
        return k >= 0 ? operationIds[k] : -1;
    }

    /** A copy of the second starts. */
    public long[] secondsMs() {
        return secondsMs.clone();
    }

    /** A copy of the ids. */
    public int[] operationIds() {
        return operationIds.clone();
    }
}
