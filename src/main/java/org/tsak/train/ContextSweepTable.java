package org.tsak.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.tsak.eval.PairedComparison;
import org.tsak.io.RunLayout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Test macro-F1 against context length ({@code model.context.sweepSeconds}): gathers every
 * student's {@code context-sweep.json} and renders, per strategy, the mean and sample std over
 * (fold, seed) per length, each length against no context (0 s) and each strategy against
 * {@code none} at the same length, as paired comparisons on the same (fold, seed) pairs.
 */
final class ContextSweepTable {

    /** strategy -> seconds -> "fold/seed" -> test macro-F1. */
    private final Map<String, TreeMap<Double, TreeMap<String, Double>>> f1 = new TreeMap<>();
    private final List<String> order = new ArrayList<>();

    /** Reads the sweep files of the given students; strategies without any are left out. */
    static ContextSweepTable read(RunLayout layout, List<String> strategies, int folds, int seeds) throws IOException {
        ContextSweepTable t = new ContextSweepTable();
        ObjectMapper json = new ObjectMapper();
        for (String strategy : strategies) {
            for (int f = 0; f < folds; f++) {
                for (int s = 0; s < seeds; s++) {
                    Path file = RunLayout.contextSweep(layout.student(f, strategy, s));
                    if (!Files.isRegularFile(file)) {
                        continue;
                    }
                    JsonNode root = json.readTree(file.toFile());
                    for (JsonNode row : root.path("lengths")) {
                        t.f1.computeIfAbsent(strategy, k -> new TreeMap<>())
                                .computeIfAbsent(row.path("seconds").asDouble(), k -> new TreeMap<>())
                                .put(f + "/" + s, row.path("testMacroF1").asDouble());
                    }
                    if (!t.order.contains(strategy)) {
                        t.order.add(strategy);
                    }
                }
            }
        }
        return t;
    }

    /** True when no student has a sweep. */
    boolean isEmpty() {
        return order.isEmpty();
    }

    /** The tables as Markdown. */
    String toMarkdown() {
        StringBuilder sb = new StringBuilder("# Test macro-F1 against context length\n\n");
        sb.append("Each student's context head (model.context) retrained for each length on the frozen student;"
                + " 0 s is the student without context. Mean ± sample std over (fold, seed); n in brackets.\n\n");
        TreeSet<Double> lengths = new TreeSet<>();
        f1.values().forEach(m -> lengths.addAll(m.keySet()));
        sb.append("| context (s) |");
        order.forEach(s -> sb.append(" student [").append(s).append("] |"));
        sb.append("\n|---:|");
        order.forEach(s -> sb.append("---:|"));
        sb.append('\n');
        for (double len : lengths) {
            sb.append("| ").append(seconds(len)).append(" |");
            for (String s : order) {
                Map<String, Double> v = f1.get(s).get(len);
                if (v == null || v.isEmpty()) {
                    sb.append(" – |");
                    continue;
                }
                double[] x = v.values().stream().mapToDouble(Double::doubleValue).toArray();
                sb.append(x.length < 2 ? String.format(Locale.ROOT, " %.4f (1) |", x[0])
                        : String.format(Locale.ROOT, " %.4f ± %.4f (%d) |", mean(x), std(x), x.length));
            }
            sb.append('\n');
        }
        sb.append("\nPaired changes (95% paired t interval, Wilcoxon p), same (fold, seed) pairs; the verdict follows the"
                + " interval; '(tests disagree)' marks a Wilcoxon p on the other side of 0.05, which with fewer than 6"
                + " non-zero pairs it cannot go below (0.0625):\n\n");
        sb.append("| comparison | pairs | mean Δ | 95% CI | Wilcoxon p | verdict |\n|---|---:|---:|---:|---:|---|\n");
        for (PairedComparison p : comparisons(lengths)) {
            sb.append(String.format(Locale.ROOT, "| %s vs %s | %d | %+.4f | %s | %s | %s |%n",
                    p.candidate(), p.reference(), p.pairs(), p.meanDelta(), Double.isNaN(p.ciLow()) ? "–"
                            : String.format(Locale.ROOT, "[%+.4f, %+.4f]", p.ciLow(), p.ciHigh()),
                    Double.isNaN(p.wilcoxonP()) ? "–" : p.wilcoxonP() < 0.001 ? "<0.001"
                            : String.format(Locale.ROOT, "%.3f", p.wilcoxonP()),
                    p.verdict()));
        }
        return sb.toString();
    }

    /** One CSV row per (strategy, length, fold/seed). */
    String toCsv() {
        StringBuilder sb = new StringBuilder("strategy,context_seconds,fold,seed,test_macro_f1\n");
        for (String s : order) {
            f1.get(s).forEach((len, runs) -> runs.forEach((fs, v) -> {
                String[] p = fs.split("/");
                sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%.6f%n", s, seconds(len), p[0], p[1], v));
            }));
        }
        return sb.toString();
    }

    private List<PairedComparison> comparisons(TreeSet<Double> lengths) {
        List<PairedComparison> out = new ArrayList<>();
        for (String s : order) {
            TreeMap<Double, TreeMap<String, Double>> byLen = f1.get(s);
            TreeMap<String, Double> zero = byLen.get(0.0);
            if (zero == null) {
                continue;
            }
            for (double len : lengths) {
                if (len > 0 && byLen.containsKey(len)) {
                    out.add(paired(label(s, len), label(s, 0), byLen.get(len), zero));
                }
            }
        }
        TreeMap<Double, TreeMap<String, Double>> none = f1.get("none");
        if (none != null) {
            for (String s : order) {
                if (s.equals("none")) {
                    continue;
                }
                for (double len : lengths) {
                    if (none.containsKey(len) && f1.get(s).containsKey(len)) {
                        out.add(paired(label(s, len), label("none", len), f1.get(s).get(len), none.get(len)));
                    }
                }
            }
        }
        return out;
    }

    private static PairedComparison paired(String cand, String ref, Map<String, Double> a, Map<String, Double> b) {
        List<String> keys = a.keySet().stream().filter(b::containsKey).toList();
        double[] x = keys.stream().mapToDouble(a::get).toArray();
        double[] y = keys.stream().mapToDouble(b::get).toArray();
        return PairedComparison.of(cand, ref, x, y);
    }

    private static String label(String strategy, double seconds) {
        return "student [" + strategy + "] " + seconds(seconds) + " s";
    }

    /** Seconds without trailing zeros: 2, 0.5. */
    private static String seconds(double s) {
        return java.math.BigDecimal.valueOf(s).stripTrailingZeros().toPlainString();
    }

    private static double mean(double[] x) {
        return java.util.Arrays.stream(x).average().orElse(Double.NaN);
    }

    private static double std(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }
}
