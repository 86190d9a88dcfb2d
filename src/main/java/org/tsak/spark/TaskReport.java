package org.tsak.spark;

import java.io.Serializable;

/**
 * What a Spark task reports to the driver about one task of the plan.
 *
 * @param id            the plan's task id, e.g. {@code fold-0/student/none/seed-1}
 * @param attempt       Spark's attempt number (0 for the first; a retried task reports its last)
 * @param host          the executor's host
 * @param seconds       wall time of the task's work
 * @param peakRssBytes  the executor process's peak resident memory when the task ended (Linux
 *                      {@code VmHWM}; -1 where unknown): an upper bound of what the task needed
 * @param heapUsedBytes JVM heap in use when the task ended
 */
record TaskReport(String id, int attempt, String host, double seconds, long peakRssBytes, long heapUsedBytes)
        implements Serializable {

    /**
     * The task's type: its id without fold and seed, e.g. {@code targets}, {@code baseline},
     * {@code student}, {@code teacher}.
     */
    String type() {
        String[] parts = id.split("/");
        return parts.length > 1 ? parts[1] : id;
    }
}
