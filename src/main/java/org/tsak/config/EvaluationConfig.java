package org.tsak.config;

/**
 * Efficiency measurement settings.
 *
 * @param latencyRuns     timed batch-1 forward passes per model after warm-up (default 300, at
 *                        least {@value #MIN_LATENCY_RUNS})
 * @param warmupRuns      untimed warm-up passes per model before it is timed (default 50, at least
 *                        {@value #MIN_WARMUP_RUNS}); and at least a second of them (see
 *                        {@link org.tsak.eval.LatencyMeter})
 * @param throughputBatch batch size of the throughput measurement (default 64)
 */
public record EvaluationConfig(Integer latencyRuns, Integer warmupRuns, Integer throughputBatch) {

    /**
     * Fewest timed runs: with fewer, the median of a model measured while the engine is still
     * warming (the first one of a run) is not comparable with the others' (with 5 runs the
     * teacher + SC once looked 2.35x faster than the teacher alone).
     */
    public static final int MIN_LATENCY_RUNS = 30;

    /** Fewest warm-up runs per model. */
    public static final int MIN_WARMUP_RUNS = 10;

    /** Applies defaults and validates. */
    public EvaluationConfig {
        latencyRuns = latencyRuns == null ? 300 : latencyRuns;
        warmupRuns = warmupRuns == null ? 50 : warmupRuns;
        throughputBatch = throughputBatch == null ? 64 : throughputBatch;
        atLeast("evaluation.latencyRuns", latencyRuns, MIN_LATENCY_RUNS, "timed runs per model");
        atLeast("evaluation.warmupRuns", warmupRuns, MIN_WARMUP_RUNS, "warm-up runs per model");
        ConfigChecks.inRange("evaluation.latencyRuns", latencyRuns, MIN_LATENCY_RUNS, 1e6);
        ConfigChecks.inRange("evaluation.warmupRuns", warmupRuns, MIN_WARMUP_RUNS, 1e6);
        ConfigChecks.positive("evaluation.throughputBatch", throughputBatch);
    }

    private static void atLeast(String keyPath, int value, int min, String what) {
        if (value < min) {
            throw new IllegalArgumentException(keyPath + ": must be at least " + min + " (" + what + "; fewer give"
                    + " latencies that depend on which model is measured first), got " + value);
        }
    }
}
