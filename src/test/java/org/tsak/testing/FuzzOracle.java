package org.tsak.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.opentest4j.AssertionFailedError;
import org.tsak.data.DataFormatException;
import org.tsak.data.Operations;
import org.tsak.data.Recording;
import org.tsak.data.SecondLabels;

/**
 * The oracle of the reader fuzz tests. A read of a damaged file must, within
 * {@link #TIME_LIMIT}, either fail with the reader's documented exception type whose message
 * names the file (and, where it gives a line, says {@code line N} with N inside the file), or
 * succeed with data that is valid: every value finite, timestamps strictly ascending, labels
 * known OpenPack ids, counts no larger than the file allows. Any other exception (a
 * NullPointerException, an index out of bounds, a leaked NumberFormatException, an
 * OutOfMemoryError) or a slower read is a failure of the reader.
 */
public final class FuzzOracle {

    /** Longest a single read may take; longer counts as a hang. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(5);

    private FuzzOracle() {
    }

    /** A read that may throw anything. */
    @FunctionalInterface
    public interface Read<T> {
        /** Performs the read. */
        T read() throws Exception;
    }

    /**
     * What a read gave: a value or the throwable it ended with (exactly one is non-null).
     *
     * @param value the result, or null
     * @param error what was thrown, or null
     */
    public record Outcome<T>(T value, Throwable error) {
    }

    /** Runs {@code read} in another thread, failing the test if it takes longer than {@link #TIME_LIMIT}. */
    public static <T> Outcome<T> attempt(Read<T> read) {
        return assertTimeoutPreemptively(TIME_LIMIT, () -> {
            try {
                return new Outcome<>(read.read(), null);
            } catch (Throwable t) { // the oracle judges every throwable, errors included
                return new Outcome<>(null, t);
            }
        }, "the read took longer than " + TIME_LIMIT.toSeconds() + " s: treated as a hang");
    }

    /**
     * Checks that {@code error} is a {@code type} whose message names {@code source}; for a
     * {@link DataFormatException} with a line, that the message says {@code line N} and
     * {@code 1 <= N <= maxLine}.
     */
    public static <E extends Throwable> E assertClearError(Throwable error, Class<E> type, String source,
            long maxLine) {
        if (!type.isInstance(error)) {
            throw new AssertionFailedError("expected a " + type.getSimpleName() + " naming " + source
                    + ", got " + error, error);
        }
        String message = String.valueOf(error.getMessage());
        if (!message.contains(source)) {
            throw new AssertionFailedError("the message does not name " + source + ": " + message, error);
        }
        if (error instanceof DataFormatException d && d.line() != 0) {
            if (d.line() < 0 || d.line() > maxLine) {
                throw new AssertionFailedError("line " + d.line() + " is outside the file's " + maxLine
                        + " line(s): " + message, error);
            }
            if (!message.contains(" line " + d.line())) {
                throw new AssertionFailedError("the message does not say 'line " + d.line() + "': " + message, error);
            }
        }
        return type.cast(error);
    }

    /**
     * Checks a recording read from a damaged file: at least one and at most {@code maxSamples}
     * samples, a finite positive rate, every value of every channel finite, timestamps strictly
     * ascending, sample and ground-truth labels known operation ids, box numbers not negative.
     */
    public static void assertValidRecording(Recording r, long maxSamples) {
        int n = r.sampleCount();
        check(n >= 1 && n <= maxSamples, r, n + " samples, expected 1.." + maxSamples);
        check(Double.isFinite(r.samplingRateHz()) && r.samplingRateHz() > 0, r,
                "sampling rate " + r.samplingRateHz());
        check(!r.channels().isEmpty(), r, "no channels");
        for (int c = 0; c < r.channels().size(); c++) {
            float[] v = r.channel(c);
            check(v.length == n, r, r.channels().get(c) + " has " + v.length + " values for " + n + " samples");
            for (int i = 0; i < n; i++) {
                if (!Float.isFinite(v[i])) {
                    check(false, r, r.channels().get(c) + " sample " + i + " is " + v[i]);
                }
            }
        }
        long[] t = r.timestampsMs();
        int[] ops = r.sampleLabels();
        int[] boxes = r.sampleBoxes();
        for (int i = 0; i < n; i++) {
            if (i > 0 && t[i] <= t[i - 1]) {
                check(false, r, "timestamp " + t[i] + " at sample " + i + " after " + t[i - 1]);
            }
            if (!Operations.isKnownId(ops[i]) || boxes[i] < 0) {
                check(false, r, "sample " + i + " has operation " + ops[i] + ", box " + boxes[i]);
            }
        }
        SecondLabels truth = r.groundTruth();
        for (int i = 0; i < truth.size(); i++) {
            check(Operations.isKnownId(truth.operationId(i)), r, "ground truth second " + truth.secondMs(i)
                    + " has operation " + truth.operationId(i));
        }
    }

    /**
     * An upper bound on the lines of a file as any reader counts them: line ends ({@code \n},
     * {@code \r}, in UTF-8 or UTF-16) plus one.
     */
    public static long maxLines(byte[] file) {
        long n = 1;
        for (byte b : file) {
            if (b == '\n' || b == '\r') {
                n++;
            }
        }
        return n;
    }

    private static void check(boolean ok, Recording r, String what) {
        if (!ok) {
            throw new AssertionFailedError("invalid recording " + r.key() + " returned without an error: " + what);
        }
    }
}
