package org.tsak.train;

/** Receives progress of training stages (printed as bars or plain lines by the CLI). */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** A batch finished: {@code done} of {@code total} batches in this epoch. */
    default void batch(String stage, int epoch, int done, int total, double meanLoss) {
    }

    /** An epoch finished. */
    default void epoch(String stage, EpochRecord record, boolean improved) {
    }

    /** A free-form status line (stage started, cache built, ...). */
    default void status(String message) {
    }
}
