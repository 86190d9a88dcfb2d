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
import org.tsak.eval.ComparisonRow;

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

    /** Approximate plot area inside the image, for placing labels. */
    private static final double PLOT_WIDTH_PX = 800;
    private static final double PLOT_HEIGHT_PX = 370;
    /** Least vertical distance between labels of one column. */
    private static final double LABEL_GAP_PX = 17;

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
        double yHi = Math.min(1.02, maxY + 0.08 * ySpan);
        if (yHi - yLo < 0.05) {
            yHi = yLo + 0.05;
        }

        double logLo = Math.log10(minX);
        double logHi = Math.log10(maxX);
        double axisLo = Math.floor(logLo - 0.25);
        double axisHi = Math.ceil(logHi + 0.25);
        int widestLabelPx = points.stream().mapToInt(p -> labelText(p).length() * 7).max().orElse(100);
        while ((axisHi - logHi) / (axisHi - axisLo) * PLOT_WIDTH_PX < widestLabelPx + 30) {
            axisHi += 1;
        }
        LogAxis x = new LogAxis(costLabel);
        x.setSmallestValue(1e-9);
        x.setRange(Math.pow(10, axisLo), Math.pow(10, axisHi));
        x.setAutoTickUnitSelection(false);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
        x.setMinorTickCount(9);
        x.setMinorTickMarksVisible(true);
        x.setNumberFormatOverride(new SiFormat());
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
        addLabels(plot, points, axisLo, axisHi, yLo, yHi);
        JFreeChart chart = ChartPng.styled(new JFreeChart(title, ChartPng.TITLE, plot, true));
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 18));
        return chart;
    }

    /** Renders {@link #chart} to a PNG. */
    public static PlotImage render(String fileName, List<ComparisonRow> rows, ToDoubleFunction<ComparisonRow> cost,
            String costLabel, String title, String altText) {
        return new PlotImage(fileName, title, altText,
                ChartPng.png(chart(rows, cost, costLabel, title), WIDTH_PX, HEIGHT_PX), WIDTH_PX, HEIGHT_PX);
    }

    /**
     * Labels each point on its right. Points closer in x than a label's width form a column
     * whose labels keep at least {@link #LABEL_GAP_PX} apart, spread around the points' mean
     * height, each tied to its point by a thin line when moved.
     */
    private static void addLabels(XYPlot plot, List<ParetoFrontier.Point> points, double logLo, double logHi,
            double yLo, double yHi) {
        double pxPerDecade = PLOT_WIDTH_PX / (logHi - logLo);
        double minGap = LABEL_GAP_PX / PLOT_HEIGHT_PX * (yHi - yLo);
        List<ParetoFrontier.Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> Math.log10(p.cost())));
        List<List<ParetoFrontier.Point>> columns = new ArrayList<>();
        for (ParetoFrontier.Point p : sorted) {
            List<ParetoFrontier.Point> last = columns.isEmpty() ? null : columns.get(columns.size() - 1);
            if (last != null && collides(last, p, pxPerDecade, minGap)) {
                last.add(p);
            } else {
                columns.add(new ArrayList<>(List.of(p)));
            }
        }
        for (List<ParetoFrontier.Point> column : columns) {
            column.sort(Comparator.comparingDouble(ParetoFrontier.Point::score));
            double halfLabel = 8 / PLOT_HEIGHT_PX * (yHi - yLo);
            double[] labelY = spread(column.stream().mapToDouble(ParetoFrontier.Point::score).toArray(), minGap,
                    yLo + halfLabel, yHi - halfLabel);
            double labelLog = column.stream().mapToDouble(p -> Math.log10(p.cost())).max().orElseThrow()
                    + 14 / pxPerDecade;
            for (int i = 0; i < labelY.length; i++) {
                ParetoFrontier.Point p = column.get(i);
                double labelX = Math.pow(10, labelLog);
                XYTextAnnotation a = new XYTextAnnotation(labelText(p), labelX, labelY[i]);
                a.setFont(ChartPng.SMALL);
                a.setTextAnchor(TextAnchor.CENTER_LEFT);
                plot.addAnnotation(a);
                if (Math.abs(labelY[i] - p.score()) > 0.25 * minGap || column.size() > 1) {
                    plot.addAnnotation(new XYLineAnnotation(p.cost(), p.score(), labelX, labelY[i],
                            new BasicStroke(0.6f), new Color(0x999999)));
                }
            }
        }
    }

    /**
     * True if {@code p} (to the right of every point of {@code column}) sits at nearly the same x,
     * or within a column label's width and near a column point's height, where its label or
     * point would overlap the column's labels.
     */
    private static boolean collides(List<ParetoFrontier.Point> column, ParetoFrontier.Point p, double pxPerDecade,
            double minGap) {
        for (ParetoFrontier.Point q : column) {
            double dxPx = (Math.log10(p.cost()) - Math.log10(q.cost())) * pxPerDecade;
            if (dxPx < 12) {
                return true;
            }
            if (dxPx < labelText(q).length() * 7 + 20 && Math.abs(p.score() - q.score()) < 2 * minGap) {
                return true;
            }
        }
        return false;
    }

    /**
     * Label heights for sorted heights {@code ys}: at least {@code gap} apart, centred on the
     * points' mean where pushing was needed, kept within {@code [lo, hi]} where possible.
     */
    static double[] spread(double[] ys, double gap, double lo, double hi) {
        double[] out = ys.clone();
        for (int i = 1; i < out.length; i++) {
            out[i] = Math.max(out[i], out[i - 1] + gap);
        }
        double shift = 0;
        for (int i = 0; i < out.length; i++) {
            shift += ys[i] - out[i];
        }
        shift /= out.length;
        for (int i = 0; i < out.length; i++) {
            out[i] += shift;
        }
        // re-establish the gaps the centring may have broken below the lowest moved label
        for (int i = 1; i < out.length; i++) {
            out[i] = Math.max(out[i], out[i - 1] + gap);
        }
        double over = out[out.length - 1] - hi;
        if (over > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] -= over;
            }
        }
        double under = lo - out[0];
        if (under > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] += under;
            }
        }
        return out;
    }

    private static String labelText(ParetoFrontier.Point p) {
        return p.label() + String.format(java.util.Locale.ROOT, " (%.3f)", p.score());
    }

    /** Powers of ten as 100, 1k, 10k, 1M, 1G. */
    private static final class SiFormat extends java.text.NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double v, StringBuffer sb, java.text.FieldPosition pos) {
            String[] units = {"", "k", "M", "G", "T"};
            int u = 0;
            double x = v;
            while (Math.abs(x) >= 1000 && u < units.length - 1) {
                x /= 1000;
                u++;
            }
            String n = Math.abs(x - Math.rint(x)) < 1e-6 ? String.valueOf((long) Math.rint(x))
                    : String.format(java.util.Locale.ROOT, "%.3g", x);
            return sb.append(n).append(units[u]);
        }

        @Override
        public StringBuffer format(long v, StringBuffer sb, java.text.FieldPosition pos) {
            return format((double) v, sb, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("format only");
        }
    }
}
