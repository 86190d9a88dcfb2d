package org.tsak.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tsak.eval.PairedComparison;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The table the paper has and users read first: a row per model with macro-F1, accuracy, the F1
 * change against the no-KD student, parameters, FLOPs and latency; the cost against the teacher;
 * the paired change in macro-F1 of every comparison (candidate vs reference over the same
 * (fold, seed) pairs, {@link PairedComparison}); and each fold's macro-F1 per model. Rendered as
 * Markdown, CSV (three files: rows, comparisons, folds) and JSON.
 *
 * <p>Classical baselines (model {@code baseline}) have no measured cost: their {@code params}
 * and {@code flops} are -1 and their latency, throughput and ratios NaN; Markdown shows
 * {@code –}, CSV an empty field, JSON {@code null}.
 *
 * @param title       what the table is about (run name and test data)
 * @param rows        teacher, semantic classifier, students in strategy order, baselines
 * @param comparisons paired changes in macro-F1 (each student vs the no-KD student, vs the teacher, ...)
 * @param folds       per-fold mean test macro-F1 of every model
 * @param notes       lines printed under the table (units, how FLOPs and latency were measured)
 */
public record ComparisonTable(String title, List<ComparisonRow> rows, List<PairedComparison> comparisons,
        List<FoldScores> folds, List<String> notes) {

    /** Copies. */
    public ComparisonTable {
        rows = List.copyOf(rows);
        comparisons = List.copyOf(comparisons);
        folds = List.copyOf(folds);
        notes = List.copyOf(notes);
    }

    /** A table without paired comparisons or per-fold scores. */
    public ComparisonTable(String title, List<ComparisonRow> rows, List<String> notes) {
        this(title, rows, List.of(), List.of(), notes);
    }

    /**
     * Markdown: the accuracy table, the cost table (models with a measured cost), then, when
     * present, the paired changes and the per-fold table, then the notes.
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("### ").append(title).append("\n\n");
        List<List<String>> main = new ArrayList<>();
        List<List<String>> cost = new ArrayList<>();
        for (ComparisonRow r : rows) {
            main.add(ComparisonCells.main(r));
            if (ComparisonCells.hasCost(r)) {
                cost.add(ComparisonCells.cost(r));
            }
        }
        markdownTable(sb, ComparisonCells.MAIN_HEADER, main);
        if (!cost.isEmpty()) {
            sb.append("\nCost against the teacher:\n\n");
            markdownTable(sb, ComparisonCells.COST_HEADER, cost);
        }
        if (!comparisons.isEmpty()) {
            sb.append("\nPaired change in macro-F1 (candidate - reference; students on the same (fold, seed) pairs,"
                    + " against the teacher or a baseline one pair of seed means per fold; 95% paired t interval;"
                    + " \"not significant\" when it contains 0):\n\n");
            markdownTable(sb, ComparisonCells.PAIRED_HEADER,
                    comparisons.stream().map(ComparisonCells::paired).toList());
        }
        if (!folds.isEmpty()) {
            List<String> models = ComparisonCells.foldModels(folds);
            sb.append("\nMacro-F1 per fold (mean over seeds):\n\n");
            markdownTable(sb, ComparisonCells.foldHeader(folds),
                    folds.stream().map(f -> ComparisonCells.fold(f, models)).toList());
        }
        for (String n : notes) {
            sb.append("\n").append(n);
        }
        return sb.append('\n').toString();
    }

    /** One Markdown table: text columns left-aligned, numeric columns right-aligned. */
    private static void markdownTable(StringBuilder sb, List<String> header, List<List<String>> cells) {
        sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (String h : header) {
            sb.append(ComparisonCells.isTextColumn(h) ? "---|" : "---:|");
        }
        sb.append('\n');
        for (List<String> row : cells) {
            sb.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
    }

    /**
     * The rows as CSV with a header row; numbers unformatted, unknown values (NaN, a baseline's
     * -1 params and FLOPs) empty, text fields quoted when they hold a comma or a quote (RFC 4180).
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("model,strategy,seeds,macro_f1,macro_f1_std,accuracy,accuracy_std,"
                + "params,flops,latency_p50_us,latency_p95_us,throughput_per_s,speed_up,param_ratio,flop_ratio,"
                + "f1_delta_vs_no_kd\n");
        for (ComparisonRow r : rows) {
            sb.append(String.join(",", csv(r.model()), csv(r.strategy()), String.valueOf(r.seeds()),
                    num(r.macroF1()), num(r.macroF1Std()), num(r.accuracy()), num(r.accuracyStd()), count(r.params()),
                    count(r.flops()), num(r.latencyP50Micros()), num(r.latencyP95Micros()),
                    num(r.throughputPerSecond()), num(r.speedUp()), num(r.paramRatio()), num(r.flopRatio()),
                    num(r.f1DeltaVsNoKd()))).append('\n');
        }
        return sb.toString();
    }

    /**
     * The paired comparisons as CSV (the run folder's {@code comparisons.csv}): candidate,
     * reference, pairs, mean_delta, std_delta, ci_low, ci_high (95% paired t interval),
     * wilcoxon_p (two-sided), wins, ties, losses, verdict; NaN empty.
     */
    public String toComparisonsCsv() {
        StringBuilder sb = new StringBuilder("candidate,reference,pairs,mean_delta,std_delta,ci_low,ci_high,"
                + "wilcoxon_p,wins,ties,losses,verdict\n");
        for (PairedComparison c : comparisons) {
            sb.append(String.join(",", csv(c.candidate()), csv(c.reference()), String.valueOf(c.pairs()),
                    num(c.meanDelta()), num(c.stdDelta()), num(c.ciLow()), num(c.ciHigh()), num(c.wilcoxonP()),
                    String.valueOf(c.wins()), String.valueOf(c.ties()), String.valueOf(c.losses()),
                    csv(c.verdict()))).append('\n');
        }
        return sb.toString();
    }

    /** Per-fold scores as long-format CSV: fold, held_out, model, macro_f1 (one line per fold and model). */
    public String toFoldsCsv() {
        StringBuilder sb = new StringBuilder("fold,held_out,model,macro_f1\n");
        for (FoldScores f : folds) {
            f.macroF1ByModel().forEach((model, f1) -> sb.append(String.join(",", csv(f.fold()), csv(f.heldOut()),
                    csv(model), num(f1))).append('\n'));
        }
        return sb.toString();
    }

    /**
     * JSON: {@code {title, rows: [...], comparisons: [...], folds: [...], notes: [...]}}; NaN
     * and a baseline's -1 params and FLOPs are {@code null}. A comparison carries its fields
     * (candidate, reference, pairs, meanDelta, stdDelta, ciLow, ciHigh, wilcoxonP, wins, ties,
     * losses) and, for readers, {@code significant} and {@code verdict}; a fold carries
     * {@code fold}, {@code heldOut} and {@code macroF1ByModel} (model label to macro-F1).
     */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        List<Map<String, Object>> rs = new ArrayList<>();
        for (ComparisonRow r : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("model", r.model());
            o.put("strategy", r.strategy());
            o.put("seeds", r.seeds());
            o.put("macroF1", json(r.macroF1()));
            o.put("macroF1Std", json(r.macroF1Std()));
            o.put("accuracy", json(r.accuracy()));
            o.put("accuracyStd", json(r.accuracyStd()));
            o.put("params", r.params() < 0 ? null : r.params());
            o.put("flops", r.flops() < 0 ? null : r.flops());
            o.put("latencyP50Micros", json(r.latencyP50Micros()));
            o.put("latencyP95Micros", json(r.latencyP95Micros()));
            o.put("throughputPerSecond", json(r.throughputPerSecond()));
            o.put("speedUp", json(r.speedUp()));
            o.put("paramRatio", json(r.paramRatio()));
            o.put("flopRatio", json(r.flopRatio()));
            o.put("f1DeltaVsNoKd", json(r.f1DeltaVsNoKd()));
            rs.add(o);
        }
        m.put("rows", rs);
        List<Map<String, Object>> cs = new ArrayList<>();
        for (PairedComparison c : comparisons) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("candidate", c.candidate());
            o.put("reference", c.reference());
            o.put("pairs", c.pairs());
            o.put("meanDelta", json(c.meanDelta()));
            o.put("stdDelta", json(c.stdDelta()));
            o.put("ciLow", json(c.ciLow()));
            o.put("ciHigh", json(c.ciHigh()));
            o.put("wilcoxonP", json(c.wilcoxonP()));
            o.put("wins", c.wins());
            o.put("ties", c.ties());
            o.put("losses", c.losses());
            o.put("significant", c.significant());
            o.put("verdict", c.verdict());
            cs.add(o);
        }
        m.put("comparisons", cs);
        List<Map<String, Object>> fs = new ArrayList<>();
        for (FoldScores f : folds) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("fold", f.fold());
            o.put("heldOut", f.heldOut());
            Map<String, Object> byModel = new LinkedHashMap<>();
            f.macroF1ByModel().forEach((k, v) -> byModel.put(k, v == null ? null : json(v)));
            o.put("macroF1ByModel", byModel);
            fs.add(o);
        }
        m.put("folds", fs);
        m.put("notes", notes);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Double json(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    private static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String count(long v) {
        return v < 0 ? "" : String.valueOf(v);
    }

    /** A CSV text field, quoted (quotes doubled) if it holds a comma, a quote or a line break. */
    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
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
