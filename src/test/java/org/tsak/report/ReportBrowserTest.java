package org.tsak.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium (a plain process, no network): a screenshot must show
 * a non-blank page, and a copy of the page with a probe script must report, after load, that
 * every image decoded (naturalWidth > 0) and that the comparison table exists; the same probe
 * measures the layout at 800, 1280 and 1400 px wide windows: no table cell may lie beyond the
 * viewport's right edge unless it sits in a horizontally scrolling container that itself fits,
 * the page never scrolls sideways, the tables' first column stays in view while they scroll,
 * and at 1280 px and more the comparison table shows whole. The report is built from
 * {@link WideRun} (baseline rows, paired comparisons, per-fold scores). Skipped, with a message,
 * where Chromium is not installed ({@code apt-get install chromium}).
 */
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final String PROBE = """
            <pre id="result">pending</pre>
            <script>
            window.addEventListener('load', function () {
              var imgs = document.images, ok = 0;
              for (var i = 0; i < imgs.length; i++) {
                if (imgs[i].complete && imgs[i].naturalWidth > 0) { ok++; }
              }
              var vw = document.documentElement.clientWidth, outside = [], cells = document.querySelectorAll('td, th');
              for (var c = 0; c < cells.length; c++) {
                if (cells[c].getBoundingClientRect().right <= vw + 0.5) { continue; }
                var p = cells[c].parentElement, scrolled = false;
                while (p && p !== document.body) {
                  var ox = getComputedStyle(p).overflowX;
                  if ((ox === 'auto' || ox === 'scroll') && p.getBoundingClientRect().right <= vw + 0.5) {
                    scrolled = true;
                    break;
                  }
                  p = p.parentElement;
                }
                if (!scrolled) { outside.push(cells[c].textContent.trim().substring(0, 40)); }
              }
              var cmp = document.getElementById('comparison');
              var wrap = cmp === null ? null : cmp.parentElement;
              var whole = wrap !== null && wrap.scrollWidth <= wrap.clientWidth;
              var sticky = true, firsts = document.querySelectorAll('.table-wrap td:first-child');
              for (var f = 0; f < firsts.length; f++) {
                sticky = sticky && getComputedStyle(firsts[f]).position === 'sticky';
              }
              document.getElementById('result').textContent = 'images-loaded=' + ok + ' images-total='
                  + imgs.length + ' comparison=' + (cmp !== null) + ' viewport=' + vw + ' page-overflow='
                  + (document.documentElement.scrollWidth > vw) + ' comparison-whole=' + whole + ' sticky-first='
                  + (sticky && firsts.length > 0) + ' cells=' + cells.length + ' outside=' + outside.length
                  + ' [' + outside.join(' | ') + ']';
            });
            </script>
            """;

    private static final Pattern RESULT = Pattern.compile("<pre id=\"result\">images-loaded=(\\d+)"
            + " images-total=(\\d+) comparison=(true|false) viewport=(\\d+) page-overflow=(true|false)"
            + " comparison-whole=(true|false) sticky-first=(true|false) cells=(\\d+) outside=(\\d+) \\[(.*?)\\]</pre>",
            Pattern.DOTALL);

    @Test
    void chromiumLoadsEveryImageAndTheTablesAndNoCellIsCutOffAtCommonWidths(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (" + CHROMIUM
                + " missing): browser test skipped; install it with `apt-get install -y chromium chromium-driver`");
        Path run = tmp.resolve("run");
        WideRun.copy(run);
        Path html = HtmlReportWriter.write(run, null);

        Path shot = tmp.resolve("shot.png");
        chromium(tmp, "profile-shot", "--screenshot=" + shot, "--window-size=1400,3000", html.toUri().toString());
        assertTrue(Files.exists(shot), "Chromium wrote no screenshot");
        BufferedImage img = ImageIO.read(shot.toFile());
        assertNotNull(img, "screenshot is not a PNG");
        assertEquals(1400, img.getWidth());
        assertTrue(lumaStd(img) > 10, "screenshot looks blank: luma std " + lumaStd(img));

        String page = Files.readString(html, StandardCharsets.UTF_8);
        Path probe = html.resolveSibling("probe.html");
        Files.writeString(probe, page.replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);
        for (int width : new int[] {1400, 1280, 800}) {
            String dom = chromium(tmp, "profile-dom-" + width, "--virtual-time-budget=5000",
                    "--window-size=" + width + ",900", "--dump-dom", probe.toUri().toString());
            Matcher m = RESULT.matcher(dom);
            assertTrue(m.find(), "probe result not in the dumped DOM (did the load event fire?):\n"
                    + dom.substring(Math.max(0, dom.indexOf("<pre id=\"result\">")), Math.min(dom.length(),
                            Math.max(0, dom.indexOf("<pre id=\"result\">")) + 500)));
            String at = width + " px: ";
            assertEquals(12, Integer.parseInt(m.group(2)), at + "images in the page (11 plots and the paired"
                    + " changes)");
            assertEquals(m.group(2), m.group(1), at + "images that Chromium decoded");
            assertEquals("true", m.group(3), at + "#comparison table present");
            int viewport = Integer.parseInt(m.group(4));
            assertTrue(viewport > width - 30 && viewport <= width, at + "the window's viewport is " + viewport);
            assertEquals("false", m.group(5), at + "the page scrolls sideways");
            assertTrue(Integer.parseInt(m.group(8)) > 100, at + "table cells measured: " + m.group(8));
            assertEquals("0", m.group(9), at + "cells beyond the right edge outside a scroll container: "
                    + m.group(10));
            assertEquals("true", m.group(7), at + "the tables' first column is sticky");
            if (width >= 1280) {
                assertEquals("true", m.group(6), at + "the comparison table must show whole, without scrolling");
            }
        }
    }

    /** Runs Chromium headless, offline-minded, with its own profile; returns stdout. */
    private static String chromium(Path tmp, String profile, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + tmp.resolve(profile)));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve(profile + ".out");
        Path err = tmp.resolve(profile + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 90 s: " + cmd);
        }
        assertEquals(0, p.exitValue(), "Chromium failed: " + Files.readString(err));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static double lumaStd(BufferedImage img) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                int rgb = img.getRGB(x, y);
                double l = 0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255);
                sum += l;
                sq += l * l;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sq / n - mean * mean));
    }
}
