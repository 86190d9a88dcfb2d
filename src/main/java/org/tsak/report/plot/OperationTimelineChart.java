package org.tsak.report.plot;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.tsak.data.Operations;
import org.tsak.eval.TimedPredictions;

/**
 * A timeline of one session: one lane per source (the truth first, then models' predictions),
 * each second coloured by its operation, time in seconds from the session's first scored
 * second. Seconds missing from a lane stay blank.
 */
public final class OperationTimelineChart {

    /** Image width. */
    public static final int WIDTH_PX = 900;
    /** Image height. */
    public static final int HEIGHT_PX = 420;

    /**
     * A run of equal operations in one lane.
     *
     * @param startSeconds first second, from the session start
     * @param endSeconds   end (exclusive), seconds
     * @param operationId  the operation
     */
    public record Segment(double startSeconds, double endSeconds, int operationId) {
    }

    private OperationTimelineChart() {
    }

    /**
     * Runs of equal operation over consecutive seconds: a new segment starts where the
     * operation changes or the time jumps by more than 1.5 s.
     *
     * @param lane   1 Hz operation ids with their unixtime ms
     * @param zeroMs unixtime ms that maps to 0 s
     */
    public static List<Segment> segments(TimedPredictions lane, long zeroMs) {
        long[] t = lane.timestampsMs();
        int[] ids = lane.operationIds();
        List<Segment> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= t.length; i++) {
            if (i == t.length || ids[i] != ids[start] || t[i] - t[i - 1] > 1500) {
                out.add(new Segment((t[start] - zeroMs) / 1000.0, (t[i - 1] - zeroMs) / 1000.0 + 1.0, ids[start]));
                start = i;
            }
        }
        return out;
    }

    /**
     * @param title chart title
     * @param lanes lane label to its 1 Hz operations, truth first; top to bottom
     */
    public static JFreeChart chart(String title, Map<String, TimedPredictions> lanes) {
        ChartPng.init();
        long zero = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (TimedPredictions p : lanes.values()) {
            long[] t = p.timestampsMs();
            if (t.length > 0) {
                zero = Math.min(zero, t[0]);
                end = Math.max(end, t[t.length - 1]);
            }
        }
        if (zero == Long.MAX_VALUE) {
            zero = 0;
            end = 0;
        }
        NumberAxis x = new NumberAxis("time in session (s)");
        x.setRange(0, Math.max(1.0, (end - zero) / 1000.0 + 1.0));
        // lane i (truth first) sits at y = n - 1 - i so the truth is on top; an inverted axis
        // would give the boxes a negative height, which Java2D does not fill
        List<String> bottomUp = new ArrayList<>(lanes.keySet());
        java.util.Collections.reverse(bottomUp);
        String[] names = bottomUp.toArray(String[]::new);
        SymbolAxis y = new SymbolAxis(null, names);
        y.setGridBandsVisible(false);
        y.setRange(-0.6, names.length - 0.4);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), x, y, new XYLineAndShapeRenderer());
        TreeSet<Integer> present = new TreeSet<>();
        int lane = names.length - 1;
        for (TimedPredictions p : lanes.values()) {
            for (Segment s : segments(p, zero)) {
                plot.addAnnotation(new XYBoxAnnotation(s.startSeconds(), lane - 0.36, s.endSeconds(), lane + 0.36,
                        null, null, OperationColors.of(s.operationId())));
                present.add(Operations.indexOf(s.operationId()));
            }
            lane--;
        }
        LegendItemCollection legend = new LegendItemCollection();
        for (int index : present) {
            int id = Operations.idOf(index);
            LegendItem item = new LegendItem(id + " " + Operations.nameOf(id), null, null, null,
                    new Rectangle(-5, -5, 10, 10), OperationColors.of(id));
            legend.add(item);
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = ChartPng.styled(new JFreeChart(title, ChartPng.TITLE, plot, true));
        plot.setRangeGridlinesVisible(false);
        return chart;
    }

    /** Renders {@link #chart} to a PNG. */
    public static PlotImage render(String fileName, String title, Map<String, TimedPredictions> lanes,
            String altText) {
        return new PlotImage(fileName, title, altText, ChartPng.png(chart(title, lanes), WIDTH_PX, HEIGHT_PX),
                WIDTH_PX, HEIGHT_PX);
    }
}
