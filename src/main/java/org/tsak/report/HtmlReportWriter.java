package org.tsak.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.tsak.data.Operations;
import org.tsak.io.AtomicFiles;
import org.tsak.report.plot.OperationColors;
import org.tsak.report.plot.PlotImage;
import org.tsak.report.plot.ReportPlots;

/**
 * A run's report as one self-contained HTML page (inline CSS, every plot embedded as a base64
 * PNG data URI, nothing fetched from the network): provenance, the comparison table
 * ({@code <table id="comparison">}), its notes, the plots, the legend of operations and the
 * config. The plots are also written as PNG files to {@code <run>/report/}.
 */
public final class HtmlReportWriter {

    /** Folder of the report inside a run folder. */
    public static final String REPORT_DIR = "report";

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;
             background:#f6f7f9;color:#1d1f23;line-height:1.45}
            main{max-width:1180px;margin:0 auto;padding:24px 28px 60px;background:#fff;min-height:100vh}
            h1{font-size:1.7em;margin:.2em 0 .1em}h2{font-size:1.25em;margin:1.8em 0 .5em;
             border-bottom:1px solid #e1e4e8;padding-bottom:.2em}
            .sub{color:#57606a;margin:0 0 1em}
            dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1.2em;margin:0}
            dl.prov dt{color:#57606a}dl.prov dd{margin:0;font-family:ui-monospace,"DejaVu Sans Mono",monospace;
             font-size:.92em;overflow-wrap:anywhere}
            table{border-collapse:collapse;font-size:.9em;margin:.4em 0}
            th,td{border:1px solid #d0d7de;padding:4px 8px}td:first-child{white-space:nowrap}th{background:#f0f2f5;text-align:left}
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            tr.best td{background:#eaf5ea;font-weight:600}
            .scroll{overflow-x:auto}
            ul.notes{color:#444;font-size:.9em}
            figure{margin:1.2em 0}figure img{max-width:100%;height:auto;border:1px solid #e1e4e8}
            figcaption{color:#57606a;font-size:.88em}
            .swatch{display:inline-block;width:14px;height:14px;border-radius:2px;vertical-align:middle}
            pre{background:#f6f8fa;padding:10px;overflow-x:auto;font-size:.85em}
            """;

    private HtmlReportWriter() {
    }

    /** The default report file of a run folder: {@code <run>/report/report.html}. */
    public static Path defaultFile(Path runDir) {
        return runDir.resolve(REPORT_DIR).resolve("report.html");
    }

    /**
     * Reads the run folder, renders its plots into {@code <run>/report/} and writes the HTML
     * page to {@code htmlFile} (or {@link #defaultFile} if null), atomically.
     *
     * @return the HTML file written
     * @throws org.tsak.data.DataFormatException if the run folder is incomplete or damaged
     */
    public static Path write(Path runDir, Path htmlFile) throws IOException {
        RunFolder run = RunFolderReader.read(runDir);
        List<PlotImage> plots = ReportPlots.render(run);
        ReportPlots.write(plots, runDir.resolve(REPORT_DIR));
        Path target = htmlFile == null ? defaultFile(runDir) : htmlFile;
        AtomicFiles.writeString(target, html(run, plots));
        return target;
    }

    /** The page's HTML text. */
    public static String html(RunFolder run, List<PlotImage> plots) {
        RunProvenance p = run.provenance();
        StringBuilder h = new StringBuilder(64_000 + plots.stream().mapToInt(i -> i.png().length * 4 / 3).sum());
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>TSAK report: ").append(esc(p.name())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>TSAK report: ").append(esc(p.name())).append("</h1>\n<p class=\"sub\">")
                .append(esc(run.table().title())).append("</p>\n");
        provenance(h, run);
        comparison(h, run);
        h.append("<h2 id=\"plots\">Plots</h2>\n");
        for (PlotImage img : plots) {
            h.append("<figure>\n<img src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(img.png())).append("\" alt=\"").append(esc(img.altText()))
                    .append("\" width=\"").append(img.widthPx()).append("\" height=\"").append(img.heightPx())
                    .append("\">\n<figcaption>").append(esc(img.title())).append(" (").append(esc(img.fileName()))
                    .append(")</figcaption>\n</figure>\n");
        }
        if (run.groundTruth().get(0) == null) {
            h.append("<p class=\"sub\">No timeline: this run folder has no ground-truth.json (written by newer"
                    + " versions of <code>tsak experiment</code>).</p>\n");
        }
        operations(h);
        h.append("<h2 id=\"config\">Config</h2>\n<details><summary>config.yaml</summary>\n<pre>")
                .append(esc(run.configYaml())).append("</pre>\n</details>\n");
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void provenance(StringBuilder h, RunFolder run) {
        RunProvenance p = run.provenance();
        DataSummary d = run.data();
        h.append("<h2 id=\"provenance\">Provenance</h2>\n<dl class=\"prov\">\n");
        item(h, "seed", String.valueOf(p.seed()));
        item(h, "git commit", p.gitCommit());
        item(h, "versions", "TSAK " + p.tsakVersion() + ", Java " + p.javaVersion() + ", DJL " + p.djl() + ", "
                + p.engine());
        String threads = p.all().getOrDefault("pytorchThreads", "?");
        item(h, "machine", p.all().getOrDefault("os", "?") + ", " + p.all().getOrDefault("cpus", "?") + " CPUs, "
                + threads + " PyTorch thread(s)");
        item(h, "data fingerprint", p.dataFingerprint());
        item(h, "data", d.windows() + " windows of " + d.windowSamples() + " samples; teacher "
                + d.teacherChannels().size() + " channels, student " + d.studentChannels().size() + " ("
                + String.join(", ", d.studentChannels()) + ")");
        for (int i = 0; i < d.folds().size(); i++) {
            item(h, d.folds().size() == 1 ? "split" : "fold " + i, d.folds().get(i));
        }
        item(h, "started", p.started());
        item(h, "finished", p.finished().isEmpty() ? "(not recorded)" : p.finished());
        item(h, "elapsed", Double.isNaN(p.elapsedSeconds()) ? "(not recorded)"
                : String.format(Locale.ROOT, "%.1f s (%.1f min)", p.elapsedSeconds(), p.elapsedSeconds() / 60));
        h.append("</dl>\n");
    }

    private static void item(StringBuilder h, String name, String value) {
        h.append("<dt>").append(esc(name)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    private static void comparison(StringBuilder h, RunFolder run) {
        String best = run.bestStrategy();
        h.append("<h2 id=\"table\">Comparison</h2>\n<div class=\"scroll\">\n<table id=\"comparison\">\n<thead><tr>")
                .append("<th>model</th><th>seeds</th><th>macro-F1</th><th>accuracy</th><th>params</th>")
                .append("<th>FLOPs/window</th><th>latency p50 / p95 (µs)</th><th>windows/s @batch</th>")
                .append("<th>speed-up</th><th>params vs teacher</th><th>FLOPs vs teacher</th>")
                .append("<th>ΔF1 vs no-KD</th></tr></thead>\n<tbody>\n");
        for (ComparisonRow r : run.table().rows()) {
            boolean isBest = r.model().equals("student") && r.strategy().equals(best);
            h.append(isBest ? "<tr class=\"best\">" : "<tr>").append("<td>").append(esc(r.label()))
                    .append(isBest ? " (best student)" : "").append("</td>");
            num(h, String.valueOf(r.seeds()));
            num(h, meanStd(r.macroF1(), r.macroF1Std(), r.seeds()));
            num(h, meanStd(r.accuracy(), r.accuracyStd(), r.seeds()));
            num(h, String.format(Locale.ROOT, "%,d", r.params()));
            num(h, ComparisonTable.humanFlops(r.flops()));
            num(h, String.format(Locale.ROOT, "%.0f / %.0f", r.latencyP50Micros(), r.latencyP95Micros()));
            num(h, String.format(Locale.ROOT, "%,.0f", r.throughputPerSecond()));
            num(h, String.format(Locale.ROOT, "%.2fx", r.speedUp()));
            num(h, String.format(Locale.ROOT, "%.2f%%", 100 * r.paramRatio()));
            num(h, String.format(Locale.ROOT, "%.2f%%", 100 * r.flopRatio()));
            num(h, Double.isNaN(r.f1DeltaVsNoKd()) ? "" : String.format(Locale.ROOT, "%+.4f", r.f1DeltaVsNoKd()));
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n");
        if (!run.table().notes().isEmpty()) {
            h.append("<ul class=\"notes\">\n");
            for (String n : run.table().notes()) {
                h.append("<li>").append(esc(n)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
    }

    private static void num(StringBuilder h, String text) {
        h.append("<td class=\"num\">").append(esc(text)).append("</td>");
    }

    private static void operations(StringBuilder h) {
        h.append("<h2 id=\"operations\">Operations</h2>\n<table id=\"operations-legend\">\n")
                .append("<thead><tr><th></th><th>id</th><th>operation</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < Operations.CLASS_COUNT; i++) {
            int id = Operations.idOf(i);
            h.append("<tr><td><span class=\"swatch\" style=\"background:").append(OperationColors.css(id))
                    .append("\"></span></td><td class=\"num\">").append(id).append("</td><td>")
                    .append(esc(Operations.nameOf(id))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static String meanStd(double mean, double std, int seeds) {
        return seeds > 1 ? String.format(Locale.ROOT, "%.4f ± %.4f", mean, std)
                : String.format(Locale.ROOT, "%.4f", mean);
    }

    /** Escapes text for HTML content and attribute values. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
