package org.tsak.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tsak.report.EpochPoint;

/**
 * One training stage's curves: training loss (top) and validation macro-F1 (bottom) per epoch,
 * one line per model of the stage (the students: one per strategy).
 */
public final class TrainingCurvesChart {

    /** Image width. */
    public static final int WIDTH_PX = 900;
    /** Image height. */
    public static final int HEIGHT_PX = 500;

    private TrainingCurvesChart() {
    }

    /**
     * @param title   chart title
     * @param curves  line label to its epoch history, in legend order
     * @param colors  one colour per line, parallel to {@code curves}
     */
    public static JFreeChart chart(String title, Map<String, List<EpochPoint>> curves, List<Color> colors) {
        ChartPng.init();
        XYSeriesCollection loss = new XYSeriesCollection();
        XYSeriesCollection f1 = new XYSeriesCollection();
        for (Map.Entry<String, List<EpochPoint>> c : curves.entrySet()) {
            XYSeries l = new XYSeries(c.getKey());
            XYSeries v = new XYSeries(c.getKey());
            for (EpochPoint e : c.getValue()) {
                if (Double.isFinite(e.trainLoss())) {
                    l.add(e.epoch(), e.trainLoss());
                }
                if (Double.isFinite(e.validationF1())) {
                    v.add(e.epoch(), e.validationF1());
                }
            }
            loss.addSeries(l);
            f1.addSeries(v);
        }
        NumberAxis epoch = new NumberAxis("epoch");
        epoch.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis lossAxis = new NumberAxis("training loss");
        lossAxis.setAutoRangeIncludesZero(false);
        NumberAxis f1Axis = new NumberAxis("validation macro-F1");
        f1Axis.setAutoRangeIncludesZero(true);
        XYPlot lossPlot = new XYPlot(loss, null, lossAxis, renderer(colors, true));
        XYPlot f1Plot = new XYPlot(f1, null, f1Axis, renderer(colors, false));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epoch);
        plot.setGap(12);
        plot.add(lossPlot, 1);
        plot.add(f1Plot, 1);
        ChartPng.style(lossPlot);
        ChartPng.style(f1Plot);
        JFreeChart chart = new JFreeChart(title, ChartPng.TITLE, plot, true);
        ChartPng.styled(chart);
        epoch.setLabelFont(ChartPng.LABEL);
        epoch.setTickLabelFont(ChartPng.SMALL);
        return chart;
    }

    private static XYLineAndShapeRenderer renderer(List<Color> colors, boolean legend) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < colors.size(); i++) {
            r.setSeriesPaint(i, colors.get(i));
            r.setSeriesStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
            r.setSeriesVisibleInLegend(i, legend);
        }
        return r;
    }

    /** Renders {@link #chart} to a PNG. */
    public static PlotImage render(String fileName, String title, Map<String, List<EpochPoint>> curves,
            List<Color> colors) {
        return new PlotImage(fileName, title, "Training loss and validation macro-F1 per epoch: "
                + String.join(", ", curves.keySet()), ChartPng.png(chart(title, curves, colors), WIDTH_PX,
                        HEIGHT_PX), WIDTH_PX, HEIGHT_PX);
    }
}
