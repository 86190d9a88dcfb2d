package org.tsak.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tsak.eval.ConfusionMatrix;
import org.tsak.eval.EvaluationResult;
import org.tsak.io.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes one model's test metrics (macro-F1, accuracy, weighted F1, per-class F1, confusion
 * matrix) and training history as JSON, atomically.
 */
public final class ModelMetricsWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelMetricsWriter() {
    }

    /**
     * @param file    target file
     * @param model   model label
     * @param result  test metrics
     * @param history per-epoch maps (epoch, trainLoss, validationF1, windowsPerSecond, seconds) per stage
     * @param extra   further fields (seed, strategy, loss formula, best epoch, ...)
     */
    public static void write(Path file, String model, EvaluationResult result, List<Map<String, Object>> history,
            Map<String, Object> extra) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.putAll(extra);
        m.put("macroF1", result.macroF1());
        m.put("accuracy", result.accuracy());
        m.put("weightedF1", result.weightedF1());
        m.put("scoredSeconds", result.scoredSeconds());
        m.put("perClassF1", result.perClassF1());
        m.put("perSessionMacroF1", result.perSessionMacroF1());
        ConfusionMatrix cm = result.confusion();
        List<long[]> rows = new ArrayList<>();
        long[][] counts = cm.counts();
        for (long[] row : counts) {
            rows.add(row);
        }
        m.put("confusion", Map.of("rowsTruthColumnsPrediction", rows,
                "classIds", java.util.stream.IntStream.range(0, counts.length)
                        .map(org.tsak.data.Operations::idOf).boxed().toList()));
        m.put("history", history);
        AtomicFiles.writeString(file, JSON.writeValueAsString(m) + "\n");
    }

    /** Writes any map as indented JSON, atomically. */
    public static void writeJson(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, JSON.writeValueAsString(value) + "\n");
    }
}
