package org.tsak.report.plot;

import java.awt.Color;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.tsak.data.Operations;

/**
 * Per-class test F1 as grouped bars: the ten operations on x (by id; the report's legend names
 * them), one bar series per model, students averaged over seeds and folds.
 */
public final class PerClassF1Chart {

    /** Image width. */
    public static final int WIDTH_PX = 900;
    /** Image height. */
    public static final int HEIGHT_PX = 500;

    private PerClassF1Chart() {
    }

    /**
     * @param f1BySeries series label to (operation id to F1), in legend order; series colours
     *                   follow {@code colors}
     * @param colors     one colour per series, parallel to the map's order
     */
    public static JFreeChart chart(Map<String, Map<Integer, Double>> f1BySeries, List<Color> colors) {
        ChartPng.init();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, Map<Integer, Double>> s : f1BySeries.entrySet()) {
            for (int id : Operations.OPERATION_IDS) {
                Double f1 = s.getValue().get(id);
                data.addValue(f1 == null ? 0.0 : f1, s.getKey(), String.valueOf(id));
            }
        }
        CategoryAxis x = new CategoryAxis("operation id (names in the legend of operations)");
        x.setCategoryMargin(0.25);
        NumberAxis y = new NumberAxis("test F1");
        y.setRange(0, 1.0);
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.02);
        for (int i = 0; i < colors.size(); i++) {
            r.setSeriesPaint(i, colors.get(i));
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        return ChartPng.styled(new JFreeChart("Per-class F1 by model (students: mean over seeds)", ChartPng.TITLE,
                plot, true));
    }

    /** Renders {@link #chart} to a PNG. */
    public static PlotImage render(String fileName, Map<String, Map<Integer, Double>> f1BySeries,
            List<Color> colors) {
        return new PlotImage(fileName, "Per-class F1", "Grouped bars of test F1 for each of the ten operations,"
                + " one bar per model: " + String.join(", ", f1BySeries.keySet()),
                ChartPng.png(chart(f1BySeries, colors), WIDTH_PX, HEIGHT_PX), WIDTH_PX, HEIGHT_PX);
    }
}
