package org.tsak.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes predictions in the OpenPack submission format, the JSON file the official scorer
 * reads:
 * <pre>{"U0209-S0500":{"unixtime":[1648531522000,...],"prediction":[100,...]}}</pre>
 * one entry per session (keys in sorted order), {@code unixtime} = the 1 Hz ground-truth
 * seconds in ms, {@code prediction} = the predicted operation id of each second (Null = 8100
 * allowed). Build the per-second predictions with {@link OpenPackScorer#toSubmission}.
 *
 * <p>The file is written to a temporary file in the same folder and then moved over the
 * target atomically, so a reader never sees a half-written submission.
 */
public final class SubmissionWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private SubmissionWriter() {
    }

    /**
     * Writes the submission file, replacing any existing one.
     *
     * @param file        target file (its folder is created if needed)
     * @param submission  session key to predictions at whole, strictly ascending seconds
     * @throws IllegalArgumentException if a key is blank or a time is not a whole second or
     *                                  not ascending (the predictions are not 1 Hz yet)
     * @throws UncheckedIOException     if the file cannot be written
     */
    public static void write(Path file, Map<String, TimedPredictions> submission) {
        Map<String, TimedPredictions> sorted = new TreeMap<>(submission);
        sorted.forEach(SubmissionWriter::checkOneHz);
        Path target = file.toAbsolutePath();
        try {
            org.tsak.io.AtomicFiles.write(target, out -> {
                try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                    g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    writeJson(g, sorted);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write submission " + target + ": " + e.getMessage(), e);
        }
    }

    private static void writeJson(JsonGenerator g, Map<String, TimedPredictions> sorted) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, TimedPredictions> e : sorted.entrySet()) {
            TimedPredictions p = e.getValue();
            g.writeObjectFieldStart(e.getKey());
            g.writeArrayFieldStart("unixtime");
            for (int i = 0; i < p.size(); i++) {
                g.writeNumber(p.timestampMs(i));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("prediction");
            for (int i = 0; i < p.size(); i++) {
                g.writeNumber(p.operationId(i));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void checkOneHz(String key, TimedPredictions p) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a session key is blank; use keys like U0209-S0500");
        }
        for (int i = 0; i < p.size(); i++) {
            long t = p.timestampMs(i);
            if (t % 1000 != 0) {
                throw new IllegalArgumentException("session " + key + " unixtime[" + i + "] = " + t
                        + " ms is not a whole second; reduce predictions to 1 Hz first (OpenPackScorer.toSubmission)");
            }
            if (i > 0 && t <= p.timestampMs(i - 1)) {
                throw new IllegalArgumentException("session " + key + " unixtime[" + i + "] = " + t
                        + " ms repeats or precedes the previous second; a submission has one prediction per second");
            }
        }
    }
}
