package org.tsak.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.tsak.eval.ComparisonRow;
import org.tsak.eval.ComparisonTable;
import org.tsak.eval.FoldScores;
import org.tsak.eval.PairedComparison;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Gathers test results per model over folds and seeds from the run folder's {@code metrics.json}
 * files, and stage throughputs from their histories, and turns them into the comparison table:
 * mean and sample standard deviation per row, the paired comparisons of the project's rule
 * (every student against the no-KD student on the same (fold, seed) pairs, against the classical
 * baseline on its channels and against the teacher of the same fold), and the per-fold means.
 */
final class ResultCollector {

    /** The no-KD student's row label. */
    static final String NO_KD = "student [none]";
    /** The teacher's row label. */
    static final String TEACHER = "teacher";

    /** Test macro-F1 and accuracy; validation macro-F1 of the kept weights (NaN if not recorded). */
    private record Score(double macroF1, double accuracy, double validationF1) {
    }

    private record Entry(String model, String strategy, Map<Long, Score> byFoldSeed) {
        String label() {
            return strategy.equals("-") ? model : model + " [" + strategy + "]";
        }
    }

    private final Map<String, Entry> results = new LinkedHashMap<>();
    private final Map<String, Double> widthByStudent = new LinkedHashMap<>();
    private final Map<String, List<double[]>> epochs = new LinkedHashMap<>();
    private final List<String> heldOut;

    /** @param heldOut per fold, what it tests (e.g. the held-out subject) */
    ResultCollector(List<String> heldOut) {
        this.heldOut = List.copyOf(heldOut);
    }

    private static long key(int fold, int seed) {
        return ((long) fold << 32) | seed;
    }

    /**
     * Adds one model's metrics file of fold {@code fold} and seed {@code seed}; {@code stage}
     * names its training stage for throughput (null: none).
     */
    void addMetrics(String model, String strategy, String stage, int fold, int seed, Path metricsFile)
            throws IOException {
        JsonNode m = new ObjectMapper().readTree(metricsFile.toFile());
        if (m == null || !m.has("macroF1")) {
            throw new IOException(metricsFile + ": not a metrics file (no macroF1)");
        }
        Entry e = results.computeIfAbsent(model + "|" + strategy,
                k -> new Entry(model, strategy, new TreeMap<>()));
        e.byFoldSeed().put(key(fold, seed), new Score(m.get("macroF1").asDouble(), m.get("accuracy").asDouble(),
                m.path("bestValidationF1").asDouble(Double.NaN)));
        if (stage == null) {
            return;
        }
        for (JsonNode h : m.path("history")) {
            epochs.computeIfAbsent(stage, k -> new ArrayList<>()).add(new double[] {
                h.path("windowsPerSecond").asDouble(), h.path("dataShare").asDouble(),
                h.path("forwardShare").asDouble(), h.path("backwardShare").asDouble(),
                h.path("stepShare").asDouble()});
        }
    }

    /** Adds the metrics file if it exists; returns whether it did. */
    boolean addIfPresent(String model, String strategy, String stage, int fold, int seed, Path metricsFile)
            throws IOException {
        if (!Files.isRegularFile(metricsFile)) {
            return false;
        }
        addMetrics(model, strategy, stage, fold, seed, metricsFile);
        return true;
    }

