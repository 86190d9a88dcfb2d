package org.tsak.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.tsak.train.EpochRecord;
import org.tsak.train.ProgressListener;

/**
 * Prints training progress: a line per epoch with loss, validation F1 and throughput; with
 * {@code --verbose}, batch progress too. {@code --quiet} prints nothing.
 */
final class ConsoleProgress implements ProgressListener {

    private final PrintWriter out;
    private final boolean verbose;
    private final boolean quiet;
    private final long started = System.nanoTime();

    ConsoleProgress(PrintWriter out, boolean verbose, boolean quiet) {
        this.out = out;
        this.verbose = verbose;
        this.quiet = quiet;
    }

    @Override
    public void batch(String stage, int epoch, int done, int total, double meanLoss) {
        if (verbose && !quiet && (done == total || done % 20 == 0)) {
            out.printf(Locale.ROOT, "  %s epoch %d: batch %d/%d loss %.4f%n", stage, epoch, done, total, meanLoss);
            out.flush();
        }
    }

    @Override
    public void epoch(String stage, EpochRecord r, boolean improved) {
        if (!quiet) {
            out.printf(Locale.ROOT, "  %-28s epoch %3d  loss %.4f  val macro-F1 %.4f%s  %,.0f windows/s%n", stage,
                    r.epoch(), r.trainLoss(), r.validationF1(), improved ? " *" : "  ", r.windowsPerSecond());
            out.flush();
        }
    }

    @Override
    public void status(String message) {
        if (!quiet) {
            out.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - started) / 1e9, message);
            out.flush();
        }
    }
}
