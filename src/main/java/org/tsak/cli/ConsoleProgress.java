package org.tsak.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.tsak.train.EpochRecord;
import org.tsak.train.ProgressListener;

/**
 * Prints training progress. On a terminal: a progress bar per epoch, redrawn in place, with the
 * running loss; when output is not a terminal (CI logs, files): plain lines only, one per epoch
 * (with {@code --verbose}, every 20th batch too). {@code --quiet} prints nothing.
 */
final class ConsoleProgress implements ProgressListener {

    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean verbose;
    private final boolean quiet;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private boolean barOpen;

    ConsoleProgress(PrintWriter out, boolean verbose, boolean quiet) {
        this(out, verbose, quiet, System.console() != null);
    }

    ConsoleProgress(PrintWriter out, boolean verbose, boolean quiet, boolean terminal) {
        this.out = out;
        this.verbose = verbose;
        this.quiet = quiet;
        this.terminal = terminal;
    }

    @Override
    public void batch(String stage, int epoch, int done, int total, double meanLoss) {
        if (quiet) {
            return;
        }
        if (terminal) {
            int filled = (int) Math.round(BAR_WIDTH * (double) done / Math.max(1, total));
            out.printf(Locale.ROOT, "\r  %-28s epoch %3d [%s%s] %d/%d loss %.4f", stage, epoch, "#".repeat(filled),
                    ".".repeat(BAR_WIDTH - filled), done, total, meanLoss);
            out.flush();
            barOpen = true;
        } else if (verbose && (done == total || done % 20 == 0)) {
            out.printf(Locale.ROOT, "  %s epoch %d: batch %d/%d loss %.4f%n", stage, epoch, done, total, meanLoss);
            out.flush();
        }
    }

    @Override
    public void epoch(String stage, EpochRecord r, boolean improved) {
        if (quiet) {
            return;
        }
        clearBar();
        out.printf(Locale.ROOT, "  %-28s epoch %3d  loss %.4f  val macro-F1 %.4f%s  %,.0f windows/s%n", stage,
                r.epoch(), r.trainLoss(), r.validationF1(), improved ? " *" : "  ", r.windowsPerSecond());
        out.flush();
    }

    @Override
    public void status(String message) {
        if (quiet) {
            return;
        }
        clearBar();
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - started) / 1e9, message);
        out.flush();
    }

    private void clearBar() {
        if (barOpen) {
            out.print("\r" + " ".repeat(100) + "\r");
            barOpen = false;
        }
    }
}
