package org.tsak.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.tsak.eval.PairedComparison;

/**
 * A forest plot of paired changes in test macro-F1, one panel per reference model (e.g. against
 * the no-KD student, against the teacher; each panel has its own x scale, so small changes are
 * not squashed by large ones), stacked in one image. A panel has one row per comparison (top to
 * bottom in table order): the mean change as a point, its 95% confidence interval as a
 * horizontal bar, a vertical line at 0, the candidate on the left and the numbers on the right.
 * Green: interval above 0 (better); red: below 0 (worse); grey: contains 0 (not significant).
 * A comparison of fewer than 2 pairs has no interval and shows its mean alone; one without
 * pairs shows no point.
 */
public final class PairedChangeChart {

    /** Image width. */
    public static final int WIDTH_PX = 1000;

    static final Color BETTER = new Color(0x2CA02C);
    static final Color WORSE = new Color(0xD62728);
    static final Color NOT_SIGNIFICANT = new Color(0x7F7F7F);

    private static final int ROW_PX = 34;
    private static final int PANEL_FRAME_PX = 110;
    private static final int LEGEND_PX = 30;

    private PairedChangeChart() {
    }

    /** The comparisons grouped by reference, references in order of first appearance. */
    static Map<String, List<PairedComparison>> byReference(List<PairedComparison> comparisons) {
        Map<String, List<PairedComparison>> groups = new LinkedHashMap<>();
        comparisons.forEach(c -> groups.computeIfAbsent(c.reference(), k -> new ArrayList<>()).add(c));
        return groups;
    }

    /** Height of one panel of {@code rows} comparisons, with or without the legend. */
    static int panelHeightPx(int rows, boolean legend) {
        return PANEL_FRAME_PX + ROW_PX * Math.max(rows, 1) + (legend ? LEGEND_PX : 0);
    }

    /** Image height for {@code comparisons}: one panel per reference, the legend under the last. */
    public static int heightPx(List<PairedComparison> comparisons) {
        List<List<PairedComparison>> groups = new ArrayList<>(byReference(comparisons).values());
        int h = 0;
        for (int i = 0; i < groups.size(); i++) {
            h += panelHeightPx(groups.get(i).size(), i == groups.size() - 1);
        }
        return Math.max(h, panelHeightPx(0, true));
    }

    /**
     * One panel: the comparisons against one reference, in their order from the top.
     *
     * @param reference the reference's label, for the title
     * @param legend    whether to show the colour legend
     */
    public static JFreeChart chart(String reference, List<PairedComparison> comparisons, boolean legend) {
        return chart(reference, comparisons, legend, null);
    }

    /** One panel whose row axes take {@code space} (null: as much as they need), to align stacked panels. */
    static JFreeChart chart(String reference, List<PairedComparison> comparisons, boolean legend, AxisSpace space) {
        ChartPng.init();
        XYIntervalSeries better = new XYIntervalSeries("better (95% CI above 0)");
        XYIntervalSeries worse = new XYIntervalSeries("worse (95% CI below 0)");
        XYIntervalSeries unclear = new XYIntervalSeries("not significant (95% CI contains 0)");
        int n = Math.max(comparisons.size(), 1);
        String[] labels = new String[n];
        String[] numbers = new String[n];
        Arrays.fill(labels, "");
        Arrays.fill(numbers, "");
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < comparisons.size(); i++) {
            PairedComparison c = comparisons.get(i);
            labels[i] = c.candidate();
            numbers[i] = numbers(c);
            if (Double.isNaN(c.meanDelta())) {
                continue;
            }
            double low = Double.isNaN(c.ciLow()) ? c.meanDelta() : c.ciLow();
            double high = Double.isNaN(c.ciHigh()) ? c.meanDelta() : c.ciHigh();
            XYIntervalSeries s = !c.significant() ? unclear : c.ciLow() > 0 ? better : worse;
            s.add(c.meanDelta(), low, high, i, i, i);
            lo = Math.min(lo, low);
            hi = Math.max(hi, high);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(better);
        data.addSeries(worse);
        data.addSeries(unclear);

        NumberAxis x = new NumberAxis("change in test macro-F1 against " + reference + " (mean, 95% CI)");
        double span = Math.max(hi - lo, 0.02);
        x.setRange(lo - 0.06 * span, hi + 0.06 * span);
        SymbolAxis left = rowAxis(labels);
        SymbolAxis right = rowAxis(numbers);

        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(true);
        r.setDrawYError(false);
        r.setCapLength(8);
        r.setErrorStroke(new BasicStroke(2.5f));
        r.setDefaultLinesVisible(false);
        r.setDefaultShapesVisible(true);
        Color[] colors = {BETTER, WORSE, NOT_SIGNIFICANT};
        for (int s = 0; s < colors.length; s++) {
            r.setSeriesPaint(s, colors[s]);
            r.setSeriesShape(s, new Ellipse2D.Double(-5, -5, 10, 10));
            r.setSeriesLinesVisible(s, false);
        }
        XYPlot plot = new XYPlot(data, x, left, r);
        plot.setRangeAxis(1, right);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.addDomainMarker(new ValueMarker(0, new Color(0x333333), new BasicStroke(1.2f)));
        ChartPng.style(plot);
        plot.setRangeGridlinesVisible(true);
        plot.setRangeGridlinePaint(new Color(0xEEEEEE));
        if (space != null) {
            plot.setFixedRangeAxisSpace(space);
        }
        JFreeChart chart = ChartPng.styled(new JFreeChart("Paired change in test macro-F1 against " + reference
                + (reference.startsWith("student") ? " over the same (fold, seed) pairs" : " (one pair per fold)"),
                ChartPng.LABEL.deriveFont(java.awt.Font.BOLD), plot, legend));
        chart.setPadding(new RectangleInsets(4, 4, 4, 10));
        return chart;
    }

