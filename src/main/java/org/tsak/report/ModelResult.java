package org.tsak.report;

import java.nio.file.Path;
import java.util.Map;

import org.tsak.eval.TimedPredictions;

/**
 * One trained model's results in a run folder: its metrics.json and predictions.json.
 *
 * @param dir         the folder holding both files
 * @param metrics     the parsed metrics.json
 * @param predictions the parsed predictions.json, session key to 1 Hz predictions
 */
public record ModelResult(Path dir, ModelMetrics metrics, Map<String, TimedPredictions> predictions) {

    /** Copies. */
    public ModelResult {
        predictions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(predictions));
    }

    /** Display name: {@code teacher}, {@code semantic-classifier}, {@code student [sc-logit]}. */
    public String label() {
        return metrics.strategy().equals("-") ? metrics.model() : metrics.model() + " [" + metrics.strategy() + "]";
    }

    /** True for a student. */
    public boolean isStudent() {
        return metrics.model().equals("student");
    }
}
