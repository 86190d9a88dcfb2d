package org.tsak.deploy.stream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentRuntime;

/**
 * One input carrying several workers' samples, interleaved, each line tagged with a worker id in a
 * header column ({@code timestamp_ms,worker,<channel>,...}): one {@link StreamRecognizer} per worker
 * id, created at the worker's first line, each with its own window ring, context state, held sample,
 * segments, metrics and warning counter, so every worker gets exactly what a
 * {@link StreamSession} of its lines alone would give. Timestamps are checked per worker (workers'
 * clocks need not agree). All recognizers run on one shared {@link StudentRuntime}: a worker costs
 * its ring, its state and a few small arrays ({@link StreamRecognizer#retainedBytes()}), not a copy
 * of the model.
 *
 * <p>Results reach the listener {@code workerListeners} gives for the worker id; warnings of lines
 * without a usable worker id go to the stream's own listener. At the end, workers finish in the
 * order they first appeared. At most {@code maxWorkers} workers: the line of one more worker stops
 * the stream ({@link StreamFormatException}), since memory grows with the number of workers and a
 * wrong worker column (e.g. the timestamp) would otherwise make a worker of every line.
 *
 * <p>Not thread-safe: feed it from one thread.
 */
public final class WorkerStreamSession {

    /** Default bound on the number of workers of one stream. */
    public static final int DEFAULT_MAX_WORKERS = 1024;

    private final StudentArtifact artifact;
    private final StudentRuntime runtime;
    private final StreamSettings settings;
    private final StreamListener listener;
    private final Function<String, StreamListener> workerListeners;
    private final StreamWarnings warnings;
    private final SampleLineParser parser;
    private final String source;
    private final int maxWorkers;
    private final Map<String, StreamRecognizer> workers = new LinkedHashMap<>();
    private StreamRecognizer current;
    private long lineNumber;
    private boolean finished;

    /**
     * @param artifact        the deployed student
     * @param settings        flicker threshold and metrics period (for every worker)
     * @param workerColumn    the header's column holding the worker id
     * @param maxWorkers      at most this many workers, &gt;= 1
     * @param listener        receives the warnings of lines without a worker id, and the end summary
     * @param workerListeners the listener of a worker id (called once per worker)
     * @param source          name of the input for messages, e.g. {@code stdin}
     */
    public WorkerStreamSession(StudentArtifact artifact, StreamSettings settings, String workerColumn, int maxWorkers,
            StreamListener listener, Function<String, StreamListener> workerListeners, String source) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("the bound on workers must be >= 1, got " + maxWorkers
                    + " (default " + DEFAULT_MAX_WORKERS + ")");
        }
        this.artifact = artifact;
        this.runtime = StudentRuntime.of(artifact);
        this.settings = settings;
        this.listener = listener;
        this.workerListeners = workerListeners;
        this.source = source;
        this.maxWorkers = maxWorkers;
        this.warnings = new StreamWarnings(listener::onWarning);
        this.parser = new SampleLineParser(artifact.channelNames(), workerColumn, source, warnings, this::worker);
    }

    /** The worker's warning counter; creates the worker at its first line. */
    private StreamWarnings worker(String id) {
        StreamRecognizer r = workers.get(id);
        if (r == null) {
            if (workers.size() == maxWorkers) {
                throw new StreamFormatException(source, lineNumber, "worker '" + id + "' would be worker "
                        + (maxWorkers + 1) + " of this stream, but at most " + maxWorkers + " are served (tsak stream"
                        + " --max-workers); raise the bound, or check that the worker column holds worker ids");
            }
            StreamListener l = workerListeners.apply(id);
            r = new StreamRecognizer(artifact, runtime, settings, l, new StreamWarnings(l::onWarning));
            workers.put(id, r);
        }
        current = r;
        return r.warnings();
    }

    /**
     * Feeds the next line (line numbers count from 1 across calls).
     *
     * @throws StreamFormatException if the header lacks the worker column or a model channel, the
     *                               first line is no header, or a worker beyond the bound appears
     */
    public void feed(String line) {
        lineNumber++;
        if (parser.parse(line, lineNumber)) {
            current.accept(parser.timestampMs(), parser.values(), lineNumber);
        }
    }

    /**
     * Ends the stream: finishes every worker (see {@link StreamRecognizer#finish()}) in the order
     * they first appeared, then, if lines without a worker id were skipped, a summary warning.
     * Idempotent.
     */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        for (StreamRecognizer r : workers.values()) {
            r.finish();
        }
        if (warnings.total() > 0) {
            listener.onWarning("stream of " + workers.size() + " worker" + (workers.size() == 1 ? "" : "s")
                    + " ended after " + lineNumber + " lines; lines without a worker id skipped: " + warnings.summary());
        }
    }

    /**
     * Feeds every line of {@code lines} and then finishes; as {@link StreamSession#run}, a read
     * failure after samples were used still finishes, a refused stream does not.
     *
     * @return the number of lines read
     */
    public long run(LineSource lines) throws IOException {
        LineDrain.run(lines, this::feed, this::finish, this::samplesAccepted);
        return lineNumber;
    }

    /** Lines fed so far. */
    public long lineCount() {
        return lineNumber;
    }

    /** Samples used so far, all workers. */
    public long samplesAccepted() {
        long n = 0;
        for (StreamRecognizer r : workers.values()) {
            n += r.samplesAccepted();
        }
        return n;
    }

    /** Windows the student has run on, all workers. */
    public long windowsRun() {
        long n = 0;
        for (StreamRecognizer r : workers.values()) {
            n += r.windowsRun();
        }
        return n;
    }

    /** Worker ids in the order they first appeared. */
    public List<String> workerIds() {
        return Collections.unmodifiableList(new ArrayList<>(workers.keySet()));
    }

    /** The engine of a worker, or null if the worker has not appeared. */
    public StreamRecognizer recognizer(String workerId) {
        return workers.get(workerId);
    }

    /** The counter of the warnings of lines without a worker id. */
    public StreamWarnings warnings() {
        return warnings;
    }
}
