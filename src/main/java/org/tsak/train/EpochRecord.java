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
 * @param forwardShare     share spent in the forward pass and loss
 * @param backwardShare    share spent in back-propagation
 * @param stepShare        share spent in the optimiser step
 * @param learningRate     the learning rate of the epoch's last optimiser step (NaN if not recorded)
 */
public record EpochRecord(int epoch, double trainLoss, double validationF1, double windowsPerSecond,
        double seconds, double dataShare, double forwardShare, double backwardShare, double stepShare,
        double learningRate) {

    /** A record without the learning rate (NaN). */
    public EpochRecord(int epoch, double trainLoss, double validationF1, double windowsPerSecond, double seconds,
            double dataShare, double forwardShare, double backwardShare, double stepShare) {
        this(epoch, trainLoss, validationF1, windowsPerSecond, seconds, dataShare, forwardShare, backwardShare,
                stepShare, Double.NaN);
    }

    /** A record without the time breakdown (shares 0) and the learning rate (NaN). */
    public EpochRecord(int epoch, double trainLoss, double validationF1, double windowsPerSecond, double seconds,
            double dataShare) {
        this(epoch, trainLoss, validationF1, windowsPerSecond, seconds, dataShare, 0, 0, 0);
    }
}