    /**
     * Adds the row {@code student [<name>]}: per (fold, seed), of the students {@code gridPoints}
     * (strategy names of one strategy's grid, e.g. {@code sc-logit@T=2}, {@code sc-logit@T=4}),
     * the one with the highest validation macro-F1 (first in grid order on ties), scored by its
     * test macro-F1. Choosing T and alpha on validation data is a legitimate model selection; the
     * best test row of a grid is not. (fold, seed) pairs missing a grid point are left out.
     *
     * @return whether a row was added (every grid point needs results with a validation F1)
     */
    boolean addValidationSelected(String name, List<String> gridPoints) {
        List<Entry> grid = new ArrayList<>();
        for (String g : gridPoints) {
            Entry e = results.get("student|" + g);
            if (e == null) {
                return false;
            }
            grid.add(e);
        }
        Map<Long, Score> chosen = new TreeMap<>();
        for (Long k : grid.get(0).byFoldSeed().keySet()) {
            Score best = null;
            for (Entry e : grid) {
                Score sc = e.byFoldSeed().get(k);
                if (sc == null || Double.isNaN(sc.validationF1())) {
                    best = null;
                    break;
                }
                if (best == null || sc.validationF1() > best.validationF1()) {
                    best = sc;
                }
            }
            if (best != null) {
                chosen.put(k, best);
            }
        }
        if (chosen.isEmpty()) {
            return false;
        }
        results.put("student|" + name, new Entry("student", name, chosen));
        return true;
    }

