package org.tsak.config;

/**
 * Efficiency measurement settings.
 *
 * @param latencyRuns     timed batch-1 forward passes per model after warm-up (default 300)
 * @param warmupRuns      untimed warm-up passes (default 50)
 * @param throughputBatch batch size of the throughput measurement (default 64)
 */
public record EvaluationConfig(Integer latencyRuns, Integer warmupRuns, Integer throughputBatch) {

    /** Applies defaults and validates. */
    public EvaluationConfig {
        latencyRuns = latencyRuns == null ? 300 : latencyRuns;
        warmupRuns = warmupRuns == null ? 50 : warmupRuns;
        throughputBatch = throughputBatch == null ? 64 : throughputBatch;
        ConfigChecks.positive("evaluation.latencyRuns", latencyRuns);
        ConfigChecks.inRange("evaluation.warmupRuns", warmupRuns, 0, 1e6);
        ConfigChecks.positive("evaluation.throughputBatch", throughputBatch);
    }
}
