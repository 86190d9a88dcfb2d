package org.tsak.data.window;

/**
 * One window: a half-open sample range of one recording of a {@link WindowSet}, and its label.
 *
 * @param recording          index of the recording in {@link WindowSet#recordings()}
 * @param startSample        first sample (inclusive)
 * @param endSampleExclusive one past the last sample
 * @param endTimeMs          timestamp of the last sample (unixtime ms)
 * @param operationId        label: ground truth of the second containing {@code endTimeMs},
 *                           or the last sample's per-sample label if that second has none
 * @param classIndex         {@code Operations.indexOf(operationId)}
 */
public record Window(int recording, int startSample, int endSampleExclusive, long endTimeMs,
        int operationId, int classIndex) {

    /** Number of samples in the window. */
    public int sampleCount() {
        return endSampleExclusive - startSample;
    }

    /** True if the sample ranges of this window and {@code other} share a sample. */
    public boolean overlaps(Window other) {
        return recording == other.recording && startSample < other.endSampleExclusive
                && other.startSample < endSampleExclusive;
    }
}
