package org.tsak.train;

/**
 * Progress from several worker threads: one line at a time, no per-batch bars (they would
 * interleave); epochs and status lines pass through.
 */
final class ConcurrentProgress implements ProgressListener {

    private final ProgressListener target;

    ConcurrentProgress(ProgressListener target) {
        this.target = target;
    }

    @Override
    public void batch(String stage, int epoch, int done, int total, double meanLoss) {
        // dropped: bars of parallel stages would overwrite each other
    }

    @Override
    public synchronized void epoch(String stage, EpochRecord record, boolean improved) {
        target.epoch(stage, record, improved);
    }

    @Override
    public synchronized void status(String message) {
        target.status(message);
    }
}
