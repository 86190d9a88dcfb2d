package org.tsak.report;

/**
 * One epoch of a stage's training history, as metrics.json records it.
 *
 * @param epoch            1-based epoch number
 * @param trainLoss        mean training loss of the epoch
 * @param validationF1     validation macro-F1 after the epoch
 * @param windowsPerSecond training throughput, windows per second
 * @param seconds          wall-clock seconds the epoch took
 */
public record EpochPoint(int epoch, double trainLoss, double validationF1, double windowsPerSecond,
        double seconds) {
}
