package org.tsak.deploy.stream;

import java.util.function.Consumer;

/**
 * Turns per-second predictions into operation segments, online, merging flickers.
 *
 * <p>The rule. Consecutive seconds predicting the same operation form a run. The open segment
 * is the latest run that lasted at least {@code minSegmentSeconds} (or the first run after a
 * start or break). A run of another operation is held as a candidate until it lasts
 * {@code minSegmentSeconds}; then the open segment closes (is emitted) and the candidate becomes
 * the open segment. If the candidate ends earlier (the operation changes again), it is a
 * flicker: its seconds are merged into the open segment, i.e. the short run is taken over by
 * the segment before it. Only at the very start of a stream (or after a break), where there is
 * no earlier segment, a short first run is merged into the segment after it instead. A run's
 * length is measured from its first second's start to its last second's end, so seconds
 * without a prediction inside a run count. With {@code minSegmentSeconds = 0} nothing is merged.
 *
 * <p>Example with the default 2 s: {@code A A A B A A C C C} gives segments A (6 s, the B
 * second merged in) and C (3 s, emitted at the end of the stream).
 *
 * <p>A segment's confidence is the mean confidence of its seconds that predicted its own
 * operation. Memory: two runs, whatever the stream length.
 */
public final class SegmentMerger {

    private final long minSegmentMs;
    private final Consumer<OperationSegment> sink;
    private Run current;
    private Run candidate;

    /**
     * @param minSegmentSeconds flicker threshold in seconds, &gt;= 0
     * @param sink              receives each segment when it closes
     */
    public SegmentMerger(double minSegmentSeconds, Consumer<OperationSegment> sink) {
        if (!(minSegmentSeconds >= 0) || Double.isInfinite(minSegmentSeconds)) {
            throw new IllegalArgumentException("minSegmentSeconds must be finite and >= 0, got " + minSegmentSeconds);
        }
        this.minSegmentMs = Math.round(minSegmentSeconds * 1000);
        this.sink = sink;
    }

    /** Adds the next second (seconds must come in increasing time order). */
    public void accept(SecondPrediction p) {
        if (current == null) {
            current = new Run(p);
            return;
        }
        if (candidate == null) {
            if (p.operationId() == current.operationId) {
                current.extend(p);
            } else {
                candidate = new Run(p);
            }
        } else if (p.operationId() == candidate.operationId) {
            candidate.extend(p);
        } else {
            current.absorb(candidate);
            candidate = null;
            if (p.operationId() == current.operationId) {
                current.extend(p);
            } else {
                candidate = new Run(p);
            }
        }
        if (candidate != null && candidate.lengthMs() >= minSegmentMs) {
            if (current.lengthMs() < minSegmentMs) {
                candidate.startMs = current.startMs; // short first run: merged into the run after it
            } else {
                sink.accept(current.toSegment());
            }
            current = candidate;
            candidate = null;
        }
    }

    /**
     * Closes everything: a pending short candidate is merged into the open segment, which is
     * emitted. Called at the end of a stream and when the stream breaks (a gap restarts the
     * window); the next second starts afresh.
     */
    public void flush() {
        if (current == null) {
            return;
        }
        if (candidate != null) {
            current.absorb(candidate);
            candidate = null;
        }
        sink.accept(current.toSegment());
        current = null;
    }

    /** One run of seconds. */
    private static final class Run {
        final int operationId;
        final String name;
        long startMs;
        long lastSecondMs;
        double confidenceSum;
        int confidenceCount;

        Run(SecondPrediction p) {
            operationId = p.operationId();
            name = p.name();
            startMs = p.secondMs();
            lastSecondMs = p.secondMs();
            confidenceSum = p.confidence();
            confidenceCount = 1;
        }

        void extend(SecondPrediction p) {
            lastSecondMs = p.secondMs();
            confidenceSum += p.confidence();
            confidenceCount++;
        }

        void absorb(Run flicker) {
            lastSecondMs = flicker.lastSecondMs;
        }

        long lengthMs() {
            return lastSecondMs + 1000 - startMs;
        }

        OperationSegment toSegment() {
            return new OperationSegment(startMs, lastSecondMs + 1000, operationId, name,
                    confidenceSum / confidenceCount);
        }
    }
}
