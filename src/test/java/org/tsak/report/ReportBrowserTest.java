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
 * every image decoded (naturalWidth > 0) and that the comparison table exists. Skipped, with a
 * message, where Chromium is not installed ({@code apt-get install chromium}).
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
              document.getElementById('result').textContent = 'images-loaded=' + ok + ' images-total='
                  + imgs.length + ' comparison=' + (document.getElementById('comparison') !== null);
            });
            </script>
            """;

    @Test
    void chromiumLoadsEveryImageAndTheTableAndRendersAPage(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (" + CHROMIUM
                + " missing): browser test skipped; install it with `apt-get install -y chromium chromium-driver`");
        Path run = TinyRun.copy(tmp.resolve("run"));
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
        String dom = chromium(tmp, "profile-dom", "--virtual-time-budget=5000", "--dump-dom",
                probe.toUri().toString());
        Matcher m = Pattern.compile("<pre id=\"result\">images-loaded=(\\d+) images-total=(\\d+)"
                + " comparison=(true|false)</pre>").matcher(dom);
        assertTrue(m.find(), "probe result not in the dumped DOM (did the load event fire?):\n"
                + dom.substring(0, Math.min(500, dom.length())));
        assertEquals(10, Integer.parseInt(m.group(2)), "images in the page");
        assertEquals(m.group(2), m.group(1), "images that Chromium decoded");
        assertEquals("true", m.group(3), "#comparison table present");
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
