package org.tsak.deploy.stream;

/** Kinds of stream problems, each rate-limited on its own by {@link StreamWarnings}. */
public enum WarningKind {
    /**
     * A sample whose timestamp is not after the previous accepted one while the next sample is
     * (a late or repeated sample); skipped.
     */
    OUT_OF_ORDER("out-of-order samples"),
    /** A line with fewer fields than needed; skipped. */
    MISSING("lines with missing fields"),
    /** A field that is not a finite number (or a timestamp that is not a whole number); skipped. */
    MALFORMED("malformed lines"),
    /** A jump in time longer than one window: the window restarts. */
    GAP("gaps"),
    /**
     * The clock went back and went on from there (a device reset, a clock wrap): the window
     * restarts in the new time base.
     */
    CLOCK_BACK("backward clock jumps"),
    /** The measured sampling rate differs from the model's (warned once). */
    RATE("rate mismatches");

    private final String plural;

    WarningKind(String plural) {
        this.plural = plural;
    }

    /** Plural description used in summaries, e.g. {@code malformed lines}. */
    public String plural() {
        return plural;
    }
}
