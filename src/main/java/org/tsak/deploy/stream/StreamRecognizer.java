package org.tsak.deploy.stream;

import java.util.List;

import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentRuntime;

/**
 * Live recognition engine, independent of I/O: takes timestamped samples of the artifact's
 * channels one at a time and reports per-second predictions, segments and work metrics to a
 * {@link StreamListener}.
 *
 * <p>Windows. The last {@code windowSamples} samples are kept in a {@link SampleRing}. Once it
 * is full the student runs on it, and again every {@code strideSamples} samples: the windows end
 * at samples {@code L-1, L-1+S, L-1+2S, ...} counted from the (re)start, exactly the windows that
 * {@link org.tsak.data.window.Windower} cuts from a recording starting at sample 0. Nothing is
 * resampled: samples are assumed to come at the artifact's rate; if a full window's measured
 * rate differs from it by more than {@value #RATE_TOLERANCE_PERCENT}% a warning is given once.
 *
 * <p>Seconds (the OpenPack 1 Hz rule). A window's prediction belongs to the second
 * {@code floor(end / 1000) * 1000} of its last sample's time; the last window ending in a second
 * is that second's prediction. A second is reported when a sample of a later second arrives
 * (no later window can end in it) or the stream ends. Seconds in which no window ends are not
 * reported.
 *
 * <p>Time going forward too fast. A jump of more than one window duration
 * ({@code windowSamples / rate}) since the previous sample restarts the window: the ring is
 * cleared, the pending second reported, the open segment closed, and the next window is computed
 * once {@code windowSamples} new samples have come (warning {@link WarningKind#GAP}).
 *
 * <p>Time going back (the rule). A sample whose timestamp is not after the previous accepted
 * one is held, and the next sample decides what it was:
 * <ul>
 *   <li>the next sample is after the previous accepted one: the held sample was late or
 *       repeated; it is skipped with a warning ({@link WarningKind#OUT_OF_ORDER});</li>
 *   <li>the next sample is after the held one but not after the previous accepted one: the
 *       device clock jumped back and goes on from there (a reset, an hourly wrap). The jump is
 *       handled like a forward gap: one warning ({@link WarningKind#CLOCK_BACK}) giving the jump,
 *       the window restarts, and the held sample and the next one are the first two samples of
 *       the new time base; recognition goes on, with seconds and segments in the device's new
 *       time (they repeat earlier times), and periodic metrics re-timed to it;</li>
 *   <li>the next sample is not after the held one either: the held sample is skipped (warned
 *       as out of order) and the next one is held in its place;</li>
 *   <li>the stream ends: the held sample is skipped with a warning.</li>
 * </ul>
 * So a backward jump of at least one sample period loses no sample, a late sample costs only
 * itself, and no sample is ever dropped without a warning. Results wait for one sample at most.
 *
 * <p>Temporal context. A student with a context head ({@link org.tsak.deploy.ContextHead})
 * carries its state from window to window, one window per stride. The recognizer keeps that state
 * itself (the {@code S - 1} past projections, a ring) and runs each window with
 * {@link StudentRuntime#logitsWithContext} on it, oldest first, which is to the bit what
 * {@link StudentRuntime#logitsInContext} computes; so one runtime can serve many recognizers
 * (one per worker, {@link WorkerStreamSession}). Before a window, the windows missing
 * since the previous one are pushed as absent:
 * {@code round((end - previous end) / stride duration) - 1} of them, so a gap (a restart after
 * samples stopped coming) leaves the windows before it in the context where they are recent enough
 * and marks the lost seconds absent; a gap of {@code S - 1} strides or more, or a clock that jumped
 * back, empties the state. Over a contiguous recording this is exactly the batch context
 * ({@link org.tsak.data.window.PastWindows}).
 *
 * <p>Memory is bounded: the ring, one held sample, one window buffer, one logits array, the
 * context state, two segment runs and the metrics' per-class numbers. Not thread-safe: feed it,
 * and every recognizer sharing its runtime, from one thread.
 */
public final class StreamRecognizer {

    /** Allowed deviation of the measured from the model's sampling rate, percent. */
    public static final int RATE_TOLERANCE_PERCENT = 10;

    private final StudentArtifact artifact;
    private final StudentRuntime runtime;
    private final StreamListener listener;
    private final StreamWarnings warnings;
    private final SegmentMerger segments;
    private final WorkMetrics metrics;
    private final SampleRing ring;
    private final float[] window;
    private final float[] logits;
    private final float[] heldValues;
    private final int strideSamples;
    private final double windowDurationMs;
    private final long metricsEveryMs;
    private final List<Integer> classIds;
    private final List<String> classNames;

