package org.tsak.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.stream.FollowingFileLineSource;
import org.tsak.deploy.stream.JsonLinesListener;
import org.tsak.deploy.stream.LineSource;
import org.tsak.deploy.stream.LoopbackEndpoint;
import org.tsak.deploy.stream.LoopbackServer;
import org.tsak.deploy.stream.ReaderLineSource;
import org.tsak.deploy.stream.StreamFormatException;
import org.tsak.deploy.stream.StreamSession;
import org.tsak.deploy.stream.StreamSettings;
import org.tsak.deploy.stream.WorkerStreamSession;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tsak stream}: live recognition of work operations from a sensor stream with an exported
 * student ({@code .tsak} artifact). Thin: picks the input, runs a
 * {@link org.tsak.deploy.stream.StreamSession}, writes JSON lines.
 *
 * <p>Exit codes: 0 the stream ended normally, 1 failure (unreadable model, input missing, a
 * header lacking the model's channels, I/O error), 2 usage error (also a non-loopback address).
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"Recognise work operations live from a sensor stream with an exported student.",
            "Input lines: timestamp_ms,<channel>,... (unixtime ms, then the model's channels). A first line"
                    + " naming the columns is a header: columns are matched by name, others ignored, so a"
                    + " docs/DATA.md recording file works as it is; without a header the columns are the model's"
                    + " channels in model order. Blank lines and # comments are skipped; bad, missing and"
                    + " out-of-order samples are skipped with a warning on stderr. A clock that jumps forward by"
                    + " more than one window, or back and goes on from there (a device reset, a clock wrap),"
                    + " restarts the window with a warning; recognition goes on in the new time base.",
            "Output (JSON lines): one per second {\"t\",\"operation\",\"name\",\"confidence\"}, one per closed"
                    + " segment {\"segment\":{...}}, and {\"metrics\":{...}} every --metrics-every seconds of"
                    + " stream time and at the end.",
            "Several workers in one input: with --worker-column NAME every line carries a worker id in that"
                    + " header column; each worker is recognised on its own (window, context, segments, metrics,"
                    + " warnings, time order) and every JSON line starts with \"worker\": \"<id>\"."})
