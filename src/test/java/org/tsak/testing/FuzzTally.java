package org.tsak.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the cases of a reader fuzz test by outcome and prints a one-line summary such as
 * {@code fuzz: CsvRecordingReader 2000 cases (1712 errors, 288 valid of which 40 repaired)}.
 */
public final class FuzzTally {

    private final String reader;
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger valid = new AtomicInteger();
    private final AtomicInteger repaired = new AtomicInteger();

    /** A tally for the reader named {@code reader}. */
    public FuzzTally(String reader) {
        this.reader = reader;
    }

    /** Counts a case that ended in a clear error. */
    public void error() {
        errors.incrementAndGet();
    }

    /** Counts a case that read valid data; {@code repaired} if the reader noted a repair or flaw. */
    public void valid(boolean repairedOrNoted) {
        valid.incrementAndGet();
        if (repairedOrNoted) {
            repaired.incrementAndGet();
        }
    }

    /** Cases counted so far. */
    public int cases() {
        return errors.get() + valid.get();
    }

    /** The summary line. */
    public String summary() {
        return "fuzz: " + reader + " " + cases() + " cases (" + errors.get() + " errors, " + valid.get()
                + " valid of which " + repaired.get() + " repaired/noted)";
    }

    /** Prints the summary to standard output. */
    public void print() {
        System.out.println(summary());
    }
}