    private final double strideDurationMs;
    /** Context state: {@code S - 1} past projections of {@code H}, a ring whose oldest row is {@link #contextFirst}; empty without a head. */
    private final float[] contextState;
    /** The context state oldest first, as {@link StudentRuntime#logitsWithContext} takes it. */
    private final float[] pastProjections;
    /** The current window's projection. */
    private final float[] projection;
    private int contextFirst;
    private long lastWindowEndMs = Long.MIN_VALUE;
    private long lastTimestampMs = Long.MIN_VALUE;
    private long samplesSinceRestart;
    private long samplesAccepted;
    private long windowsRun;
    private long nextMetricsMs = Long.MIN_VALUE;
    private boolean rateWarned;
    private boolean finished;
    private SecondPrediction pending;
    private boolean holding;
    private long heldTimestampMs;
    private long heldLine;

    /**
     * @param artifact the deployed student (channels, rate, window, stride, classes)
     * @param settings flicker threshold and metrics period
     * @param listener receives the results and the warnings
     */
    public StreamRecognizer(StudentArtifact artifact, StreamSettings settings, StreamListener listener) {
        this(artifact, settings, listener, new StreamWarnings(listener::onWarning));
    }

    /**
     * @param warnings shared warning counter (so that a line parser feeding this engine is
     *                 rate-limited together with it); its messages should reach the listener
     */
    public StreamRecognizer(StudentArtifact artifact, StreamSettings settings, StreamListener listener,
            StreamWarnings warnings) {
        this(artifact, StudentRuntime.of(artifact), settings, listener, warnings);
    }

    /**
     * A recognizer running its windows on a given runtime, which it may share with other
     * recognizers fed from the same thread (the runtime's own context state is not used: each
     * recognizer keeps its own).
     *
     * @param runtime a runtime of {@code artifact}'s student
     * @throws IllegalArgumentException if the runtime's input or output size is not the artifact's
     */
    public StreamRecognizer(StudentArtifact artifact, StudentRuntime runtime, StreamSettings settings,
            StreamListener listener, StreamWarnings warnings) {
        if (runtime.inputChannels() != artifact.inputChannels() || runtime.windowSamples() != artifact.windowSamples()
                || runtime.classCount() != artifact.classIds().size()) {
            throw new IllegalArgumentException("the runtime takes " + runtime.inputChannels() + " x "
                    + runtime.windowSamples() + " windows and gives " + runtime.classCount() + " logits; the artifact "
                    + artifact.inputChannels() + " x " + artifact.windowSamples() + " and " + artifact.classIds().size());
        }
        this.artifact = artifact;
        this.runtime = runtime;
        this.listener = listener;
        this.warnings = warnings;
        this.metrics = new WorkMetrics(artifact.classIds());
        this.segments = new SegmentMerger(settings.minSegmentSeconds(), s -> {
            metrics.add(s);
            listener.onSegment(s);
        });
        this.ring = new SampleRing(artifact.inputChannels(), artifact.windowSamples());
        this.window = new float[runtime.inputLength()];
        this.logits = new float[runtime.classCount()];
        this.heldValues = new float[artifact.inputChannels()];
        this.strideSamples = artifact.strideSamples();
        this.windowDurationMs = artifact.windowSamples() * 1000.0 / artifact.samplingRateHz();
        this.strideDurationMs = artifact.strideSamples() * 1000.0 / artifact.samplingRateHz();
        this.metricsEveryMs = Math.max(1, Math.round(settings.metricsEverySeconds() * 1000));
        this.classIds = artifact.classIds();
        this.classNames = artifact.classNames();
        int stateFloats = runtime.hasContextHead() ? runtime.contextHead().stateFloats() : 0;
        this.contextState = new float[stateFloats];
        this.pastProjections = new float[stateFloats];
        this.projection = new float[runtime.hasContextHead() ? runtime.contextHead().projectionSize() : 0];
    }

    /** The artifact's channel names: what {@link #accept} expects, in this order. */
    public List<String> channelNames() {
        return artifact.channelNames();
    }

