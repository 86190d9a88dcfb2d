package org.tsak.eval;

import java.util.SplittableRandom;
import java.util.function.BiFunction;

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
 */
public final class LatencyMeter {

    private final int warmupRuns;
    private final int timedRuns;

    /**
     * @param warmupRuns untimed calls first
     * @param timedRuns  timed calls
     */
    public LatencyMeter(int warmupRuns, int timedRuns) {
        this.warmupRuns = warmupRuns;
        this.timedRuns = timedRuns;
    }

    /** The forward pass of one block in inference mode. */
    public static BiFunction<NDManager, NDList, NDList> inference(Block block) {
        return (m, in) -> block.forward(new ParameterStore(m, false), in, false);
    }

    /**
     * Durations of {@code timedRuns} calls in ns.
     *
     * @param forward    the computation to time (inputs -> outputs)
     * @param manager    parent manager; a sub-manager is opened per call
     * @param inputShape one input's shape with batch dimension (e.g. 1 x C x L)
     */
    public long[] measure(BiFunction<NDManager, NDList, NDList> forward, NDManager manager, Shape inputShape) {
        SplittableRandom rnd = new SplittableRandom(1);
        float[] data = new float[(int) inputShape.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) rnd.nextGaussian();
        }
        for (int i = 0; i < warmupRuns; i++) {
            once(forward, manager, inputShape, data);
        }
        long[] nanos = new long[timedRuns];
        for (int i = 0; i < timedRuns; i++) {
            nanos[i] = once(forward, manager, inputShape, data);
        }
        return nanos;
    }

    /**
     * Windows per second at the given batch size (batch dimension of {@code batchShape}),
     * over enough batches to take about a second after warm-up.
     */
    public double throughput(BiFunction<NDManager, NDList, NDList> forward, NDManager manager, Shape batchShape) {
        float[] data = new float[(int) batchShape.size()];
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) rnd.nextGaussian();
        }
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
