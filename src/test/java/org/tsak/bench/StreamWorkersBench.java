package org.tsak.bench;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.tsak.config.ConfigLoader;
import org.tsak.config.ModelConfig;
import org.tsak.deploy.ConfigStudents;
import org.tsak.deploy.RandomArtifacts;
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentRuntime;
import org.tsak.deploy.stream.JsonLinesListener;
import org.tsak.deploy.stream.StreamSettings;
import org.tsak.deploy.stream.WorkerStreamSession;

/**
 * {@code ./bench stream}: how many workers one core serves at one prediction per second, through
 * the multi-worker path of {@code tsak stream} ({@link WorkerStreamSession}), on one thread.
 *
 * <p>The subject is the config's student with seeded random weights ({@link ConfigStudents}: 3
 * wrist channels at 30 Hz, 2 s windows, a 1 s stride, so one window per worker per second), with a
 * random context head of the config's {@code model.context} if it has one. The input is N workers'
 * seeded samples (Gaussian around the model's means, printed as {@code Float.toString}), as CSV lines
 * {@code worker,timestamp_ms,x,y,z} interleaved sample by sample, made before timing. A pass feeds
 * every line to a fresh session writing its JSON lines to a null writer, and finishes it: parsing,
 * per-worker lookup, ring, one student call per worker-second, the 1 Hz rule, segments, metrics and
 * JSON formatting. After one warm-up pass the median of the timed passes gives windows/s,
 * µs per worker-second (the pass's time over its windows: one window is one second of one worker's
 * stream; the seconds before a worker's first window are charged to the windows, so the figure errs
 * high) and workers per core ({@code 1e6 / µs per worker-second}). The student's own share is timed
 * apart (the runtime alone on the same kind of windows); the rest is the stream's handling. A timing
 * loop, not JMH: the figure is a throughput over seconds of work.
 *
 * <p>Arguments: {@code [--config FILE] [--seed N] [--workers 1,64,1024] [--worker-seconds S]
 * [--repeats R] [--context on|off]} (defaults {@code configs/demo.yaml}, 1, {@code 1,64,1024},
 * 30720 worker-seconds per pass, 3 timed passes, the config's context head).
 */
public final class StreamWorkersBench {