    private static SymbolAxis rowAxis(String[] labels) {
        SymbolAxis a = new SymbolAxis(null, labels);
        a.setInverted(true);
        a.setGridBandsVisible(false);
        a.setRange(-0.6, labels.length - 0.4);
        a.setTickLabelFont(ChartPng.SMALL);
        return a;
    }

    /** Renders one panel per reference, stacked, to a PNG {@link #WIDTH_PX} wide and {@link #heightPx} high. */
    public static PlotImage render(String fileName, List<PairedComparison> comparisons) {
        int height = heightPx(comparisons);
        BufferedImage img = new BufferedImage(WIDTH_PX, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH_PX, height);
            List<Map.Entry<String, List<PairedComparison>>> groups = new ArrayList<>(
                    byReference(comparisons).entrySet());
            FontMetrics fm = g.getFontMetrics(ChartPng.SMALL);
            AxisSpace space = new AxisSpace();
            space.setLeft(16 + comparisons.stream().mapToInt(c -> fm.stringWidth(c.candidate())).max().orElse(0));
            space.setRight(16 + comparisons.stream().mapToInt(c -> fm.stringWidth(numbers(c))).max().orElse(0));
            int y = 0;
            for (int i = 0; i < groups.size(); i++) {
                boolean last = i == groups.size() - 1;
                int h = panelHeightPx(groups.get(i).getValue().size(), last);
                chart(groups.get(i).getKey(), groups.get(i).getValue(), last, space)
                        .draw(g, new Rectangle2D.Double(0, y, WIDTH_PX, h));
                y += h;
            }
        } finally {
            g.dispose();
        }
        StringBuilder alt = new StringBuilder("Forest plot of the paired change in test macro-F1, mean and 95%"
                + " confidence interval per comparison, a line at 0:");
        for (PairedComparison c : comparisons) {
            alt.append(' ').append(c.candidate()).append(" vs ").append(c.reference()).append(' ')
                    .append(numbers(c)).append(' ').append(c.verdict()).append(';');
        }
        return new PlotImage(fileName, "Paired change in macro-F1", alt.toString(), ChartPng.png(img), WIDTH_PX,
                height);
    }

    /** {@code +0.0130 [-0.0090, +0.0350] n=15}; the mean alone without an interval. */
    static String numbers(PairedComparison c) {
        if (Double.isNaN(c.meanDelta())) {
            return "no pairs";
        }
        String ci = Double.isNaN(c.ciLow()) ? "(no CI)" : String.format(Locale.ROOT, "[%+.4f, %+.4f]", c.ciLow(),
                c.ciHigh());
        return String.format(Locale.ROOT, "%+.4f %s n=%d", c.meanDelta(), ci, c.pairs());
    }
}
