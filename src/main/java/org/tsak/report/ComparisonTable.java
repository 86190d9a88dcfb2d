package org.tsak.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The table the paper has and users read first: a row per model with macro-F1, accuracy,
 * parameters, FLOPs, latency, speed-up and size ratio against the teacher, and the F1 change
 * against the no-KD student. Rendered as Markdown, CSV and JSON.
 *
 * @param title what the table is about (run name and test data)
 * @param rows  teacher, semantic classifier, then students in strategy order
 * @param notes lines printed under the table (units, how FLOPs and latency were measured)
 */
public record ComparisonTable(String title, List<ComparisonRow> rows, List<String> notes) {

    /** Copies. */
    public ComparisonTable {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** Markdown. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("### ").append(title).append("\n\n");
        sb.append("| model | seeds | macro-F1 | accuracy | params | FLOPs/window | latency p50 / p95 (µs) "
                + "| windows/s @batch | speed-up | params vs teacher | FLOPs vs teacher | ΔF1 vs no-KD |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ComparisonRow r : rows) {
            sb.append(String.format(Locale.ROOT,
                    "| %s | %d | %s | %s | %,d | %s | %.0f / %.0f | %,.0f | %.2fx | %.2f%% | %.2f%% | %s |%n",
                    r.label(), r.seeds(), meanStd(r.macroF1(), r.macroF1Std(), r.seeds()),
                    meanStd(r.accuracy(), r.accuracyStd(), r.seeds()), r.params(), humanFlops(r.flops()),
                    r.latencyP50Micros(), r.latencyP95Micros(), r.throughputPerSecond(), r.speedUp(),
                    100 * r.paramRatio(), 100 * r.flopRatio(),
                    Double.isNaN(r.f1DeltaVsNoKd()) ? "" : String.format(Locale.ROOT, "%+.4f", r.f1DeltaVsNoKd())));
        }
        for (String n : notes) {
            sb.append("\n").append(n);
        }
        return sb.append('\n').toString();
    }

    /** CSV with a header row; numbers unformatted. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("model,strategy,seeds,macro_f1,macro_f1_std,accuracy,accuracy_std,"
                + "params,flops,latency_p50_us,latency_p95_us,throughput_per_s,speed_up,param_ratio,flop_ratio,"
                + "f1_delta_vs_no_kd\n");
        for (ComparisonRow r : rows) {
            sb.append(String.join(",", r.model(), r.strategy(), String.valueOf(r.seeds()), num(r.macroF1()),
                    num(r.macroF1Std()), num(r.accuracy()), num(r.accuracyStd()), String.valueOf(r.params()),
                    String.valueOf(r.flops()), num(r.latencyP50Micros()), num(r.latencyP95Micros()),
                    num(r.throughputPerSecond()), num(r.speedUp()), num(r.paramRatio()), num(r.flopRatio()),
                    Double.isNaN(r.f1DeltaVsNoKd()) ? "" : num(r.f1DeltaVsNoKd()))).append('\n');
        }
        return sb.toString();
    }

    /** JSON: {title, rows: [...], notes: [...]}. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        List<Map<String, Object>> rs = new ArrayList<>();
        for (ComparisonRow r : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("model", r.model());
            o.put("strategy", r.strategy());
            o.put("seeds", r.seeds());
            o.put("macroF1", r.macroF1());
            o.put("macroF1Std", r.macroF1Std());
            o.put("accuracy", r.accuracy());
            o.put("accuracyStd", r.accuracyStd());
            o.put("params", r.params());
            o.put("flops", r.flops());
            o.put("latencyP50Micros", r.latencyP50Micros());
            o.put("latencyP95Micros", r.latencyP95Micros());
            o.put("throughputPerSecond", r.throughputPerSecond());
            o.put("speedUp", r.speedUp());
            o.put("paramRatio", r.paramRatio());
            o.put("flopRatio", r.flopRatio());
            o.put("f1DeltaVsNoKd", Double.isNaN(r.f1DeltaVsNoKd()) ? null : r.f1DeltaVsNoKd());
            rs.add(o);
        }
        m.put("rows", rs);
        m.put("notes", notes);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String meanStd(double mean, double std, int seeds) {
        return seeds > 1 ? String.format(Locale.ROOT, "%.4f ± %.4f", mean, std)
                : String.format(Locale.ROOT, "%.4f", mean);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** FLOPs with a unit: 1.23 M, 45.6 k. */
    public static String humanFlops(long flops) {
        if (flops >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f G", flops / 1e9);
        }
        if (flops >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.2f M", flops / 1e6);
        }
        if (flops >= 1_000L) {
            return String.format(Locale.ROOT, "%.1f k", flops / 1e3);
        }
        return String.valueOf(flops);
    }
}
