package org.tsak.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tsak.report.ComparisonRow;

/**
 * Macro-F1 against a cost (FLOPs per window or batch-1 latency) on a log axis, one labelled
 * point per table row, the efficiency frontier ({@link ParetoFrontier}) drawn as a dashed line.
 * Labels of points at nearly the same place (students share an architecture, so their cost is
 * the same) are spread apart vertically and tied to their point by a thin line.
 */
public final class CostAccuracyChart {

    /** Image width. */
    public static final int WIDTH_PX = 900;
    /** Image height. */
    public static final int HEIGHT_PX = 500;

    private CostAccuracyChart() {
    }

    /**
     * @param rows      the comparison table's rows
     * @param cost      the cost of a row (must be positive for the log axis)
     * @param costLabel x axis label with unit
     * @param title     chart title
     */
    public static JFreeChart chart(List<ComparisonRow> rows, ToDoubleFunction<ComparisonRow> cost, String costLabel,
            String title) {
        ChartPng.init();
        XYSeries teacher = new XYSeries("teacher");
        XYSeries sc = new XYSeries("semantic classifier (with teacher)");
        XYSeries students = new XYSeries("students");
        List<ParetoFrontier.Point> points = new ArrayList<>();
        for (ComparisonRow r : rows) {
            double x = cost.applyAsDouble(r);
            if (!(x > 0) || Double.isNaN(r.macroF1())) {
                continue;
            }
            points.add(new ParetoFrontier.Point(r.label(), x, r.macroF1()));
            (r.model().equals("teacher") ? teacher : r.model().equals("student") ? students : sc).add(x, r.macroF1());
        }
        XYSeries frontier = new XYSeries("efficiency frontier", false);
        for (ParetoFrontier.Point p : ParetoFrontier.of(points)) {
            frontier.add(p.cost(), p.score());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(frontier);
        data.addSeries(teacher);
        data.addSeries(sc);
        data.addSeries(students);

        double minX = points.stream().mapToDouble(ParetoFrontier.Point::cost).min().orElse(1);
        double maxX = points.stream().mapToDouble(ParetoFrontier.Point::cost).max().orElse(10);
        double minY = points.stream().mapToDouble(ParetoFrontier.Point::score).min().orElse(0);
        double maxY = points.stream().mapToDouble(ParetoFrontier.Point::score).max().orElse(1);
        double ySpan = Math.max(maxY - minY, 0.05);
        double yLo = Math.max(0, minY - 0.12 * ySpan);
        double yHi = Math.min(1.0, maxY + 0.12 * ySpan);
        if (yHi - yLo < 0.05) {
            yHi = yLo + 0.05;
        }

        LogAxis x = new LogAxis(costLabel);
        x.setSmallestValue(1e-9);
        double logLo = Math.log10(minX);
        double logHi = Math.log10(maxX);
        double logSpan = Math.max(logHi - logLo, 0.5);
        x.setRange(Math.pow(10, logLo - 0.3 * logSpan), Math.pow(10, logHi + 0.3 * logSpan));
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
        NumberAxis y = new NumberAxis("test macro-F1");
        y.setRange(yLo, yHi);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, true);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(0, new Color(0x2CA02C));
        renderer.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {7f, 5f}, 0f));
        Color[] colors = {SeriesColors.TEACHER, SeriesColors.SC, SeriesColors.student(0)};
        for (int s = 1; s <= 3; s++) {
            renderer.setSeriesLinesVisible(s, false);
            renderer.setSeriesShapesVisible(s, true);
            renderer.setSeriesShape(s, new Ellipse2D.Double(-5, -5, 10, 10));
            renderer.setSeriesPaint(s, colors[s - 1]);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        addLabels(plot, points, logLo - 0.3 * logSpan, logHi + 0.3 * logSpan, yLo, yHi);
        return ChartPng.styled(new JFreeChart(title, ChartPng.TITLE, plot, true));
    }

    /** Renders {@link #chart} to a PNG. */
    public static PlotImage render(String fileName, List<ComparisonRow> rows, ToDoubleFunction<ComparisonRow> cost,
            String costLabel, String title, String altText) {
        return new PlotImage(fileName, title, altText,
                ChartPng.png(chart(rows, cost, costLabel, title), WIDTH_PX, HEIGHT_PX), WIDTH_PX, HEIGHT_PX);
    }

    /**
     * Labels each point, right of it (left of it in the right third of the axis). Points whose
     * log cost lies within 8% of the axis span form a column; a column's labels keep at least
     * 5.5% of the y span apart.
     */
    private static void addLabels(XYPlot plot, List<ParetoFrontier.Point> points, double logLo, double logHi,
            double yLo, double yHi) {
        double logSpan = logHi - logLo;
        double minGap = 0.055 * (yHi - yLo);
        List<ParetoFrontier.Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> Math.log10(p.cost())));
        List<List<ParetoFrontier.Point>> columns = new ArrayList<>();
        for (ParetoFrontier.Point p : sorted) {
            List<ParetoFrontier.Point> last = columns.isEmpty() ? null : columns.get(columns.size() - 1);
            if (last != null && Math.log10(p.cost()) - Math.log10(last.get(0).cost()) < 0.08 * logSpan) {
                last.add(p);
            } else {
                columns.add(new ArrayList<>(List.of(p)));
            }
        }
        for (List<ParetoFrontier.Point> column : columns) {
            column.sort(Comparator.comparingDouble(ParetoFrontier.Point::score));
            double[] labelY = new double[column.size()];
            for (int i = 0; i < labelY.length; i++) {
                labelY[i] = column.get(i).score();
                if (i > 0 && labelY[i] - labelY[i - 1] < minGap) {
                    labelY[i] = labelY[i - 1] + minGap;
                }
            }
            double overflow = labelY[labelY.length - 1] - (yHi - 0.02 * (yHi - yLo));
            if (overflow > 0) {
                for (int i = 0; i < labelY.length; i++) {
                    labelY[i] -= overflow;
                }
            }
            double colLog = Math.log10(column.get(0).cost());
            boolean left = colLog > logLo + 0.62 * logSpan;
            for (int i = 0; i < labelY.length; i++) {
                ParetoFrontier.Point p = column.get(i);
                double labelX = Math.pow(10, Math.log10(p.cost()) + (left ? -1 : 1) * 0.035 * logSpan);
                XYTextAnnotation a = new XYTextAnnotation(p.label() + String.format(java.util.Locale.ROOT,
                        " (%.3f)", p.score()), labelX, labelY[i]);
                a.setFont(ChartPng.SMALL);
                a.setTextAnchor(left ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
                plot.addAnnotation(a);
                if (Math.abs(labelY[i] - p.score()) > 1e-12) {
                    plot.addAnnotation(new XYLineAnnotation(p.cost(), p.score(), labelX, labelY[i],
                            new BasicStroke(0.6f), new Color(0x999999)));
                }
            }
        }
    }
}
