package org.tsak.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.tsak.data.Operations;
import org.tsak.eval.ComparisonCells;
import org.tsak.eval.ComparisonRow;
import org.tsak.eval.ComparisonTable;
import org.tsak.eval.FoldScores;
import org.tsak.io.AtomicFiles;
import org.tsak.report.plot.OperationColors;
import org.tsak.report.plot.PlotImage;
import org.tsak.report.plot.ReportPlots;

/**
 * A run's report as one self-contained HTML page (inline CSS, every plot embedded as a base64
 * PNG data URI, nothing fetched from the network): provenance, the comparison table
 * ({@code <table id="comparison">}) and the cost against the teacher ({@code <table id="cost">}),
 * their notes, the paired changes in macro-F1 ({@code <table id="paired-changes">}) with their
 * forest plot, the macro-F1 per fold ({@code <table id="fold-scores">}), the other plots, the
 * legend of operations and the config. The plots are also written as PNG files to
 * {@code <run>/report/}.
 *
 * <p>Layout: every table sits in its own horizontally scrolling container whose first column
 * (the model) stays in view, so no column is ever out of reach, whatever the window's width;
 * the page's column is at most 1320 px wide, so at 1280 px and more the comparison table shows
 * whole (checked in Chromium at 800, 1280, 1400 and 1920 px by ReportBrowserTest).
 */
public final class HtmlReportWriter {

