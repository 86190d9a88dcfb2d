package org.tsak.deploy.stream;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts stream problems per {@link WarningKind} and passes a bounded number of messages on:
 * the first {@link #SHOWN_IN_FULL} of each kind in full, after that one message per
 * {@link #SUMMARY_EVERY} further occurrences, saying how many were suppressed and quoting the
 * latest one. {@link #summary()} gives the totals at the end of a stream.
 */
public final class StreamWarnings {

    /** Messages of each kind passed on in full before rate limiting starts. */
    public static final int SHOWN_IN_FULL = 5;

    /** After the first ones, one message per this many occurrences of a kind. */
    public static final int SUMMARY_EVERY = 1000;

    private final Consumer<String> sink;
    private final Map<WarningKind, Long> counts = new EnumMap<>(WarningKind.class);

    /** @param sink receives the messages that pass the limit */
    public StreamWarnings(Consumer<String> sink) {
        this.sink = sink;
    }

    /** Records one occurrence; passes the message on if the limit allows. */
    public void warn(WarningKind kind, String message) {
        long n = counts.merge(kind, 1L, Long::sum);
        if (n <= SHOWN_IN_FULL) {
            sink.accept(message + (n == SHOWN_IN_FULL ? " (further " + kind.plural()
                    + " are reported once per " + SUMMARY_EVERY + ")" : ""));
        } else if ((n - SHOWN_IN_FULL) % SUMMARY_EVERY == 0) {
            sink.accept(SUMMARY_EVERY + " more " + kind.plural() + " (" + n + " in all); latest: " + message);
        }
    }

    /** Occurrences of a kind so far. */
    public long count(WarningKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** Total occurrences of all kinds. */
    public long total() {
        long t = 0;
        for (long c : counts.values()) {
            t += c;
        }
        return t;
    }

    /** One line with the count of every kind seen, e.g. {@code 3 malformed lines, 1 gaps}; empty if none. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<WarningKind, Long> e : counts.entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.getValue()).append(' ').append(e.getKey().plural());
        }
        return sb.toString();
    }
}