    private StreamWorkersBench() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of("configs/demo.yaml");
        long seed = 1;
        int[] workerCounts = {1, 64, 1024};
        int workerSeconds = 30720;
        int repeats = 3;
        boolean context = true;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--config" -> config = Path.of(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--workers" -> workerCounts = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--worker-seconds" -> workerSeconds = Integer.parseInt(v);
                case "--repeats" -> repeats = Integer.parseInt(v);
                case "--context" -> context = switch (v) {
                    case "on" -> true;
                    case "off" -> false;
                    default -> throw new IllegalArgumentException("--context on|off, got " + v);
                };
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; valid: --config FILE,"
                        + " --seed N, --workers N,N,..., --worker-seconds S, --repeats R, --context on|off");
            }
        }
        int total = workerSeconds;
        if (repeats < 1 || total < 1 || Arrays.stream(workerCounts).anyMatch(n -> n < 1 || n > total)) {
            throw new IllegalArgumentException("--repeats, --worker-seconds and every worker count must be >= 1,"
                    + " and no worker count above --worker-seconds");
        }
        StudentArtifact artifact = ConfigStudents.of(ConfigStudents.spec(config), seed);
        ModelConfig.Context ctx = ConfigLoader.load(config).model().context();
        String headText = "no context head";
        if (context && ctx.enabled()) {
            int steps = ModelConfig.Context.pastWindows(ctx.seconds(), artifact.strideSamples()
                    / artifact.samplingRateHz()) + 1;
            artifact = RandomArtifacts.withContextHead(artifact, seed + 7, steps, ctx.projection());
            headText = "context head of " + steps + " windows, projection " + ctx.projection();
        }
        double hz = artifact.samplingRateHz();
        if (artifact.strideSamples() != Math.round(hz)) {
            throw new IllegalStateException("the student's stride is " + artifact.strideSamples() + " samples at "
                    + hz + " Hz, not one second");
        }
        System.out.println("tsak stream, several workers in one input, one thread: " + config + " student ("
                + artifact.weights().parameterCount() + " parameters, " + headText + "), " + artifact.windowSamples()
                + "-sample windows at " + hz + " Hz, one window per worker per second; " + workerSeconds
                + " worker-seconds per pass, median of " + repeats + " passes after one warm-up");
        System.out.println("machine: " + MachineInfo.cpu() + "; Java " + System.getProperty("java.version")
                + "; shared machine, figures noisy");
        System.out.printf(Locale.ROOT, "%8s %10s %10s %12s %13s %13s %13s %13s%n", "workers", "lines", "windows",
                "windows/s", "µs/worker-s", "of it model", "of it stream", "workers/core");
        for (int n : workerCounts) {
            int seconds = workerSeconds / n;
            List<String> lines = lines(artifact, n, seconds, seed + n);
            double[] nanos = new double[repeats];
            long windows = 0;
            for (int r = -1; r < repeats; r++) {
                JsonLinesListener json = new JsonLinesListener(Writer.nullWriter(), Writer.nullWriter());
                WorkerStreamSession s = new WorkerStreamSession(artifact, StreamSettings.defaults(), "worker",
                        Math.max(n, WorkerStreamSession.DEFAULT_MAX_WORKERS), json, json::forWorker, "bench");
                long t0 = System.nanoTime();
                for (String line : lines) {
                    s.feed(line);
                }
                s.finish();
                long t = System.nanoTime() - t0;
                if (r >= 0) {
                    nanos[r] = t;
                }
                windows = s.windowsRun();
            }
            Arrays.sort(nanos);
            double median = nanos[repeats / 2];
            double perWorkerSecond = median / 1000.0 / windows;
            double studentMicros = studentMicrosPerWindow(artifact, seed);
            System.out.printf(Locale.ROOT, "%8d %10d %10d %12.0f %13.2f %13.2f %13.2f %13.0f%n", n, lines.size() - 1,
                    windows, windows / (median / 1e9), perWorkerSecond, studentMicros, perWorkerSecond - studentMicros,
                    1e6 / perWorkerSecond);
        }
    }

    /** Header, then {@code n} workers' {@code seconds} s of samples interleaved sample by sample. */
    static List<String> lines(StudentArtifact a, int n, int seconds, long seed) {
        Random r = new Random(seed);
        float[] m = a.channelMeans();
        float[] sd = a.channelStds();
        double hz = a.samplingRateHz();
        long t0 = 1_700_000_000_000L;
        int samples = (int) Math.round(seconds * hz);
        List<String> out = new ArrayList<>(samples * n + 1);
        out.add("worker,timestamp_ms," + String.join(",", a.channelNames()));
        StringBuilder sb = new StringBuilder(96);
        for (int i = 0; i < samples; i++) {
            long t = t0 + Math.round(i * 1000.0 / hz);
            for (int w = 0; w < n; w++) {
                sb.setLength(0);
                sb.append('W').append(w).append(',').append(t);
                for (int c = 0; c < m.length; c++) {
                    sb.append(',').append((float) (m[c] + sd[c] * r.nextGaussian()));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    /**
     * Median µs per window of the runtime alone (as the stream calls it), over 9 timed rounds of 2000
     * windows after 2 untimed ones; called after the stream passes, so the code is compiled.
     */
    static double studentMicrosPerWindow(StudentArtifact a, long seed) {
        StudentRuntime rt = StudentRuntime.of(a);
        Random r = new Random(seed);
        float[][] windows = new float[64][];
        for (int i = 0; i < windows.length; i++) {
            windows[i] = ConfigStudents.windows(a, 1, r.nextLong()).get(0);
        }
        float[] logits = new float[rt.classCount()];
        float[] past = new float[rt.hasContextHead() ? rt.contextHead().stateFloats() : 0];
        float[] projection = new float[rt.hasContextHead() ? rt.contextHead().projectionSize() : 0];
        double[] rounds = new double[11];
        float sink = 0;
        for (int round = 0; round < rounds.length; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 2000; i++) {
                if (rt.hasContextHead()) {
                    rt.logitsWithContext(windows[i & 63], past, logits, projection);
                } else {
                    rt.logits(windows[i & 63], logits);
                }
                sink += logits[0];
            }
            rounds[round] = (System.nanoTime() - t0) / 1000.0 / 2000;
        }
        if (sink == Float.MIN_VALUE) {
            System.out.print("");
        }
        double[] timed = Arrays.copyOfRange(rounds, 2, rounds.length);
        Arrays.sort(timed);
        return timed[timed.length / 2];
    }
}
