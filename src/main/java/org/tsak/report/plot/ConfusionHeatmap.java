package org.tsak.report.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.tsak.data.Operations;

/**
 * A confusion matrix as a heatmap: truth rows top to bottom, predicted columns left to right,
 * colour = the row-normalised share (white 0 to dark blue 1), the count written in each
 * non-empty cell. Rows without any truth second (Null is never scored) are grey.
 */
public final class ConfusionHeatmap {

    /** Image width. */
    public static final int WIDTH_PX = 620;
    /** Image height. */
    public static final int HEIGHT_PX = 560;

    private static final Color EMPTY_ROW = new Color(0xEEEEEE);

    private ConfusionHeatmap() {
    }

    /** Row-normalised shares: count / row total, NaN for a row whose total is 0. */
    public static double[][] rowShares(long[][] counts) {
        double[][] out = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            long total = 0;
            for (long c : counts[i]) {
                total += c;
            }
            out[i] = new double[counts[i].length];
            for (int j = 0; j < counts[i].length; j++) {
                out[i][j] = total == 0 ? Double.NaN : (double) counts[i][j] / total;
            }
        }
        return out;
    }

    /**
     * @param title    chart title
     * @param counts   rows truth, columns prediction
     * @param classIds operation ids of rows and columns
     */
    public static JFreeChart chart(String title, long[][] counts, List<Integer> classIds) {
        ChartPng.init();
        int n = classIds.size();
        double[][] shares = rowShares(counts);
        double[] xs = new double[n * n];
        double[] ys = new double[n * n];
        double[] zs = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                xs[i * n + j] = j;
                ys[i * n + j] = i;
                zs[i * n + j] = shares[i][j];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("share", new double[][] {xs, ys, zs});
        String[] names = classIds.stream().map(id -> id == Operations.NULL_ID ? "Null" : String.valueOf(id))
                .toArray(String[]::new);
        SymbolAxis x = new SymbolAxis("predicted operation", names);
        x.setGridBandsVisible(false);
        SymbolAxis y = new SymbolAxis("true operation", names);
        y.setGridBandsVisible(false);
        y.setInverted(true);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(new ShareScale());
        XYPlot plot = new XYPlot(data, x, y, r);
        Font cellFont = new Font("SansSerif", Font.PLAIN, 10);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (counts[i][j] > 0) {
                    XYTextAnnotation a = new XYTextAnnotation(String.valueOf(counts[i][j]), j, i);
                    a.setFont(cellFont);
                    a.setTextAnchor(TextAnchor.CENTER);
                    a.setPaint(shares[i][j] > 0.55 ? Color.WHITE : Color.BLACK);
                    plot.addAnnotation(a);
                }
            }
        }
        JFreeChart chart = ChartPng.styled(new JFreeChart(title, ChartPng.TITLE, plot, false));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return chart;
    }

    /** Renders {@link #chart} to a PNG. */
    public static PlotImage render(String fileName, String title, long[][] counts, List<Integer> classIds,
            String altText) {
        return new PlotImage(fileName, title, altText, ChartPng.png(chart(title, counts, classIds), WIDTH_PX,
                HEIGHT_PX), WIDTH_PX, HEIGHT_PX);
    }

    /** White (0) to dark blue (1); NaN (a row without truth) light grey. */
    private static final class ShareScale implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return EMPTY_ROW;
            }
            double t = Math.max(0, Math.min(1, value));
            return new Color((int) Math.round(255 + t * (8 - 255)), (int) Math.round(255 + t * (48 - 255)),
                    (int) Math.round(255 + t * (107 - 255)));
        }
    }
}
