package org.tsak.deploy.stream;

/**
 * A stretch of stream time recognised as one operation: consecutive per-second predictions of
 * the same operation, with short flickers merged in (see {@link SegmentMerger}).
 *
 * @param startMs     start of the first second, unixtime ms
 * @param endMs       end (exclusive) of the last second, unixtime ms
 * @param operationId the operation
 * @param name        its name
 * @param confidence  mean softmax confidence of the seconds in the segment that predicted this
 *                    operation (flicker seconds merged in do not count)
 */
public record OperationSegment(long startMs, long endMs, int operationId, String name, double confidence) {

    /** Duration in seconds, {@code (endMs - startMs) / 1000}. */
    public double durationSeconds() {
        return (endMs - startMs) / 1000.0;
    }
}
