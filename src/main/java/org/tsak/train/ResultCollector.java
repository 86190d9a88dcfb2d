package org.tsak.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tsak.eval.EvaluationResult;
import org.tsak.report.ComparisonRow;
import org.tsak.report.ComparisonTable;

/**
 * Gathers test results per model and strategy over folds and seeds, and stage throughputs,
 * and turns them into the comparison table (mean and sample standard deviation).
 */
final class ResultCollector {

    private final Map<String, List<EvaluationResult>> results = new LinkedHashMap<>();
    private final Map<String, List<StageResult>> stages = new LinkedHashMap<>();

    void add(String model, String strategy, EvaluationResult r) {
        results.computeIfAbsent(model + "|" + strategy, k -> new ArrayList<>()).add(r);
    }

    void stage(String name, StageResult r) {
        stages.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
    }

    Map<String, Double> stageThroughputs() {
        Map<String, Double> m = new LinkedHashMap<>();
        stages.forEach((k, v) -> m.put(k, v.stream().mapToDouble(StageResult::meanWindowsPerSecond).average()
                .orElse(0)));
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
            out.add(m);
        }
        return out;
    }

    ComparisonTable table(String title, Efficiency eff, int throughputBatch) {
        List<ComparisonRow> rows = new ArrayList<>();
        double noKd = Double.NaN;
        List<EvaluationResult> none = results.get("student|none");
        if (none != null) {
            noKd = mean(none, true);
        }
        double teacherP50 = eff.teacher.latency().p50Micros();
        for (Map.Entry<String, List<EvaluationResult>> e : results.entrySet()) {
            String[] key = e.getKey().split("\\|", 2);
            String model = key[0];
            List<EvaluationResult> rs = e.getValue();
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
                        + " over seeds" + (rows.isEmpty() ? "" : "") + ".",
                "FLOPs per window counted from layer shapes (a multiply-add is 2 FLOPs); params are the deployed"
                        + " model's (the student's projection heads are training-only and not counted).",
                "semantic-classifier row: the SC needs the teacher's representations, so its params, FLOPs and"
                        + " latency are teacher + SC.",
                String.format(Locale.ROOT, "latency: batch 1, p50/p95 over timed calls after warm-up, DJL PyTorch"
                        + " CPU, %s thread(s); throughput at batch %d.",
                        System.getProperty("ai.djl.pytorch.num_threads", "default"), throughputBatch));
        return new ComparisonTable(title, rows, notes);
    }

    private static double mean(List<EvaluationResult> rs, boolean f1) {
        return rs.stream().mapToDouble(r -> f1 ? r.macroF1() : r.accuracy()).average().orElse(Double.NaN);
    }

    private static double std(List<EvaluationResult> rs, boolean f1) {
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
