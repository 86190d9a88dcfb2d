package org.tsak.train;

/**
 * What one epoch did.
 *
 * @param epoch            1-based epoch
 * @param trainLoss        mean training loss over the epoch's batches
 * @param validationF1     validation macro-F1 (OpenPack rule) after the epoch
 * @param windowsPerSecond training throughput of the epoch
 * @param seconds          wall time of the epoch (training and validation)
 * @param dataShare        share of the training time spent building batches (the data path)
 */
public record EpochRecord(int epoch, double trainLoss, double validationF1, double windowsPerSecond,
        double seconds, double dataShare) {
}
