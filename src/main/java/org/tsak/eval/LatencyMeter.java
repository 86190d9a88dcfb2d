package org.tsak.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import org.tsak.config.EvaluationConfig;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * Measures a model's inference latency at batch 1 (each call's wall time, after warm-up, the
 * result read back to Java so nothing is left lazily unevaluated) and its throughput at a
 * larger batch. Inputs are random windows of the model's input shape; the engine's thread
 * count is whatever {@code -Dai.djl.pytorch.num_threads} pinned.
 *
 * <p>Warm-up, the same for every model: at least {@code warmupRuns} untimed calls and at least
 * {@value #WARMUP_MILLIS} ms of them; the first model measured in a JVM first warms the engine
 * for another {@value #ENGINE_WARMUP_MILLIS} ms. Measured on the project machine in a fresh JVM, the demo's
 * teacher takes about 300 calls (0.3 s) to fall from 10 ms to its steady 0.75 ms per call while
 * the JIT compiles DJL's Java side; a warm-up counted in calls alone left the first model of a
 * run timed while still warming, which made the teacher + semantic classifier once look 2.35x
 * faster than the teacher alone. {@link #measureInTurns} goes further: it warms every model
 * first, then times them in turns, so what drift remains falls on all of them alike.
 *
 * <p>At least {@value EvaluationConfig#MIN_WARMUP_RUNS} warm-up and
 * {@value EvaluationConfig#MIN_LATENCY_RUNS} timed runs ({@link EvaluationConfig}).
 */
public final class LatencyMeter {

    /** Shortest warm-up per model, ms of untimed calls (besides {@code warmupRuns} calls). */
    public static final long WARMUP_MILLIS = 1_000;

    /**
     * Extra warm-up of the first model measured in a JVM, ms: the engine's own warm-up (the JIT
     * compiling DJL's Java side), which every later model would otherwise inherit for free.
     */
    public static final long ENGINE_WARMUP_MILLIS = 3_000;

    private static final java.util.concurrent.atomic.AtomicBoolean ENGINE_WARM =
            new java.util.concurrent.atomic.AtomicBoolean();

    private final int warmupRuns;
    private final int timedRuns;

    /** A model to time: its name, its forward pass, the manager to run it in and its batch-1 input shape. */
    public record Subject(String name, BiFunction<NDManager, NDList, NDList> forward, NDManager manager,
            Shape inputShape) {
    }

    /**
     * The calls of one model.
     *
     * @param name        the subject's name
     * @param warmupCalls untimed calls made before timing (at least {@code warmupRuns})
     * @param nanos       the timed calls' durations, ns, in call order
     */
    public record Timings(String name, int warmupCalls, long[] nanos) {
        /** The summary of {@link #nanos}. */
        public LatencyStats stats() {
            return LatencyStats.fromNanos(nanos);
        }
    }

    /**
     * @param warmupRuns untimed calls first, at least {@value EvaluationConfig#MIN_WARMUP_RUNS}
     * @param timedRuns  timed calls, at least {@value EvaluationConfig#MIN_LATENCY_RUNS}
     * @throws IllegalArgumentException below either minimum
     */
    public LatencyMeter(int warmupRuns, int timedRuns) {
        if (warmupRuns < EvaluationConfig.MIN_WARMUP_RUNS || timedRuns < EvaluationConfig.MIN_LATENCY_RUNS) {
            throw new IllegalArgumentException("latency needs at least " + EvaluationConfig.MIN_WARMUP_RUNS
                    + " warm-up and " + EvaluationConfig.MIN_LATENCY_RUNS + " timed runs per model"
                    + " (evaluation.warmupRuns, evaluation.latencyRuns), got " + warmupRuns + " and " + timedRuns);
        }
        this.warmupRuns = warmupRuns;
        this.timedRuns = timedRuns;
    }

    /** The forward pass of one block in inference mode. */
    public static BiFunction<NDManager, NDList, NDList> inference(Block block) {
        return (m, in) -> block.forward(new ParameterStore(m, false), in, false);
    }

    /**
     * Durations of {@code timedRuns} calls in ns, after the warm-up described above (so at
     * least {@value #WARMUP_MILLIS} ms per call).
     *
     * @param forward    the computation to time (inputs -> outputs)
     * @param manager    parent manager; a sub-manager is opened per call
     * @param inputShape one input's shape with batch dimension (e.g. 1 x C x L)
     */
    public long[] measure(BiFunction<NDManager, NDList, NDList> forward, NDManager manager, Shape inputShape) {
        float[] data = input(inputShape, 1);
        warmUp(forward, manager, inputShape, data);
        long[] nanos = new long[timedRuns];
        for (int i = 0; i < timedRuns; i++) {
            nanos[i] = once(forward, manager, inputShape, data);
        }
        return nanos;
    }

    /**
     * Warms every subject by the same rule (in the given order), then times them in turns: call
     * {@code i} of every subject before call {@code i + 1} of any, so a drift of the machine's
     * speed or a burst of background load falls on all of them alike.
     *
     * @return one {@link Timings} per subject, in the given order
     */
    public List<Timings> measureInTurns(List<Subject> subjects) {
        int n = subjects.size();
        float[][] data = new float[n][];
        int[] warmups = new int[n];
        for (int s = 0; s < n; s++) {
            Subject sub = subjects.get(s);
            data[s] = input(sub.inputShape(), 1);
            warmups[s] = warmUp(sub.forward(), sub.manager(), sub.inputShape(), data[s]);
        }
        long[][] nanos = new long[n][timedRuns];
        for (int i = 0; i < timedRuns; i++) {
            for (int s = 0; s < n; s++) {
                Subject sub = subjects.get(s);
                nanos[s][i] = once(sub.forward(), sub.manager(), sub.inputShape(), data[s]);
            }
        }
        List<Timings> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            out.add(new Timings(subjects.get(s).name(), warmups[s], nanos[s]));
        }
        return out;
    }

    /**
     * Windows per second at the given batch size (batch dimension of {@code batchShape}),
     * over enough batches to take about a second after warm-up.
     */
    public double throughput(BiFunction<NDManager, NDList, NDList> forward, NDManager manager, Shape batchShape) {
        float[] data = input(batchShape, 2);
        for (int i = 0; i < Math.max(3, warmupRuns / 10); i++) {
            once(forward, manager, batchShape, data);
        }
        long total = 0;
        int calls = 0;
        while (calls < 5 || (total < 1_000_000_000L && calls < 2000)) {
            total += once(forward, manager, batchShape, data);
            calls++;
        }
        return calls * batchShape.get(0) / (total / 1e9);
    }

    /** The warm-up rule; returns the number of calls made. */
    private int warmUp(BiFunction<NDManager, NDList, NDList> forward, NDManager manager, Shape shape, float[] data) {
        long spent = 0;
        int calls = 0;
        long budgetMillis = WARMUP_MILLIS + (ENGINE_WARM.getAndSet(true) ? 0 : ENGINE_WARMUP_MILLIS);
        while (calls < warmupRuns || spent < budgetMillis * 1_000_000L) {
            spent += once(forward, manager, shape, data);
            calls++;
        }
        return calls;
    }

    private static float[] input(Shape shape, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] data = new float[(int) shape.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) rnd.nextGaussian();
        }
        return data;
    }

    private static long once(BiFunction<NDManager, NDList, NDList> forward, NDManager manager, Shape shape,
            float[] data) {
        try (NDManager sub = manager.newSubManager()) {
            long t0 = System.nanoTime();
            NDList in = new NDList(sub.create(data, shape));
            NDList out = forward.apply(sub, in);
            out.get(0).toFloatArray();
            return System.nanoTime() - t0;
        }
    }
}
