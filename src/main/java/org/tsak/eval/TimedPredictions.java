package org.tsak.eval;

import java.util.Arrays;

import org.tsak.data.Operations;

/**
 * The predictions of one session: operation ids (OpenPack ids, Null = 8100) with the unixtime
 * in ms at which each was made. For window predictions the time is the window's end time
 * (stride apart, not necessarily one per second); for a submission it is the second start.
 *
 * <p>Immutable: arrays are copied in and out.
 */
public final class TimedPredictions {

    private final long[] timestampsMs;
    private final int[] operationIds;

    /**
     * @param timestampsMs non-decreasing prediction times in unixtime ms
     * @param operationIds predicted operation id at each time, parallel to {@code timestampsMs}
     * @throws IllegalArgumentException on different lengths, a time going backwards or an id
     *                                  that is not an OpenPack operation id
     */
    public TimedPredictions(long[] timestampsMs, int[] operationIds) {
        if (timestampsMs.length != operationIds.length) {
            throw new IllegalArgumentException("timestamps and operation ids differ in length: "
                    + timestampsMs.length + " vs " + operationIds.length);
        }
        for (int i = 0; i < timestampsMs.length; i++) {
            if (i > 0 && timestampsMs[i] < timestampsMs[i - 1]) {
                throw new IllegalArgumentException("prediction times go backwards at index " + i + ": "
                        + timestampsMs[i] + " ms after " + timestampsMs[i - 1] + " ms; sort predictions by time");
            }
            if (!Operations.isKnownId(operationIds[i])) {
                throw new IllegalArgumentException("prediction at index " + i + " has operation id "
                        + operationIds[i] + "; valid ids are " + Operations.OPERATION_IDS + " and "
                        + Operations.NULL_ID + " (Null)");
            }
        }
        this.timestampsMs = timestampsMs.clone();
        this.operationIds = operationIds.clone();
    }

    /** Predictions from class indices (see {@link Operations#idOf(int)}). */
    public static TimedPredictions fromClassIndices(long[] timestampsMs, int[] classIndices) {
        int[] ids = new int[classIndices.length];
        for (int i = 0; i < ids.length; i++) {
            if (classIndices[i] < 0 || classIndices[i] >= Operations.CLASS_COUNT) {
                throw new IllegalArgumentException("class index " + classIndices[i] + " at index " + i
                        + " is outside [0, " + Operations.CLASS_COUNT + ")");
            }
            ids[i] = Operations.idOf(classIndices[i]);
        }
        return new TimedPredictions(timestampsMs, ids);
    }

    /** Number of predictions. */
    public int size() {
        return timestampsMs.length;
    }

    /** Time (unixtime ms) of prediction i. */
    public long timestampMs(int i) {
        return timestampsMs[i];
    }

    /** Operation id of prediction i. */
    public int operationId(int i) {
        return operationIds[i];
    }

    /** A copy of the times. */
    public long[] timestampsMs() {
        return timestampsMs.clone();
    }

    /** A copy of the operation ids. */
    public int[] operationIds() {
        return operationIds.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimedPredictions other && Arrays.equals(timestampsMs, other.timestampsMs)
                && Arrays.equals(operationIds, other.operationIds);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(timestampsMs) + Arrays.hashCode(operationIds);
    }

    @Override
    public String toString() {
        return "TimedPredictions[" + size() + " predictions"
                + (size() == 0 ? "" : ", " + timestampsMs[0] + ".." + timestampsMs[size() - 1] + " ms") + "]";
    }
}
