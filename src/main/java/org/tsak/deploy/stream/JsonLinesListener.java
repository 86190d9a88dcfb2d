package org.tsak.deploy.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes results as JSON lines, one object per line, flushed per line (seconds of stream time
 * apart, so a reader sees them live):
 * <pre>
 * {"t": 1700000001000, "operation": 100, "name": "Picking", "confidence": 0.8123}
 * {"segment": {"start": 1700000001000, "end": 1700000009000, "operation": 100, "name": "Picking", "confidence": 0.7901}}
 * {"metrics": {"t": 1700000060000, "final": false, "seconds": 57.000, "operationSeconds": {"100": 12.000, ...},
 *   "boxesCompleted": 1, "cycleSecondsMean": null, "cycleSecondsLast": null, "idleShare": 0.0500}}
 * </pre>
 * Times are unixtime ms, durations seconds, {@code null} where a value is not defined yet.
 * Warnings go, one per line prefixed {@code warning: }, to a separate writer (stderr).
 *
 * <p>A listener {@link #forWorker(String) for one worker} of a stream of several writes to the
 * same writers and starts every object with the worker id, and every warning with
 * {@code worker <id>: }:
 * <pre>
 * {"worker": "W01", "t": 1700000001000, "operation": 100, "name": "Picking", "confidence": 0.8123}
 * </pre>
 */
public final class JsonLinesListener implements StreamListener {

    private final Writer out;
    private final Writer err;
    /** Worker id written first in every object, or null. */
    private final String worker;
    private final StringBuilder line = new StringBuilder(256);

    /**
     * @param out receives the JSON lines
     * @param err receives the warnings
     */
    public JsonLinesListener(Writer out, Writer err) {
        this(out, err, null);
    }

    private JsonLinesListener(Writer out, Writer err, String worker) {
        this.out = out;
        this.err = err;
        this.worker = worker;
    }

    /** A listener writing to the same writers, tagging every line with {@code "worker": id}. */
    public JsonLinesListener forWorker(String id) {
        return new JsonLinesListener(out, err, java.util.Objects.requireNonNull(id, "worker id"));
    }

    @Override
    public void onSecond(SecondPrediction s) {
        open();
        line.append("\"t\": ").append(s.secondMs()).append(", \"operation\": ").append(s.operationId())
                .append(", \"name\": ");
        string(s.name());
        line.append(", \"confidence\": ");
        number(s.confidence(), 4);
        line.append('}');
        write(out);
    }

    @Override
    public void onSegment(OperationSegment s) {
        open();
        line.append("\"segment\": {\"start\": ").append(s.startMs()).append(", \"end\": ").append(s.endMs())
                .append(", \"operation\": ").append(s.operationId()).append(", \"name\": ");
        string(s.name());
        line.append(", \"confidence\": ");
        number(s.confidence(), 4);
        line.append("}}");
        write(out);
    }

    @Override
    public void onMetrics(long streamTimeMs, WorkMetrics m, boolean isFinal) {
        open();
        line.append("\"metrics\": {\"t\": ").append(streamTimeMs).append(", \"final\": ").append(isFinal)
                .append(", \"seconds\": ");
        number(m.totalSeconds(), 3);
        line.append(", \"operationSeconds\": {");
        int[] ids = m.operationIds();
        double[] seconds = m.secondsPerOperation();
        for (int i = 0; i < ids.length; i++) {
            line.append(i == 0 ? "" : ", ").append('"').append(ids[i]).append("\": ");
            number(seconds[i], 3);
        }
        line.append("}, \"boxesCompleted\": ").append(m.boxesCompleted()).append(", \"cycleSecondsMean\": ");
        number(m.cycleSecondsMean(), 3);
        line.append(", \"cycleSecondsLast\": ");
        number(m.cycleSecondsLast(), 3);
        line.append(", \"idleShare\": ");
        number(m.idleShare(), 4);
        line.append("}}");
        write(out);
    }

    @Override
    public void onWarning(String message) {
        line.setLength(0);
        line.append("warning: ");
        if (worker != null) {
            line.append("worker ").append(worker).append(": ");
        }
        line.append(message);
        write(err);
    }

    /** Starts an object, with the worker id first if there is one. */
    private void open() {
        line.setLength(0);
        line.append('{');
        if (worker != null) {
            line.append("\"worker\": ");
            string(worker);
            line.append(", ");
        }
    }

    private void number(double v, int decimals) {
        if (!Double.isFinite(v)) {
            line.append("null");
        } else {
            line.append(String.format(Locale.ROOT, "%." + decimals + "f", v));
        }
    }

    private void string(String s) {
        line.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }

    private void write(Writer w) {
        try {
            line.append('\n');
            w.append(line);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stream output: " + e.getMessage(), e);
        }
    }
}