    /**
     * Takes one sample.
     *
     * @param timestampMs unixtime ms
     * @param values      one value per artifact channel, in the artifact's order (copied)
     * @param lineNumber  source line, named in warnings (0 if none)
     * @return true if the sample was used; false if it was skipped (a warning was given) or is
     *         held until the next sample tells a late sample from a clock that jumped back
     * @throws IllegalArgumentException if {@code values} has the wrong length
     * @throws IllegalStateException    after {@link #finish()}
     */
    public boolean accept(long timestampMs, float[] values, long lineNumber) {
        if (finished) {
            throw new IllegalStateException("the stream has finished; create a new recognizer for a new stream");
        }
        if (values.length != artifact.inputChannels()) {
            throw new IllegalArgumentException(values.length + " values for " + artifact.inputChannels()
                    + " channels " + artifact.channelNames());
        }
        if (lastTimestampMs != Long.MIN_VALUE && timestampMs <= lastTimestampMs) {
            if (holding && timestampMs > heldTimestampMs) {
                jumpBack();
                use(timestampMs, values, lineNumber);
                return true;
            }
            if (holding) {
                skipHeld();
            }
            hold(timestampMs, values, lineNumber);
            return false;
        }
        if (holding) {
            skipHeld();
        }
        use(timestampMs, values, lineNumber);
        return true;
    }

    private void use(long timestampMs, float[] values, long lineNumber) {
        if (lastTimestampMs != Long.MIN_VALUE && timestampMs - lastTimestampMs > windowDurationMs) {
            warnings.warn(WarningKind.GAP, where(lineNumber) + "gap of " + (timestampMs - lastTimestampMs)
                    + " ms after " + lastTimestampMs + " ms, longer than one window ("
                    + Math.round(windowDurationMs) + " ms); window restarted");
            restart();
        }
        if (nextMetricsMs == Long.MIN_VALUE) {
            nextMetricsMs = timestampMs + metricsEveryMs;
        }
        lastTimestampMs = timestampMs;
        if (pending != null && Math.floorDiv(timestampMs, 1000L) * 1000L > pending.secondMs()) {
            emitPending();
        }
        ring.push(timestampMs, values);
        samplesSinceRestart++;
        samplesAccepted++;
        if (ring.isFull() && (samplesSinceRestart - ring.capacitySamples()) % strideSamples == 0) {
            runWindow(timestampMs);
        }
        if (timestampMs >= nextMetricsMs) {
            listener.onMetrics(timestampMs, metrics, false);
            long behind = (timestampMs - nextMetricsMs) / metricsEveryMs + 1;
            nextMetricsMs += behind * metricsEveryMs;
        }
    }

    private void hold(long timestampMs, float[] values, long lineNumber) {
        holding = true;
        heldTimestampMs = timestampMs;
        heldLine = lineNumber;
        System.arraycopy(values, 0, heldValues, 0, heldValues.length);
    }

    /** The held sample was late or repeated: skipped, with a warning. */
    private void skipHeld() {
        holding = false;
        warnings.warn(WarningKind.OUT_OF_ORDER, where(heldLine) + "timestamp_ms " + heldTimestampMs
                + " is not after the previous sample's " + lastTimestampMs + " ms; sample skipped");
    }

    /** The held sample and the one after it continue from an earlier time: a new time base. */
    private void jumpBack() {
        holding = false;
        warnings.warn(WarningKind.CLOCK_BACK, where(heldLine) + "the clock jumped back by "
                + (lastTimestampMs - heldTimestampMs) + " ms (timestamp_ms " + heldTimestampMs + " after "
                + lastTimestampMs + " ms) and goes on from there, as after a device reset or a clock wrap;"
                + " window restarted in the new time base, recognition goes on");
        restart();
        resetContext();
        lastWindowEndMs = Long.MIN_VALUE;
        nextMetricsMs = Long.MIN_VALUE;
        lastTimestampMs = Long.MIN_VALUE;
        use(heldTimestampMs, heldValues, heldLine);
    }

