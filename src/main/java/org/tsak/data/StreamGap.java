package org.tsak.data;

import java.util.Locale;

/**
 * A time span in which one source stream of a recording has no sample of its own, so the
 * recording's values of that stream's channels there are not measurements: interpolated across
 * the gap, or the stream's first or last value held outside its span.
 *
 * <p>The span is the open interval {@code (afterMs, beforeMs)}: {@code afterMs} is the stream's
 * last sample before it ({@link Long#MIN_VALUE} when the stream starts after the recording's
 * clock, its first value held), {@code beforeMs} its first sample after it ({@link Long#MAX_VALUE}
 * when the stream ends before the clock, its last value held). A window whose samples run from
 * {@code t0} to {@code t1} (ms, inclusive) spans the gap when {@code t0 < beforeMs && t1 > afterMs}
 * ({@link #overlaps(long, long)}); the windower drops such windows.
 *
 * <p>Gaps of the recording's own clock (intervals between its timestamps) are not listed in
 * {@link Recording#streamGaps()}: they are visible in the timestamps, and
 * {@link Recording#gaps(double)} adds them.
 *
 * @param stream   the source stream, e.g. {@code atr02}, {@code e4/bvp}, or {@link #CLOCK}
 * @param afterMs  last sample before the gap (unixtime ms), or {@link Long#MIN_VALUE}
 * @param beforeMs first sample after the gap (unixtime ms), or {@link Long#MAX_VALUE}
 */
public record StreamGap(String stream, long afterMs, long beforeMs) {

    /** Stream name of gaps between a recording's own timestamps. */
    public static final String CLOCK = "clock";

    /** Validates: a named stream and {@code afterMs < beforeMs}, not both edges open. */
    public StreamGap {
        if (stream == null || stream.isBlank()) {
            throw new IllegalArgumentException("stream gap without a stream name");
        }
        if (afterMs >= beforeMs) {
            throw new IllegalArgumentException("stream gap of " + stream + ": after " + afterMs
                    + " ms is not before " + beforeMs + " ms");
        }
        if (afterMs == Long.MIN_VALUE && beforeMs == Long.MAX_VALUE) {
            throw new IllegalArgumentException("stream gap of " + stream + " covers all time");
        }
    }

    /** The stream's first value is held before {@code firstSampleMs}. */
    public static StreamGap heldBefore(String stream, long firstSampleMs) {
        return new StreamGap(stream, Long.MIN_VALUE, firstSampleMs);
    }

    /** The stream's last value is held after {@code lastSampleMs}. */
    public static StreamGap heldAfter(String stream, long lastSampleMs) {
        return new StreamGap(stream, lastSampleMs, Long.MAX_VALUE);
    }

    /** True if this is a held edge (before the stream's first or after its last sample). */
    public boolean heldEdge() {
        return afterMs == Long.MIN_VALUE || beforeMs == Long.MAX_VALUE;
    }

    /** Length of an interior gap in ms ({@code beforeMs - afterMs}); -1 for a held edge. */
    public long durationMs() {
        return heldEdge() ? -1 : beforeMs - afterMs;
    }

    /**
     * True if samples from {@code fromMs} to {@code toMs} (inclusive) span the gap: some time of
     * {@code [fromMs, toMs]} lies strictly inside {@code (afterMs, beforeMs)}.
     */
    public boolean overlaps(long fromMs, long toMs) {
        return fromMs < beforeMs && toMs > afterMs;
    }

    /** For example {@code atr02: no sample from 1648531800000 to 1648531810030 ms (10030 ms)}. */
    public String describe() {
        if (afterMs == Long.MIN_VALUE) {
            return stream + ": first sample at " + beforeMs + " ms, first value held before it";
        }
        if (beforeMs == Long.MAX_VALUE) {
            return stream + ": last sample at " + afterMs + " ms, last value held after it";
        }
        return String.format(Locale.ROOT, "%s: no sample from %d to %d ms (%d ms)", stream, afterMs, beforeMs,
                durationMs());
    }
}
