package org.tsak.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tsak.eval.PairedComparison;

/**
 * The cell texts of the comparison table's four parts, shared by the Markdown and the HTML
 * renderings so that both show the same numbers: the accuracy table (a row per model), the cost
 * against the teacher, the paired changes in macro-F1 and the macro-F1 per fold. Unknown values
 * (a classical baseline's params, FLOPs and latency; an interval of fewer than 2 pairs) are
 * {@link #UNKNOWN}.
 */
public final class ComparisonCells {

    /** What an unknown value shows (an en dash). */
    public static final String UNKNOWN = "–";

    /** Header of the accuracy table. */
    public static final List<String> MAIN_HEADER = List.of("model", "runs", "macro-F1", "accuracy",
            "ΔF1 vs no-KD", "params", "FLOPs/window", "latency p50 / p95 (µs)");

    /** Header of the cost table. */
    public static final List<String> COST_HEADER = List.of("model", "params vs teacher", "FLOPs vs teacher",
            "speed-up (p50)", "windows/s @batch");

    /** Header of the paired-change table. */
    public static final List<String> PAIRED_HEADER = List.of("comparison", "pairs", "mean Δ", "95% CI",
            "Wilcoxon p", "wins/ties/losses", "verdict");

    private static final Set<String> TEXT_COLUMNS = Set.of("model", "comparison", "verdict", "fold", "held out");

    private ComparisonCells() {
    }

    /** True for the columns that hold text (left-aligned); the others hold numbers. */
    public static boolean isTextColumn(String header) {
        return TEXT_COLUMNS.contains(header);
    }

    /** The accuracy table's cells of one row. */
    public static List<String> main(ComparisonRow r) {
        return List.of(r.label(), String.valueOf(r.seeds()), meanStd(r.macroF1(), r.macroF1Std(), r.seeds()),
                meanStd(r.accuracy(), r.accuracyStd(), r.seeds()), signed(r.f1DeltaVsNoKd()),
                r.params() < 0 ? UNKNOWN : String.format(Locale.ROOT, "%,d", r.params()),
                r.flops() < 0 ? UNKNOWN : ComparisonTable.humanFlops(r.flops()),
                Double.isNaN(r.latencyP50Micros()) ? UNKNOWN : String.format(Locale.ROOT, "%.0f / %.0f",
                        r.latencyP50Micros(), r.latencyP95Micros()));
    }

    /** True if the row has any known cost (classical baselines have none). */
    public static boolean hasCost(ComparisonRow r) {
        return r.params() >= 0 || r.flops() >= 0 || !Double.isNaN(r.latencyP50Micros());
    }

    /** The cost table's cells of one row. */
    public static List<String> cost(ComparisonRow r) {
        return List.of(r.label(), percent(r.paramRatio()), percent(r.flopRatio()),
                Double.isNaN(r.speedUp()) ? UNKNOWN : String.format(Locale.ROOT, "%.2fx", r.speedUp()),
                Double.isNaN(r.throughputPerSecond()) ? UNKNOWN
                        : String.format(Locale.ROOT, "%,.0f", r.throughputPerSecond()));
    }

    /** The paired-change table's cells of one comparison. */
    public static List<String> paired(PairedComparison c) {
        return List.of(c.candidate() + " vs " + c.reference(), String.valueOf(c.pairs()),
                Double.isNaN(c.meanDelta()) ? UNKNOWN : signed(c.meanDelta()),
                interval(c.ciLow(), c.ciHigh()), pValue(c.wilcoxonP()),
                c.wins() + "/" + c.ties() + "/" + c.losses(), c.verdict());
    }

    /** Model labels of the per-fold table, in order of first appearance over the folds. */
    public static List<String> foldModels(List<FoldScores> folds) {
        Set<String> models = new LinkedHashSet<>();
        folds.forEach(f -> models.addAll(f.macroF1ByModel().keySet()));
        return List.copyOf(models);
    }

    /** Header of the per-fold table: fold, held out, then one column per model. */
    public static List<String> foldHeader(List<FoldScores> folds) {
        List<String> h = new ArrayList<>(List.of("fold", "held out"));
        h.addAll(foldModels(folds));
        return h;
    }

    /** The per-fold table's cells of one fold, a column per model of {@code models}. */
    public static List<String> fold(FoldScores f, List<String> models) {
        List<String> c = new ArrayList<>(List.of(f.fold(), f.heldOut()));
        for (String m : models) {
            Double v = f.macroF1ByModel().get(m);
            c.add(v == null || v.isNaN() ? UNKNOWN : String.format(Locale.ROOT, "%.4f", v));
        }
        return c;
    }

    /** {@code mean ± std} for more than one run, else the mean alone. */
    public static String meanStd(double mean, double std, int runs) {
        if (Double.isNaN(mean)) {
            return UNKNOWN;
        }
        return runs > 1 && !Double.isNaN(std) ? String.format(Locale.ROOT, "%.4f ± %.4f", mean, std)
                : String.format(Locale.ROOT, "%.4f", mean);
    }

    /** A change with its sign, {@code +0.0130}; empty for NaN (not a student). */
    static String signed(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%+.4f", v);
    }

    /** {@code [-0.0090, +0.0350]}, or {@link #UNKNOWN} if a bound is NaN. */
    static String interval(double lo, double hi) {
        return Double.isNaN(lo) || Double.isNaN(hi) ? UNKNOWN
                : String.format(Locale.ROOT, "[%+.4f, %+.4f]", lo, hi);
    }

    /** Three decimals, or two significant digits in scientific notation below 0.001. */
    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return UNKNOWN;
        }
        return p >= 0.001 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.1e", p);
    }

    private static String percent(double ratio) {
        return Double.isNaN(ratio) || ratio < 0 ? UNKNOWN : String.format(Locale.ROOT, "%.2f%%", 100 * ratio);
    }
}
