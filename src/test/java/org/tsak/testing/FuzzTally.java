package org.tsak.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the cases of a reader fuzz test by outcome and prints a one-line summary such as
 * {@code fuzz: CsvRecordingReader 2000 cases (1712 errors, 288 valid, 40 of them with a repair or flaw noted)}.
 */
public final class FuzzTally {

    private final String reader;
    private final String flaggedMeans;
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger valid = new AtomicInteger();
    private final AtomicInteger repaired = new AtomicInteger();

    /**
     * A tally for the reader named {@code reader}; {@code flaggedMeans} says what a flagged
     * valid case is for it (e.g. {@code "with a repair or flaw noted"}).
     */
    public FuzzTally(String reader, String flaggedMeans) {
        this.reader = reader;
        this.flaggedMeans = flaggedMeans;
    }

    /** Counts a case that ended in a clear error. */
    public void error() {
        errors.incrementAndGet();
    }

    /** Counts a case that read valid data, {@code flagged} as the constructor explains. */
    public void valid(boolean flagged) {
        valid.incrementAndGet();
        if (flagged) {
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
                + " valid, " + repaired.get() + " of them " + flaggedMeans + ")";
    }

    /** Prints the summary to standard output. */
    public void print() {
        System.out.println(summary());
    }
}
