package org.tsak.deploy.stream;

/**
 * Tunables of live recognition.
 *
 * @param minSegmentSeconds   runs of one operation shorter than this are flickers and are merged
 *                            into a neighbour (see {@link SegmentMerger}); seconds, &gt;= 0, default 2
 * @param metricsEverySeconds work metrics are reported every this many seconds of stream time;
 *                            &gt; 0, default 60
 */
public record StreamSettings(double minSegmentSeconds, double metricsEverySeconds) {

    /** Default flicker threshold, seconds. */
    public static final double DEFAULT_MIN_SEGMENT_SECONDS = 2.0;

    /** Default metrics period, seconds of stream time. */
    public static final double DEFAULT_METRICS_EVERY_SECONDS = 60.0;

    /** Validates. */
    public StreamSettings {
        if (!(minSegmentSeconds >= 0) || Double.isInfinite(minSegmentSeconds)) {
            throw new IllegalArgumentException("minSegmentSeconds must be a finite number >= 0, got "
                    + minSegmentSeconds + " (default " + DEFAULT_MIN_SEGMENT_SECONDS + "; 0 disables merging)");
        }
        if (!(metricsEverySeconds > 0) || Double.isInfinite(metricsEverySeconds)) {
            throw new IllegalArgumentException("metricsEverySeconds must be a finite number > 0, got "
                    + metricsEverySeconds + " (default " + DEFAULT_METRICS_EVERY_SECONDS + ")");
        }
    }

    /** The defaults: 2 s flicker threshold, metrics every 60 s. */
    public static StreamSettings defaults() {
        return new StreamSettings(DEFAULT_MIN_SEGMENT_SECONDS, DEFAULT_METRICS_EVERY_SECONDS);
    }
}