final class StreamCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Exported student (.tsak).")
    Path model;

    @Option(names = "--input", defaultValue = "-", paramLabel = "-|PATH|tcp://127.0.0.1:PORT",
            description = "'-' = stdin (default); a file; or tcp://127.0.0.1:PORT to listen on loopback for one"
                    + " client at a time (port 0 = any free port, printed on stderr).")
    String input;

    @Option(names = "--follow", description = "File: keep reading as it grows (tail -f), polling, until interrupted"
            + " or --idle-timeout. TCP: after a client disconnects wait for the next one. Without it the command"
            + " ends at the end of the file or of the first client's connection.")
    boolean follow;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON lines to this file instead of stdout.")
    Path out;

    @Option(names = "--min-segment-seconds", defaultValue = "2", paramLabel = "SECONDS",
            description = "Runs of one operation shorter than this are flickers, merged into the segment before"
                    + " them. 0 = no merging. Default: ${DEFAULT-VALUE}.")
    double minSegmentSeconds;

    @Option(names = "--metrics-every", defaultValue = "60", paramLabel = "SECONDS",
            description = "Report work metrics every this many seconds of stream time (and at the end)."
                    + " Default: ${DEFAULT-VALUE}.")
    double metricsEverySeconds;

    @Option(names = "--worker-column", paramLabel = "NAME",
            description = "The input interleaves several workers' samples; this header column holds the worker id"
                    + " (a header is then required). One recognizer per worker id; every output line carries"
                    + " \"worker\". Default: none, one stream.")
    String workerColumn;

    @Option(names = "--max-workers", paramLabel = "N",
            description = "With --worker-column: at most this many workers; a line of one more stops the stream"
                    + " (exit code 1). Default: " + WorkerStreamSession.DEFAULT_MAX_WORKERS + ".")
    Integer maxWorkers;

    @Option(names = "--poll-ms", defaultValue = "200", paramLabel = "MS",
            description = "With --follow on a file: pause between polls at its end, ms. Default: ${DEFAULT-VALUE}.")
    long pollMillis;

    @Option(names = "--idle-timeout", defaultValue = "0", paramLabel = "SECONDS",
            description = "With --follow on a file: stop after this many seconds without new data; 0 = never."
                    + " Default: ${DEFAULT-VALUE}.")
    double idleTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        StreamSettings settings;
        LoopbackEndpoint endpoint = null;
        try {
            if (!(minSegmentSeconds >= 0) || Double.isInfinite(minSegmentSeconds)) {
                throw new IllegalArgumentException("--min-segment-seconds must be a number of seconds >= 0, got "
                        + minSegmentSeconds);
            }
            if (!(metricsEverySeconds > 0) || Double.isInfinite(metricsEverySeconds)) {
                throw new IllegalArgumentException("--metrics-every must be a number of seconds > 0, got "
                        + metricsEverySeconds);
            }
            settings = new StreamSettings(minSegmentSeconds, metricsEverySeconds);
            if (pollMillis <= 0 || !(idleTimeoutSeconds >= 0)) {
                throw new IllegalArgumentException("--poll-ms must be > 0 and --idle-timeout >= 0, got "
                        + pollMillis + " and " + idleTimeoutSeconds);
            }
            if (workerColumn != null && workerColumn.isBlank()) {
                throw new IllegalArgumentException("--worker-column needs the name of a header column, got '"
                        + workerColumn + "'");
            }
            if (maxWorkers != null && (workerColumn == null || maxWorkers < 1)) {
                throw new IllegalArgumentException(workerColumn == null ? "--max-workers needs --worker-column"
                        : "--max-workers must be >= 1, got " + maxWorkers);
            }
            if (LoopbackEndpoint.isTcp(input)) {
                endpoint = LoopbackEndpoint.parse(input);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        StudentArtifact artifact = StudentArtifact.read(model);
        PrintWriter err = spec.commandLine().getErr();
        try (Writer fileOut = out == null ? null : open(out)) {
            Writer w = fileOut != null ? fileOut : spec.commandLine().getOut();
            JsonLinesListener listener = new JsonLinesListener(w, err);
            if (endpoint != null) {
                return serve(endpoint, artifact, settings, listener, err);
            }
            String source = "-".equals(input) ? "stdin" : input;
            try (LineSource lines = openInput()) {
                run(artifact, settings, listener, source, lines);
            }
        }
        return 0;
    }

    private LineSource openInput() throws IOException {
        if ("-".equals(input)) {
            return ReaderLineSource.utf8(System.in);
        }
        Path file = Path.of(input);
        if (!Files.isRegularFile(file)) {
            throw new IOException("input file " + file.toAbsolutePath() + " does not exist or is not a file;"
                    + " give a file, '-' for stdin or tcp://127.0.0.1:PORT");
        }
        if (follow) {
            return new FollowingFileLineSource(file, pollMillis, Math.round(idleTimeoutSeconds * 1000));
        }
        return new ReaderLineSource(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    private int serve(LoopbackEndpoint endpoint, StudentArtifact artifact, StreamSettings settings,
            JsonLinesListener listener, PrintWriter err) throws IOException {
        try (LoopbackServer server = LoopbackServer.open(endpoint)) {
            String name = server.endpoint().toString();
            err.println("listening on " + name);
            err.flush();
            do {
                try (LineSource client = server.accept()) {
                    err.println("client connected to " + name);
                    err.flush();
                    run(artifact, settings, listener, name, client);
                } catch (StreamFormatException e) {
                    if (!follow) {
                        throw e;
                    }
                    err.println("tsak: error: " + e.getMessage() + " (connection closed; waiting for the next client)");
                    err.flush();
                }
            } while (follow && !Thread.currentThread().isInterrupted());
        }
        return 0;
    }

    /** One stream, or with --worker-column one stream of several workers. */
    private void run(StudentArtifact artifact, StreamSettings settings, JsonLinesListener listener, String source,
            LineSource lines) throws IOException {
        if (workerColumn == null) {
            new StreamSession(artifact, settings, listener, source).run(lines);
        } else {
            new WorkerStreamSession(artifact, settings, workerColumn,
                    maxWorkers == null ? WorkerStreamSession.DEFAULT_MAX_WORKERS : maxWorkers, listener,
                    listener::forWorker, source).run(lines);
        }
    }

    private static Writer open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }
}
