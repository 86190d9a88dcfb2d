package org.tsak.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.tsak.eval.PairedComparison;
import org.tsak.report.plot.PairedChangeChart;
import org.tsak.report.plot.PlotImage;

class PairedChangeChartTest {

    private static final double[] NONE = {0.58, 0.55, 0.62, 0.60, 0.57, 0.59};

    @Test
    void colouredByVerdictOnePanelPerReferenceAndEdgeCasesDrawn() throws Exception {
        List<PairedComparison> comparisons = List.of(
                PairedComparison.of("student [sc-logit]", "student [none]",
                        new double[] {0.60, 0.58, 0.645, 0.635, 0.585, 0.63}, NONE),
                PairedComparison.of("student [logit]", "student [none]",
                        new double[] {0.61, 0.56, 0.60, 0.65, 0.61, 0.65}, NONE),
                PairedComparison.of("student [combi-rep]", "student [none]", new double[0], new double[0]),
                PairedComparison.of("student [none]", "teacher", NONE, new double[] {0.99, 0.98, 0.97, 0.99, 0.98,
                        0.99}),
                PairedComparison.of("student [logit]", "teacher", new double[] {0.6}, new double[] {0.9}));
        PlotImage p = PairedChangeChart.render("paired-change.png", comparisons);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(p.png()));
        assertNotNull(img);
        assertEquals(PairedChangeChart.WIDTH_PX, img.getWidth());
        assertEquals(PairedChangeChart.heightPx(comparisons), img.getHeight());
        assertEquals(p.heightPx(), img.getHeight());
        // two panels (3 + 2 rows), the legend under the second: 110 + 3·34 + 110 + 2·34 + 30
        assertEquals(420, img.getHeight());
        int green = count(img, 0x2CA02C);
        int red = count(img, 0xD62728);
        int grey = count(img, 0x7F7F7F);
        assertTrue(green > 100, "the better comparison's bar and point are green: " + green + " pixels");
        assertTrue(red > 100, "the worse comparison's bar and point are red: " + red + " pixels");
        assertTrue(grey > 100, "the not significant ones are grey: " + grey + " pixels");
        assertTrue(p.altText().contains("student [logit] vs student [none] +0.0283 [-0.0024, +0.0590] n=6"
                + " not significant"), p.altText());
        assertTrue(p.altText().contains("student [combi-rep] vs student [none] no pairs"), p.altText());
    }

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
