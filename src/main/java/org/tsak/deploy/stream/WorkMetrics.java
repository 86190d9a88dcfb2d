package org.tsak.deploy.stream;

import java.util.List;

/**
 * Live work metrics from the closed operation segments of a stream. Memory is a few numbers
 * per output class, whatever the stream length (no per-second or per-box history).
 *
 * <ul>
 *   <li>Time per operation: the summed durations of its segments, seconds (flicker seconds
 *       merged into a segment count for the segment's operation, see {@link SegmentMerger}).</li>
 *   <li>Boxes completed (the rule): one box per closed "Put on Back Table" segment (operation
 *       {@value #BOX_DONE_OPERATION_ID}), the last operation of a box cycle on the OpenPack line.
 *       Two such segments count as two boxes only if a segment of another operation separates
 *       them (adjacent seconds of 900 are one segment).</li>
 *   <li>Cycle time: seconds from the end of one box's 900 segment to the end of the next one's;
 *       mean and last. The first box after the start (or after a break of the stream, see
 *       {@link #breakContinuity()}) has no cycle time, since its start was not seen.</li>
 *   <li>Idle share: Null ({@value #IDLE_OPERATION_ID}) seconds over all segment seconds.</li>
 * </ul>
 */
public final class WorkMetrics {

    /** Operation id whose segment completes a box: Put on Back Table. */
    public static final int BOX_DONE_OPERATION_ID = 900;

    /** Operation id counted as idle: Null. */
    public static final int IDLE_OPERATION_ID = 8100;

    private final int[] classIds;
    private final double[] secondsPerClass;
    private double totalSeconds;
    private double idleSeconds;
    private long boxes;
    private long lastBoxEndMs = Long.MIN_VALUE;
    private double cycleSumSeconds;
    private long cycleCount;
    private double lastCycleSeconds = Double.NaN;

    /** @param classIds operation ids of the model's outputs (time is reported per id) */
    public WorkMetrics(List<Integer> classIds) {
        this.classIds = classIds.stream().mapToInt(Integer::intValue).toArray();
        this.secondsPerClass = new double[this.classIds.length];
    }

    /** Adds a closed segment. */
    public void add(OperationSegment s) {
        double d = s.durationSeconds();
        totalSeconds += d;
        for (int i = 0; i < classIds.length; i++) {
            if (classIds[i] == s.operationId()) {
                secondsPerClass[i] += d;
                break;
            }
        }
        if (s.operationId() == IDLE_OPERATION_ID) {
            idleSeconds += d;
        }
        if (s.operationId() == BOX_DONE_OPERATION_ID) {
            boxes++;
            if (lastBoxEndMs != Long.MIN_VALUE) {
                lastCycleSeconds = (s.endMs() - lastBoxEndMs) / 1000.0;
                cycleSumSeconds += lastCycleSeconds;
                cycleCount++;
            }
            lastBoxEndMs = s.endMs();
        }
    }

    /** The stream broke (a gap): the next box's cycle time is not measured across it. */
    public void breakContinuity() {
        lastBoxEndMs = Long.MIN_VALUE;
    }

    /** Operation ids, in the order of {@link #secondsPerOperation()}. */
    public int[] operationIds() {
        return classIds.clone();
    }

    /** Seconds per operation, parallel to {@link #operationIds()} (a copy). */
    public double[] secondsPerOperation() {
        return secondsPerClass.clone();
    }

    /** Seconds of one operation id (0 if it is not an output of the model). */
    public double secondsOf(int operationId) {
        for (int i = 0; i < classIds.length; i++) {
            if (classIds[i] == operationId) {
                return secondsPerClass[i];
            }
        }
        return 0;
    }

    /** Seconds covered by closed segments. */
    public double totalSeconds() {
        return totalSeconds;
    }

    /** Boxes completed. */
    public long boxesCompleted() {
        return boxes;
    }

    /** Number of measured cycle times. */
    public long cycleCount() {
        return cycleCount;
    }

    /** Mean cycle time per box in seconds, NaN before the second box. */
    public double cycleSecondsMean() {
        return cycleCount == 0 ? Double.NaN : cycleSumSeconds / cycleCount;
    }

    /** Latest cycle time in seconds, NaN before the second box. */
    public double cycleSecondsLast() {
        return lastCycleSeconds;
    }

    /** Null seconds over all seconds, 0 before any segment. */
    public double idleShare() {
        return totalSeconds == 0 ? 0 : idleSeconds / totalSeconds;
    }
}
