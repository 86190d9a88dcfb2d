package org.tsak.train;

import org.tsak.eval.LatencyStats;

/** Cost of the three models, filled in as they are measured during a run. */
final class Efficiency {

    /** Latency at batch 1 and throughput at the throughput batch. */
    record Measured(LatencyStats latency, double throughputPerSecond) {
    }

    Measured teacher;
    Measured sc;
    Measured student;
    long teacherParams;
    long teacherFlops;
    long scParams;
    long scFlops;
    long studentParams;
    long studentFlops;
    /** Per width of a size sweep other than 1: {latency and throughput}, params, FLOPs. */
    final java.util.Map<Double, Measured> studentByWidth = new java.util.HashMap<>();
    final java.util.Map<Double, long[]> studentCostByWidth = new java.util.HashMap<>();
}
