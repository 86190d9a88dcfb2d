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
}
