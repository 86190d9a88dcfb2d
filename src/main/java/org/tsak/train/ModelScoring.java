package org.tsak.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tsak.data.Operations;
import org.tsak.data.window.WindowSet;
import org.tsak.eval.EvaluationResult;
import org.tsak.eval.ModelMetricsWriter;
import org.tsak.eval.OpenPackScorer;
import org.tsak.eval.SubmissionWriter;
import org.tsak.eval.WindowScoring;
import org.tsak.io.RunLayout;

/**
 * Scores a model's test predictions by the OpenPack rule and writes its {@code predictions.json}
 * and, last, its {@code metrics.json}, whose presence marks the model finished (resume).
 */
final class ModelScoring {

    private ModelScoring() {
    }

    /** Scores class logits ({@code test.length x K}, row-major) of the test windows. */
    static EvaluationResult logits(Path dir, String model, WindowSet windows, int[] test, float[] logits,
            StageResult history, Map<String, Object> extra) throws IOException {
        return classes(dir, model, windows, test, Inference.argmax(logits, Operations.CLASS_COUNT),
                ResultCollector.historyMaps(history), withSelection(extra, history));
    }

    /** Scores predicted class indices of the test windows. */
    static EvaluationResult classes(Path dir, String model, WindowSet windows, int[] test, int[] predicted,
            List<Map<String, Object>> history, Map<String, Object> extra) throws IOException {
        EvaluationResult r = WindowScoring.score(windows, test, predicted);
        SubmissionWriter.write(RunLayout.predictions(dir), OpenPackScorer.toSubmission(
                WindowScoring.predictions(windows, test, predicted), WindowScoring.truths(windows, test)));
        ModelMetricsWriter.write(RunLayout.metrics(dir), model, r, history, extra);
        Files.deleteIfExists(RunLayout.checkpoint(dir));
        return r;
    }

    private static Map<String, Object> withSelection(Map<String, Object> extra, StageResult history) {
        Map<String, Object> all = new LinkedHashMap<>(extra);
        all.put("bestEpoch", history.bestEpoch());
        all.put("bestValidationF1", history.bestValidationF1());
        return all;
    }
}
