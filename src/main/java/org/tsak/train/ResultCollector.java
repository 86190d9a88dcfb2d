package org.tsak.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tsak.report.ComparisonRow;
import org.tsak.report.ComparisonTable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Gathers test results per model and strategy over folds and seeds from the run folder's
 * {@code metrics.json} files, and stage throughputs from their histories, and turns them into
 * the comparison table (mean and sample standard deviation).
 */
final class ResultCollector {

    private record Score(double macroF1, double accuracy) {
    }

    private final Map<String, List<Score>> results = new LinkedHashMap<>();
    private final Map<String, List<double[]>> epochs = new LinkedHashMap<>();

    /** Adds one model's metrics file; {@code stage} names its training stage for throughput. */
    void addMetrics(String model, String strategy, String stage, Path metricsFile) throws IOException {
        JsonNode m = new ObjectMapper().readTree(metricsFile.toFile());
        if (m == null || !m.has("macroF1")) {
            throw new IOException(metricsFile + ": not a metrics file (no macroF1)");
        }
        results.computeIfAbsent(model + "|" + strategy, k -> new ArrayList<>())
                .add(new Score(m.get("macroF1").asDouble(), m.get("accuracy").asDouble()));
        for (JsonNode e : m.path("history")) {
            epochs.computeIfAbsent(stage, k -> new ArrayList<>()).add(new double[] {
                e.path("windowsPerSecond").asDouble(), e.path("dataShare").asDouble(),
                e.path("forwardShare").asDouble(), e.path("backwardShare").asDouble(),
                e.path("stepShare").asDouble()});
        }
    }

    /** Adds the metrics file if it exists; returns whether it did. */
    boolean addIfPresent(String model, String strategy, String stage, Path metricsFile) throws IOException {
        if (!Files.isRegularFile(metricsFile)) {
            return false;
        }
        addMetrics(model, strategy, stage, metricsFile);
        return true;
    }

    Map<String, Double> stageThroughputs() {
        Map<String, Double> m = new LinkedHashMap<>();
        epochs.forEach((k, v) -> m.put(k, v.stream().mapToDouble(a -> a[0]).average().orElse(0)));
        return m;
    }

    /** Mean shares of training time per stage: {data, forward + loss, backward, optimiser step}. */
    Map<String, double[]> stageTimeShares() {
        Map<String, double[]> m = new LinkedHashMap<>();
        epochs.forEach((k, v) -> {
            double[] mean = new double[4];
            for (double[] a : v) {
                for (int i = 0; i < 4; i++) {
                    mean[i] += a[i + 1] / v.size();
                }
            }
            m.put(k, mean);
        });
        return m;
    }

    static List<Map<String, Object>> historyMaps(StageResult r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (EpochRecord e : r.history()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", e.epoch());
            m.put("trainLoss", e.trainLoss());
            m.put("validationF1", e.validationF1());
            m.put("windowsPerSecond", e.windowsPerSecond());
            m.put("seconds", e.seconds());
            m.put("dataShare", e.dataShare());
            m.put("forwardShare", e.forwardShare());
            m.put("backwardShare", e.backwardShare());
            m.put("stepShare", e.stepShare());
            out.add(m);
        }
        return out;
    }

    ComparisonTable table(String title, Efficiency eff, int throughputBatch) {
        List<ComparisonRow> rows = new ArrayList<>();
        double noKd = Double.NaN;
        List<Score> none = results.get("student|none");
        if (none != null) {
            noKd = mean(none, true);
        }
        double teacherP50 = eff.teacher.latency().p50Micros();
        for (Map.Entry<String, List<Score>> e : results.entrySet()) {
            String[] key = e.getKey().split("\\|", 2);
            String model = key[0];
            List<Score> rs = e.getValue();
            Efficiency.Measured m;
            long params;
            long flops;
            switch (model) {
                case "teacher" -> {
                    m = eff.teacher;
                    params = eff.teacherParams;
                    flops = eff.teacherFlops;
                }
                case "semantic-classifier" -> {
                    m = eff.sc;
                    params = eff.scParams;
                    flops = eff.scFlops;
                }
                default -> {
                    m = eff.student;
                    params = eff.studentParams;
                    flops = eff.studentFlops;
                }
            }
            double f1 = mean(rs, true);
            rows.add(new ComparisonRow(model, key[1], rs.size(), f1, std(rs, true), mean(rs, false), std(rs, false),
                    params, flops, m.latency().p50Micros(), m.latency().p95Micros(), m.throughputPerSecond(),
                    teacherP50 / m.latency().p50Micros(), (double) params / eff.teacherParams,
                    (double) flops / eff.teacherFlops, model.equals("student") ? f1 - noKd : Double.NaN));
        }
        List<String> notes = List.of(
                "macro-F1: official OpenPack rule (1 Hz, last prediction per second, Null seconds dropped,"
                        + " 10 operations, absent classes score 0), test sessions concatenated; mean ± sample std"
                        + " over seeds (and folds).",
                "FLOPs per window counted from layer shapes (a multiply-add is 2 FLOPs); params are the deployed"
                        + " model's (the student's projection heads are training-only and not counted).",
                "semantic-classifier row: the SC needs the teacher's representations, so its params, FLOPs and"
                        + " latency are teacher + SC.",
                String.format(Locale.ROOT, "latency: batch 1, p50/p95 over timed calls after warm-up, DJL PyTorch"
                        + " CPU, %s thread(s); throughput at batch %d.",
                        System.getProperty("ai.djl.pytorch.num_threads", "default"), throughputBatch));
        return new ComparisonTable(title, rows, notes);
    }

    private static double mean(List<Score> rs, boolean f1) {
        return rs.stream().mapToDouble(r -> f1 ? r.macroF1() : r.accuracy()).average().orElse(Double.NaN);
    }

    private static double std(List<Score> rs, boolean f1) {
        if (rs.size() < 2) {
            return 0;
        }
        double m = mean(rs, f1);
        double ss = rs.stream().mapToDouble(r -> {
            double d = (f1 ? r.macroF1() : r.accuracy()) - m;
            return d * d;
        }).sum();
        return Math.sqrt(ss / (rs.size() - 1));
    }
}
