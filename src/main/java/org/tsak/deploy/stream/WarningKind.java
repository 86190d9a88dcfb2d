package org.tsak.deploy.stream;

/** Kinds of stream problems, each rate-limited on its own by {@link StreamWarnings}. */
public enum WarningKind {
    /** A sample whose timestamp is not after the previous accepted one; skipped. */
    OUT_OF_ORDER("out-of-order samples"),
    /** A line with fewer fields than needed; skipped. */
    MISSING("lines with missing fields"),
    /** A field that is not a finite number (or a timestamp that is not a whole number); skipped. */
    MALFORMED("malformed lines"),
    /** A jump in time longer than one window: the window restarts. */
    GAP("gaps"),
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
