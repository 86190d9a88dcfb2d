package org.tsak.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;

/**
 * The report's chart look (white background, light grid, readable fonts) and headless PNG
 * rendering. Loading this class switches AWT to headless mode unless the JVM already chose.
 */
public final class ChartPng {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Title font. */
    static final Font TITLE = new Font("SansSerif", Font.BOLD, 16);
    /** Axis label font. */
    static final Font LABEL = new Font("SansSerif", Font.PLAIN, 13);
    /** Tick and annotation font. */
    static final Font SMALL = new Font("SansSerif", Font.PLAIN, 11);
    /** Grid line colour. */
    static final Color GRID = new Color(0xDDDDDD);

    private ChartPng() {
    }

    /** Makes sure headless mode is set; call before building any chart. */
    public static void init() {
        // the static initialiser does the work
    }

    /** Applies the report's look to a chart. */
    static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(SMALL);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        style(chart.getPlot());
        return chart;
    }

    static void style(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0x999999));
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(new BasicStroke(0.8f));
            xy.setRangeGridlineStroke(new BasicStroke(0.8f));
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                if (xy.getDomainAxis(i) != null) {
                    xy.getDomainAxis(i).setLabelFont(LABEL);
                    xy.getDomainAxis(i).setTickLabelFont(SMALL);
                }
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                if (xy.getRangeAxis(i) != null) {
                    xy.getRangeAxis(i).setLabelFont(LABEL);
                    xy.getRangeAxis(i).setTickLabelFont(SMALL);
                }
            }
        } else if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(GRID);
            cp.getDomainAxis().setLabelFont(LABEL);
            cp.getDomainAxis().setTickLabelFont(SMALL);
            cp.getRangeAxis().setLabelFont(LABEL);
            cp.getRangeAxis().setTickLabelFont(SMALL);
        }
    }

    /** Encodes an image (e.g. several charts drawn into one) as PNG bytes. */
    static byte[] png(java.awt.image.BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a " + image.getWidth() + "x" + image.getHeight()
                    + " image as PNG", e);
        }
        return out.toByteArray();
    }

    /** Renders a chart to PNG bytes of exactly {@code widthPx} x {@code heightPx}. */
    static byte[] png(JFreeChart chart, int widthPx, int heightPx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, widthPx, heightPx);
        } catch (IOException e) {
            throw new UncheckedIOException("could not render chart '" + chart.getTitle().getText() + "'", e);
        }
        return out.toByteArray();
    }
}