    /** Folder of the report inside a run folder. */
    public static final String REPORT_DIR = "report";

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;
             background:#f6f7f9;color:#1d1f23;line-height:1.45}
            main{max-width:1320px;margin:0 auto;padding:24px 28px 60px;background:#fff;min-height:100vh;
             box-sizing:border-box}
            @media (max-width:900px){main{padding:16px 12px 40px}
             .table-wrap td:first-child{white-space:normal;min-width:15em;max-width:40vw}
             #fold-scores td:first-child{min-width:0}}
            h1{font-size:1.7em;margin:.2em 0 .1em}h2{font-size:1.25em;margin:1.8em 0 .5em;
             border-bottom:1px solid #e1e4e8;padding-bottom:.2em}
            .sub{color:#57606a;margin:0 0 1em}
            dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1.2em;margin:0}
            dl.prov dt{color:#57606a}dl.prov dd{margin:0;font-family:ui-monospace,"DejaVu Sans Mono",monospace;
             font-size:.92em;overflow-wrap:anywhere}
            h3{font-size:1.05em;margin:1.2em 0 .3em}
            table{border-collapse:separate;border-spacing:0;font-size:.9em;margin:.4em 0}
            th,td{border:solid #d0d7de;border-width:0 1px 1px 0;padding:4px 8px;background:#fff}
            tr:first-child th{border-top-width:1px}th:first-child,td:first-child{border-left-width:1px}
            td:first-child{white-space:nowrap}th{background:#f0f2f5;text-align:left;vertical-align:bottom}
            th.num{text-align:right}
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            tr.best td{background:#eaf5ea;font-weight:600}
            td.better{color:#1a7f37;font-weight:600}td.worse{color:#c62828;font-weight:600}td.ns{color:#57606a}
            td.better,td.worse,td.ns{white-space:nowrap}
            .table-wrap{overflow-x:auto;max-width:100%;margin:.4em 0}.table-wrap table{margin:0}
            .table-wrap th:first-child,.table-wrap td:first-child{position:sticky;left:0;z-index:1}
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
        paired(h, run.table(), plots);
        folds(h, run.table());
        h.append("<h2 id=\"plots\">Plots</h2>\n");
        for (PlotImage img : plots) {
            if (!img.fileName().equals(ReportPlots.PAIRED_CHANGE_FILE)) {
                figure(h, img);
            }
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

    private static void figure(StringBuilder h, PlotImage img) {
        h.append("<figure>\n<img src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(img.png())).append("\" alt=\"").append(esc(img.altText()))
                .append("\" width=\"").append(img.widthPx()).append("\" height=\"").append(img.heightPx())
                .append("\">\n<figcaption>").append(esc(img.title())).append(" (").append(esc(img.fileName()))
                .append(")</figcaption>\n</figure>\n");
    }

    private static void comparison(StringBuilder h, RunFolder run) {
        String best = run.bestStrategy();
        ComparisonTable table = run.table();
        h.append("<h2 id=\"table\">Comparison</h2>\n");
        openTable(h, "comparison", ComparisonCells.MAIN_HEADER);
        for (ComparisonRow r : table.rows()) {
            boolean isBest = r.model().equals("student") && r.strategy().equals(best);
            List<String> cells = ComparisonCells.main(r);
            h.append(isBest ? "<tr class=\"best\">" : "<tr>").append("<td>").append(esc(cells.get(0)))
                    .append(isBest ? " (best student)" : "").append("</td>");
            for (int i = 1; i < cells.size(); i++) {
                num(h, cells.get(i));
            }
            h.append("</tr>\n");
        }
        closeTable(h);
        List<ComparisonRow> costed = table.rows().stream().filter(ComparisonCells::hasCost).toList();
        if (!costed.isEmpty()) {
            h.append("<h3 id=\"cost-heading\">Cost against the teacher</h3>\n");
            openTable(h, "cost", ComparisonCells.COST_HEADER);
            for (ComparisonRow r : costed) {
                row(h, ComparisonCells.COST_HEADER, ComparisonCells.cost(r), "");
            }
            closeTable(h);
        }
        if (!table.notes().isEmpty()) {
            h.append("<ul class=\"notes\">\n");
            for (String n : table.notes()) {
                h.append("<li>").append(esc(n)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
    }

    /** The paired changes: their table, then their forest plot. */
    private static void paired(StringBuilder h, ComparisonTable table, List<PlotImage> plots) {
        if (table.comparisons().isEmpty()) {
            return;
        }
        h.append("<h2 id=\"paired\">Paired change in macro-F1</h2>\n<p class=\"sub\">Candidate minus reference"
                + " over the same (fold, seed) pairs: mean change, 95% paired t interval, two-sided Wilcoxon"
                + " signed-rank p-value, wins/ties/losses. A change is <em>better</em> or <em>worse</em> only when"
                + " its interval excludes 0, <em>not significant</em> otherwise; <em>(tests disagree)</em> marks a"
                + " Wilcoxon p on the other side of 0.05. The teacher and the baselines have one result per fold:"
                + " against them each student is averaged over its seeds per fold, one pair per fold.</p>\n");
        openTable(h, "paired-changes", ComparisonCells.PAIRED_HEADER);
        for (var c : table.comparisons()) {
            String css = !c.significant() ? "ns" : c.ciLow() > 0 ? "better" : "worse";
            row(h, ComparisonCells.PAIRED_HEADER, ComparisonCells.paired(c), css);
        }
        closeTable(h);
        plots.stream().filter(p -> p.fileName().equals(ReportPlots.PAIRED_CHANGE_FILE)).findFirst()
                .ifPresent(p -> figure(h, p));
    }

    /** Mean test macro-F1 per fold and model. */
    private static void folds(StringBuilder h, ComparisonTable table) {
        if (table.folds().isEmpty()) {
            return;
        }
        List<String> header = ComparisonCells.foldHeader(table.folds());
        List<String> models = ComparisonCells.foldModels(table.folds());
        h.append("<h2 id=\"folds\">Macro-F1 per fold</h2>\n<p class=\"sub\">Mean test macro-F1 over the"
                + " seeds of each fold; the held-out subjects or sessions are the fold's test data.</p>\n");
        openTable(h, "fold-scores", header);
        for (FoldScores f : table.folds()) {
            row(h, header, ComparisonCells.fold(f, models), "");
        }
        closeTable(h);
    }

    private static void openTable(StringBuilder h, String id, List<String> header) {
        h.append("<div class=\"table-wrap\">\n<table id=\"").append(id).append("\">\n<thead><tr>");
        for (String col : header) {
            h.append(ComparisonCells.isTextColumn(col) ? "<th>" : "<th class=\"num\">").append(esc(col))
                    .append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
    }

    private static void closeTable(StringBuilder h) {
        h.append("</tbody>\n</table>\n</div>\n");
    }

    /** A row: text columns plain (the verdict column with class {@code verdictClass}), numbers right-aligned. */
    private static void row(StringBuilder h, List<String> header, List<String> cells, String verdictClass) {
        h.append("<tr>");
        for (int i = 0; i < cells.size(); i++) {
            String col = header.get(i);
            if (col.equals("verdict")) {
                h.append("<td class=\"").append(verdictClass).append("\">").append(esc(cells.get(i))).append("</td>");
            } else if (ComparisonCells.isTextColumn(col)) {
                h.append("<td>").append(esc(cells.get(i))).append("</td>");
            } else {
                num(h, cells.get(i));
            }
        }
        h.append("</tr>\n");
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
