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
 * @param baselines       the classical baselines trained per fold, by row name (see
 *                        {@link #BASELINES}); {@code null} (the default) trains every one that
 *                        applies (the context forest only with {@code model.context.seconds > 0});
 *                        an empty list trains none. The forest on all channels is by far the
 *                        slowest task of a full-dataset rehearsal (docs/SCALE.md).
 * @param baselineTrees   trees per random forest (default {@value #DEFAULT_TREES}, 1 to 10000)
 */
public record EvaluationConfig(Integer latencyRuns, Integer warmupRuns, Integer throughputBatch,
        java.util.List<String> baselines, Integer baselineTrees) {

    /** The baselines' row and folder names, in table order (docs/METHOD.md, "Judging a strategy"). */
    public static final java.util.List<String> BASELINES = java.util.List.of("random-forest-student-channels",
            "random-forest-student-channels+context", "random-forest-all-channels");

    /** Default trees per forest. */
    public static final int DEFAULT_TREES = 100;

    /** Efficiency settings with every baseline that applies and {@value #DEFAULT_TREES} trees. */
    public EvaluationConfig(Integer latencyRuns, Integer warmupRuns, Integer throughputBatch) {
        this(latencyRuns, warmupRuns, throughputBatch, null, null);
    }

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
        baselineTrees = baselineTrees == null ? DEFAULT_TREES : baselineTrees;
        ConfigChecks.inRange("evaluation.baselineTrees", baselineTrees, 1, 10_000);
        if (baselines != null) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < baselines.size(); i++) {
                String key = "evaluation.baselines[" + i + "]";
                ConfigChecks.oneOf(key, baselines.get(i), BASELINES);
                if (!seen.add(baselines.get(i))) {
                    throw new IllegalArgumentException(key + ": '" + baselines.get(i) + "' is listed twice");
                }
            }
            baselines = java.util.List.copyOf(baselines);
        }
    }

    /**
     * The baselines to train, in table order.
     *
     * @param contextEnabled whether the student has a context head ({@code model.context.seconds > 0})
     * @throws IllegalArgumentException if the context forest is listed but the student has no context
     */
    public java.util.List<String> baselinesFor(boolean contextEnabled) {
        String context = BASELINES.get(1);
        if (baselines == null) {
            return contextEnabled ? BASELINES : java.util.List.of(BASELINES.get(0), BASELINES.get(2));
        }
        if (!contextEnabled && baselines.contains(context)) {
            throw new IllegalArgumentException("evaluation.baselines: '" + context + "' needs a student with a"
                    + " context head (model.context.seconds > 0); remove it or set model.context.seconds");
        }
        return BASELINES.stream().filter(baselines::contains).toList();
    }

    private static void atLeast(String keyPath, int value, int min, String what) {
        if (value < min) {
            throw new IllegalArgumentException(keyPath + ": must be at least " + min + " (" + what + "; fewer give"
                    + " latencies that depend on which model is measured first), got " + value);
        }
    }
}