    /**
     * Ends the stream: skips a held sample (with a warning), reports the pending second, closes
     * the open segment, reports the final metrics and, if any sample was skipped or the stream
     * was flagged, a warning summary. Idempotent.
     */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (holding) {
            skipHeld();
        }
        emitPending();
        segments.flush();
        listener.onMetrics(lastTimestampMs == Long.MIN_VALUE ? 0 : lastTimestampMs, metrics, true);
        if (warnings.total() > 0) {
            listener.onWarning("stream ended after " + samplesAccepted + " samples; skipped or flagged: "
                    + warnings.summary());
        }
    }

    /** The live metrics. */
    public WorkMetrics metrics() {
        return metrics;
    }

    /** The warning counter. */
    public StreamWarnings warnings() {
        return warnings;
    }

    /** Samples used so far. */
    public long samplesAccepted() {
        return samplesAccepted;
    }

    /** Windows the student has run on. */
    public long windowsRun() {
        return windowsRun;
    }

    /** Capacity of the sample ring, samples: always the artifact's window. */
    public int bufferCapacitySamples() {
        return ring.capacitySamples();
    }

    /** Samples in the ring now (less than the window after a start or restart). */
    public int bufferedSamples() {
        return ring.size();
    }

    /**
     * Bytes held in the engine's sample and inference arrays: ring, held sample, window, logits,
     * context state (constant for an artifact; the runtime's own buffers are fixed by the model).
     */
    public long retainedBytes() {
        return ring.retainedBytes() + (long) heldValues.length * Float.BYTES + (long) window.length * Float.BYTES
                + (long) logits.length * Float.BYTES
                + (long) (contextState.length + pastProjections.length + projection.length) * Float.BYTES;
    }

    private void restart() {
        emitPending();
        segments.flush();
        metrics.breakContinuity();
        ring.clear();
        samplesSinceRestart = 0;
    }

    private void runWindow(long endMs) {
        ring.copyWindowTo(window);
        if (runtime.hasContextHead()) {
            advanceContext(endMs);
            int hs = projection.length;
            int rows = runtime.contextHead().pastSteps();
            for (int s = 0; s < rows; s++) {
                System.arraycopy(contextState, ((contextFirst + s) % rows) * hs, pastProjections, s * hs, hs);
            }
            runtime.logitsWithContext(window, pastProjections, logits, projection);
            pushContext(projection);
            lastWindowEndMs = endMs;
        } else {
            runtime.logits(window, logits);
        }
        windowsRun++;
        int best = StudentRuntime.argmax(logits);
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp((double) l - logits[best]);
        }
        double confidence = 1.0 / sum;
        pending = new SecondPrediction(Math.floorDiv(endMs, 1000L) * 1000L, best, classIds.get(best),
                classNames.get(best), confidence, endMs);
        if (!rateWarned) {
            checkRate();
        }
    }

    /** Marks the windows missing since the previous one as absent in the context state. */
    private void advanceContext(long endMs) {
        if (lastWindowEndMs == Long.MIN_VALUE) {
            return;
        }
        long missing = Math.round((endMs - lastWindowEndMs) / strideDurationMs) - 1;
        int past = runtime.contextHead().pastSteps();
        if (missing < 0 || missing >= past) {
            resetContext();
            return;
        }
        for (long i = 0; i < missing; i++) {
            pushAbsent();
        }
    }

    /** Every past window absent, as at the start of a stream. */
    private void resetContext() {
        java.util.Arrays.fill(contextState, 0f);
        contextFirst = 0;
    }

    /** Pushes the window's projection into the context state, dropping the oldest row. */
    private void pushContext(float[] row) {
        int hs = projection.length;
        System.arraycopy(row, 0, contextState, contextFirst * hs, hs);
        contextFirst = (contextFirst + 1) % runtime.contextHead().pastSteps();
    }

    /** Pushes an absent window (zeros) into the context state. */
    private void pushAbsent() {
        int hs = projection.length;
        java.util.Arrays.fill(contextState, contextFirst * hs, contextFirst * hs + hs, 0f);
        contextFirst = (contextFirst + 1) % runtime.contextHead().pastSteps();
    }

    private void checkRate() {
        long spanMs = ring.newestTimestampMs() - ring.oldestTimestampMs();
        if (spanMs <= 0) {
            return;
        }
        double measuredHz = (ring.capacitySamples() - 1) * 1000.0 / spanMs;
        double expected = artifact.samplingRateHz();
        if (Math.abs(measuredHz - expected) > expected * RATE_TOLERANCE_PERCENT / 100.0) {
            rateWarned = true;
            warnings.warn(WarningKind.RATE, String.format(java.util.Locale.ROOT,
                    "samples come at about %.2f Hz (window ending at %d ms) but the model was trained at %.2f Hz;"
                    + " results are unreliable: resample the stream to %.2f Hz (this warning is given once)",
                    measuredHz, ring.newestTimestampMs(), expected, expected));
        }
    }

    private void emitPending() {
        if (pending != null) {
            SecondPrediction p = pending;
            pending = null;
            listener.onSecond(p);
            segments.accept(p);
        }
    }

    private static String where(long lineNumber) {
        return lineNumber > 0 ? "line " + lineNumber + ": " : "";
    }
}