    /** Records the size-sweep width of the student row {@code student [name]} (default 1). */
    void studentWidth(String name, double width) {
        widthByStudent.put(name, width);
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
            m.put("learningRate", e.learningRate());
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
        Map<String, Double> noKdMeans = new LinkedHashMap<>();
        results.values().stream().filter(e -> e.model().equals("student") && noKdOf(e) == e)
                .forEach(e -> noKdMeans.put(e.label(), mean(e, true)));
        double teacherP50 = eff.teacher.latency().p50Micros();
        for (Entry e : ordered()) {
            String model = e.model();
            if (model.equals("baseline")) {
                rows.add(new ComparisonRow(model, e.strategy(), e.byFoldSeed().size(), mean(e, true), std(e, true),
                        mean(e, false), std(e, false), -1, -1, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
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
                    double w = widthOf(e.strategy());
                    m = eff.studentByWidth.getOrDefault(w, eff.student);
                    long[] cost = eff.studentCostByWidth.get(w);
                    params = cost == null ? eff.studentParams : cost[0];
                    flops = cost == null ? eff.studentFlops : cost[1];
                }
            }
            double f1 = mean(e, true);
            rows.add(new ComparisonRow(model, e.strategy(), e.byFoldSeed().size(), f1, std(e, true), mean(e, false),
                    std(e, false), params, flops, m.latency().p50Micros(), m.latency().p95Micros(),
                    m.throughputPerSecond(), teacherP50 / m.latency().p50Micros(), (double) params / eff.teacherParams,
                    (double) flops / eff.teacherFlops, model.equals("student") && noKdOf(e) != null
                            ? f1 - noKdMeans.getOrDefault(noKdOf(e).label(), Double.NaN) : Double.NaN));
        }
        List<String> notes = new ArrayList<>(List.of(
                "macro-F1: official OpenPack rule (1 Hz, last prediction per second, Null seconds dropped,"
                        + " 10 operations, absent classes score 0), each fold's test sessions concatenated; mean ±"
                        + " sample std over (fold, seed) results (the column n counts them).",
                "paired change: candidate minus reference; student vs student on the same (fold, seed) pairs;"
                        + " vs the teacher or a baseline, each model's mean over its seeds per fold, one pair per fold"
                        + " (only folds are independent there). 95% paired t interval, two-sided Wilcoxon"
                        + " signed-rank p (none below 2 pairs); the verdict follows the interval ('not significant'"
                        + " when it contains 0); '(tests disagree)' marks a Wilcoxon p on the other side of 0.05"
                        + " (with fewer than 6 non-zero pairs it cannot go below 0.0625).",
                "student seed k of every strategy starts from the same initial weights and sees the same batch"
                        + " order (paired seeds).",
                "baseline rows: a random forest on per-window statistics (mean, std, min, max, mean |first"
                        + " difference| per channel), on the student's channels and on all channels.",
                "FLOPs per window counted from layer shapes (a multiply-add is 2 FLOPs); params are the deployed"
                        + " model's (the student's projection heads are training-only and not counted).",
                "semantic-classifier row: the SC needs the teacher's representations, so its params, FLOPs and"
                        + " latency are teacher + SC.",
                String.format(Locale.ROOT, "latency: batch 1, p50/p95 over timed calls after warm-up, DJL PyTorch"
                        + " CPU, %s thread(s); throughput at batch %d.",
                        System.getProperty("ai.djl.pytorch.num_threads", "default"), throughputBatch)));
        if (results.keySet().stream().anyMatch(k -> k.endsWith("@validation-selected"))) {
            notes.add("<strategy>@validation-selected: per (fold, seed), the grid point (temperature, alpha) whose"
                    + " student scored the highest validation macro-F1, with that student's test macro-F1 (model"
                    + " selection on validation data; picking the best test row of a grid would not be).");
        }
        List<Double> spread = teacherSeedSpread();
        if (!spread.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "teacher seed-to-seed spread (training.teacher.seeds): sample std of"
                    + " test macro-F1 over a fold's teacher seeds, mean over folds %.4f (per fold: %s); the students"
                    + " learn from seed 0.", spread.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    String.join(", ", spread.stream().map(v -> String.format(Locale.ROOT, "%.4f", v)).toList())));
        }
        return new ComparisonTable(title, rows, comparisons(), folds(), notes);
    }

    /** Width of a student row: recorded, or read from its {@code w=} name part (validation-selected rows). */
    private double widthOf(String strategy) {
        Double w = widthByStudent.get(strategy);
        if (w != null) {
            return w;
        }
        String part = StudentVariants.widthPart(strategy);
        return part.isEmpty() ? 1.0 : Double.parseDouble(part.substring(2));
    }

    /** Teacher, SC, baselines, then students in the order added. */
    private List<Entry> ordered() {
        List<Entry> out = new ArrayList<>();
        for (String model : List.of("teacher", "semantic-classifier", "baseline", "student")) {
            for (Entry e : results.values()) {
                if (e.model().equals(model)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private List<PairedComparison> comparisons() {
        List<PairedComparison> out = new ArrayList<>();
        Entry teacher = find(TEACHER);
        Entry baseline = find("baseline [" + BaselineTask.STUDENT_CHANNELS + "]");
        List<Entry> students = results.values().stream().filter(e -> e.model().equals("student")).toList();
        for (Entry s : students) {
            Entry none = noKdOf(s);
            if (none != null && s != none) {
                out.add(paired(s, none, false));
            }
        }
        Entry contextBaseline = find("baseline [" + BaselineTask.STUDENT_CHANNELS_CONTEXT + "]");
        for (Entry s : students) {
            if (baseline != null) {
                out.add(paired(s, baseline, true));
            }
        }
        for (Entry s : students) {
            if (contextBaseline != null) {
                out.add(paired(s, contextBaseline, true));
            }
        }
        for (Entry s : students) {
            if (teacher != null) {
                out.add(paired(s, teacher, true));
            }
        }
        return out;
    }

    /**
     * The no-KD student a student row is judged against: {@code student [none]}, or in a size
     * sweep the {@code none} student of the same width ({@code none@w=0.5} for
     * {@code sc-logit@T=2,w=0.5}); null if that row is absent.
     */
    private Entry noKdOf(Entry s) {
        String part = StudentVariants.widthPart(s.strategy());
        return find(part.isEmpty() ? NO_KD : "student [none@" + part + "]");
    }

    private Entry find(String label) {
        return results.values().stream().filter(e -> e.label().equals(label)).findFirst().orElse(null);
    }

    /**
     * Pairs the candidate's results with the reference's. Student against student
     * ({@code perFold} false): the same (fold, seed), since student seed k of every strategy
     * shares its initial weights and batch order. Against a model with its own seeds per fold
     * (teacher, baselines: {@code perFold} true): each model's mean over its seeds in a fold, one
     * pair per fold, because only folds are independent there (pairing one teacher score with
     * every student seed would count the same teacher result several times and narrow the
     * interval without evidence).
     */
    private static PairedComparison paired(Entry candidate, Entry reference, boolean perFold) {
        List<Double> cand = new ArrayList<>();
        List<Double> ref = new ArrayList<>();
        if (perFold) {
            Map<Integer, double[]> c = foldMeans(candidate);
            Map<Integer, double[]> r = foldMeans(reference);
            for (Map.Entry<Integer, double[]> e : c.entrySet()) {
                double[] rv = r.get(e.getKey());
                if (rv != null) {
                    cand.add(e.getValue()[0] / e.getValue()[1]);
                    ref.add(rv[0] / rv[1]);
                }
            }
        } else {
            for (Map.Entry<Long, Score> e : candidate.byFoldSeed().entrySet()) {
                Score r = reference.byFoldSeed().get(e.getKey());
                if (r != null) {
                    cand.add(e.getValue().macroF1());
                    ref.add(r.macroF1());
                }
            }
        }
        return PairedComparison.of(candidate.label(), reference.label(),
                cand.stream().mapToDouble(Double::doubleValue).toArray(),
                ref.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Per fold (in fold order): {sum of macro-F1 over the entry's seeds, seed count}. */
    private static Map<Integer, double[]> foldMeans(Entry e) {
        Map<Integer, double[]> out = new TreeMap<>();
        e.byFoldSeed().forEach((k, v) -> {
            double[] acc = out.computeIfAbsent((int) (k >>> 32), x -> new double[2]);
            acc[0] += v.macroF1();
            acc[1]++;
        });
        return out;
    }

    /**
     * The teacher's seed-to-seed spread when it has several seeds in a fold: per fold the sample
     * standard deviation of test macro-F1 over its seeds; empty with one seed per fold.
     */
    List<Double> teacherSeedSpread() {
        Entry teacher = find(TEACHER);
        List<Double> out = new ArrayList<>();
        if (teacher == null) {
            return out;
        }
        Map<Integer, List<Double>> byFold = new TreeMap<>();
        teacher.byFoldSeed().forEach((k, v) -> byFold.computeIfAbsent((int) (k >>> 32), x -> new ArrayList<>())
                .add(v.macroF1()));
        for (List<Double> v : byFold.values()) {
            if (v.size() < 2) {
                return List.of();
            }
            double m = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double ss = v.stream().mapToDouble(x -> (x - m) * (x - m)).sum();
            out.add(Math.sqrt(ss / (v.size() - 1)));
        }
        return out;
    }

    private List<FoldScores> folds() {
        List<FoldScores> out = new ArrayList<>();
        for (int f = 0; f < heldOut.size(); f++) {
            Map<String, Double> byModel = new LinkedHashMap<>();
            for (Entry e : ordered()) {
                int fold = f;
                double[] v = e.byFoldSeed().entrySet().stream().filter(x -> (x.getKey() >>> 32) == fold)
                        .mapToDouble(x -> x.getValue().macroF1()).toArray();
                if (v.length > 0) {
                    byModel.put(e.label(), java.util.Arrays.stream(v).average().orElse(Double.NaN));
                }
            }
            out.add(new FoldScores("fold-" + f, heldOut.get(f), byModel));
        }
        return out;
    }

    private static double mean(Entry e, boolean f1) {
        return e.byFoldSeed().values().stream().mapToDouble(r -> f1 ? r.macroF1() : r.accuracy()).average()
                .orElse(Double.NaN);
    }

    private static double std(Entry e, boolean f1) {
        int n = e.byFoldSeed().size();
        if (n < 2) {
            return 0;
        }
        double m = mean(e, f1);
        double ss = e.byFoldSeed().values().stream().mapToDouble(r -> {
            double d = (f1 ? r.macroF1() : r.accuracy()) - m;
            return d * d;
        }).sum();
        return Math.sqrt(ss / (n - 1));
    }
}
