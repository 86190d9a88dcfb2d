package org.tsak.report.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tsak.eval.TimedPredictions;
import org.tsak.io.AtomicFiles;
import org.tsak.report.EpochPoint;
import org.tsak.report.ModelResult;
import org.tsak.report.RunFolder;

/**
 * Every plot of a run's report, in report order: the paired changes in macro-F1 (a forest plot,
 * when the table has comparisons), macro-F1 against FLOPs and against latency,
 * per-class F1, confusion matrices of the teacher, the semantic classifier and the best student,
 * training curves per stage, and the timeline of the first test session.
 */
public final class ReportPlots {

    /** File name of the forest plot of paired changes (the report shows it beside their table). */
    public static final String PAIRED_CHANGE_FILE = "paired-change.png";

    private ReportPlots() {
    }

    /**
     * Renders all plots of the run: the paired changes first if the table has comparisons, the
     * timeline only if the run has ground-truth.json.
     */
    public static List<PlotImage> render(RunFolder run) {
        ChartPng.init();
        List<PlotImage> out = new ArrayList<>();
        if (!run.table().comparisons().isEmpty()) {
            out.add(PairedChangeChart.render(PAIRED_CHANGE_FILE, run.table().comparisons()));
        }
        var rows = run.table().rows();
        out.add(CostAccuracyChart.render("f1-vs-flops.png", rows, r -> r.flops(), "FLOPs per window (log scale)",
                "Macro-F1 vs FLOPs per window", "Scatter of test macro-F1 against FLOPs per window on a log axis,"
                        + " one labelled point per model, the efficiency frontier as a dashed line"));
        out.add(CostAccuracyChart.render("f1-vs-params.png", rows, r -> r.params(), "parameters (log scale)",
                "Macro-F1 vs parameters", "Scatter of test macro-F1 against the deployed model's parameter count on"
                        + " a log axis, one labelled point per model (a size sweep, model.student.widths, gives one"
                        + " point per width and strategy), the efficiency frontier as a dashed line"));
        out.add(CostAccuracyChart.render("f1-vs-latency.png", rows, r -> r.latencyP50Micros(),
                "batch-1 latency p50, µs (log scale)", "Macro-F1 vs latency (p50, batch 1)",
                "Scatter of test macro-F1 against median batch-1 latency on a log axis, one labelled point per"
                        + " model, the efficiency frontier as a dashed line"));
        out.add(perClass(run));
        out.add(confusion("confusion-teacher.png", "teacher", run.teacher()));
        out.add(confusion("confusion-semantic-classifier.png", "semantic classifier", run.semanticClassifier()));
        ModelResult best = run.bestStudent();
        out.add(confusion("confusion-best-student.png", "best student", best));
        out.add(curves("curves-teacher.png", "Training: teacher", Map.of("teacher", run.teacher()),
                List.of(SeriesColors.TEACHER)));
        out.add(curves("curves-semantic-classifier.png", "Training: semantic classifier (frozen teacher)",
                Map.of("semantic classifier", run.semanticClassifier()), List.of(SeriesColors.SC)));
        Map<String, ModelResult> students = new LinkedHashMap<>();
        List<Color> colors = new ArrayList<>();
        List<String> strategies = run.strategies();
        for (int i = 0; i < strategies.size(); i++) {
            String s = strategies.get(i);
            run.students(s).stream().filter(m -> m.metrics().fold() == 0).min(
                    java.util.Comparator.comparingInt(m -> m.metrics().seed())).ifPresent(m -> students.put(s, m));
            colors.add(SeriesColors.student(i));
        }
        out.add(curves("curves-students.png", "Training: students, one line per strategy (seed 0)", students,
                colors));
        Map<String, TimedPredictions> truth = run.groundTruth().get(0);
        if (truth != null && !truth.isEmpty()) {
            out.add(timeline(run, truth, best));
        }
        return out;
    }

    /** Writes each plot's PNG into {@code dir}, atomically. */
    public static void write(List<PlotImage> plots, Path dir) throws IOException {
        for (PlotImage p : plots) {
            AtomicFiles.write(dir.resolve(p.fileName()), p.png());
        }
    }

    private static PlotImage perClass(RunFolder run) {
        Map<String, Map<Integer, Double>> series = new LinkedHashMap<>();
        List<Color> colors = new ArrayList<>();
        series.put("teacher", run.teacher().metrics().perClassF1());
        colors.add(SeriesColors.TEACHER);
        series.put("semantic classifier", run.semanticClassifier().metrics().perClassF1());
        colors.add(SeriesColors.SC);
        List<String> strategies = run.strategies();
        for (int i = 0; i < strategies.size(); i++) {
            List<ModelResult> results = run.students(strategies.get(i));
            Map<Integer, Double> mean = new LinkedHashMap<>();
            for (ModelResult m : results) {
                m.metrics().perClassF1().forEach((id, f1) -> mean.merge(id, f1 / results.size(), Double::sum));
            }
            series.put("student [" + strategies.get(i) + "]", mean);
            colors.add(SeriesColors.student(i));
        }
        return PerClassF1Chart.render("per-class-f1.png", series, colors);
    }

    private static PlotImage confusion(String file, String role, ModelResult m) {
        String title = String.format(Locale.ROOT, "Confusion: %s%s (macro-F1 %.3f)", m.label(),
                m.isStudent() ? " seed " + m.metrics().seed() : "", m.metrics().macroF1());
        return ConfusionHeatmap.render(file, title, m.metrics().confusionCounts(), m.metrics().classIds(),
                "Confusion matrix of the " + role + " (" + m.label() + "): true operation rows, predicted columns,"
                        + " test-second counts, colour = share of the row");
    }

    private static PlotImage curves(String file, String title, Map<String, ModelResult> models,
            List<Color> colors) {
        Map<String, List<EpochPoint>> curves = new LinkedHashMap<>();
        models.forEach((label, m) -> curves.put(label, m.metrics().history()));
        return TrainingCurvesChart.render(file, title, curves, colors);
    }

    private static PlotImage timeline(RunFolder run, Map<String, TimedPredictions> truth, ModelResult best) {
        String session = truth.keySet().iterator().next();
        Map<String, TimedPredictions> lanes = new LinkedHashMap<>();
        lanes.put("truth", truth.get(session));
        TimedPredictions teacher = run.teacher().predictions().get(session);
        if (teacher != null) {
            lanes.put("teacher", teacher);
        }
        TimedPredictions student = best.predictions().get(session);
        String studentLane = "student [" + best.metrics().strategy() + "] seed " + best.metrics().seed();
        if (student != null) {
            lanes.put(studentLane, student);
        }
        return OperationTimelineChart.render("timeline.png", "Session " + session + ": true vs predicted"
                + " operations", lanes, "Timeline of test session " + session + ": lanes " + String.join(", ",
                        lanes.keySet()) + ", coloured by operation over time in seconds");
    }
}
