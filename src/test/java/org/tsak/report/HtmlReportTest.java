package org.tsak.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.DataFormatException;
import org.tsak.eval.ComparisonRow;
import org.tsak.eval.ComparisonTable;

class HtmlReportTest {

    @TempDir
    static Path tmp;

    static Path run;
    static Path html;

    @BeforeAll
    static void writeReport() throws Exception {
        run = TinyRun.copy(tmp.resolve("run"));
        html = HtmlReportWriter.write(run, null);
    }

    @Test
    void readerLoadsEveryFileOfTheRunIntoRecords() {
        RunFolder r = RunFolderReader.read(run);
        assertEquals(List.of("teacher", "semantic-classifier", "student", "student"), r.table().rows().stream()
                .map(ComparisonRow::model).filter(m -> !m.equals("baseline")).toList(), "deep models (classical"
                        + " baselines may be listed too)");
        assertEquals(List.of("teacher", "semantic-classifier", "student", "student"),
                r.models().stream().map(m -> m.metrics().model()).toList());
        assertEquals(List.of("none", "sc-logit"), r.strategies());
        assertEquals("tiny", r.provenance().name());
        assertEquals(1, r.provenance().seed());
        assertTrue(r.configYaml().contains("name: tiny"), r.configYaml());
        assertEquals(r.provenance().dataFingerprint(), r.data().fingerprint());
        ModelMetrics t = r.teacher().metrics();
        assertEquals(11, t.confusionCounts().length);
        long counted = 0;
        for (long[] row : t.confusionCounts()) {
            counted += java.util.Arrays.stream(row).sum();
        }
        assertEquals(t.scoredSeconds(), counted, "confusion counts = scored seconds");
        assertEquals(2, t.history().size());
        assertEquals(1, t.history().get(0).epoch());
        // predictions sit on the ground-truth seconds
        var truth = r.groundTruth().get(0);
        assertNotNull(truth);
        assertEquals(truth.keySet(), r.teacher().predictions().keySet());
        String session = truth.keySet().iterator().next();
        assertEquals(java.util.Arrays.toString(truth.get(session).timestampsMs()),
                java.util.Arrays.toString(r.teacher().predictions().get(session).timestampsMs()));
        // the best student is the student row with the highest macro-F1
        ComparisonRow bestRow = r.table().rows().stream().filter(x -> x.model().equals("student"))
                .max(java.util.Comparator.comparingDouble(ComparisonRow::macroF1)).orElseThrow();
        assertEquals(bestRow.strategy(), r.bestStrategy());
        assertEquals(bestRow.macroF1(), r.bestStudent().metrics().macroF1(), 1e-12);
    }

    @Test
    void htmlHasTheTableWithARowPerModelAndEveryImageIsAnEmbeddedPng() throws Exception {
        String text = Files.readString(html);
        assertEquals(HtmlReportWriter.defaultFile(run), html);
        Matcher table = Pattern.compile("<table id=\"comparison\">.*?<tbody>(.*?)</tbody>", Pattern.DOTALL)
                .matcher(text);
        assertTrue(table.find(), "no comparison table");
        String body = table.group(1);
        assertEquals(RunFolderReader.read(run).table().rows().size(), body.split("<tr", -1).length - 1, body);
        for (String label : List.of("teacher", "semantic-classifier", "student [none]", "student [sc-logit]")) {
            assertTrue(body.contains("<td>" + label), label + " row missing");
        }
        assertTrue(!text.contains("http://") && !text.contains("https://"), "report must not reference the network");
        Matcher img = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" alt=\"([^\"]+)\""
                + " width=\"(\\d+)\" height=\"(\\d+)\"").matcher(text);
        List<String> alts = new ArrayList<>();
        while (img.find()) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(1))));
            assertNotNull(png, "not a PNG: " + img.group(2));
            assertEquals(Integer.parseInt(img.group(3)), png.getWidth(), img.group(2));
            assertEquals(Integer.parseInt(img.group(4)), png.getHeight(), img.group(2));
            assertTrue(png.getWidth() >= 600 && png.getHeight() >= 400, img.group(2));
            alts.add(img.group(2));
        }
        int imgTags = text.split("<img ", -1).length - 1;
        boolean paired = !RunFolderReader.read(run).table().comparisons().isEmpty();
        assertEquals(paired ? 12 : 11, imgTags, "3 cost plots (FLOPs, params, latency), per-class F1, 3 confusion matrices, 3 curve plots,"
                + " timeline (and the paired changes when the table has comparisons)");
        assertEquals(imgTags, alts.size(), "every <img> has a PNG data URI and alt text");
        for (String f : List.of("f1-vs-flops.png", "f1-vs-params.png", "f1-vs-latency.png", "per-class-f1.png", "confusion-teacher.png",
                "confusion-semantic-classifier.png", "confusion-best-student.png", "curves-teacher.png",
                "curves-semantic-classifier.png", "curves-students.png", "timeline.png")) {
            assertNotNull(ImageIO.read(run.resolve("report").resolve(f).toFile()), f);
        }
        assertTrue(text.contains("Relocate Item Label") && text.contains("8100"), "operation legend");
    }

    @Test
    void pairedChangesFoldsAndBaselinesAppearInTheirOwnTablesWithTheForestPlot() throws Exception {
        Path wide = tmp.resolve("wide");
        ComparisonTable table = WideRun.copy(wide);
        String text = Files.readString(HtmlReportWriter.write(wide, null));

        String paired = tbody(text, "paired-changes");
        assertEquals(3, paired.split("<tr", -1).length - 1, paired);
        assertEquals(1, paired.split("<td class=\"ns\">not significant</td>", -1).length - 1, paired);
        assertEquals(1, paired.split("<td class=\"better\">better</td>", -1).length - 1, paired);
        assertEquals(1, paired.split("<td class=\"worse\">worse</td>", -1).length - 1, paired);
        String unclear = paired.substring(paired.indexOf("<tr><td>baseline [" + WideRun.BASELINE_STUDENT));
        unclear = unclear.substring(0, unclear.indexOf("</tr>"));
        assertTrue(unclear.contains("[-0.0024, +0.0590]") && unclear.contains("not significant"), unclear);

        String folds = tbody(text, "fold-scores");
        assertEquals(table.folds().size(), folds.split("<tr", -1).length - 1, folds);
        assertTrue(folds.contains("<td>fold-1</td><td>W02</td>"), folds);
        assertTrue(text.contains("<th class=\"num\">baseline [" + WideRun.BASELINE_STUDENT + "]</th>"), "fold header");

        String main = tbody(text, "comparison");
        String baselineRow = main.substring(main.indexOf("<td>baseline [" + WideRun.BASELINE_ALL + "]"));
        baselineRow = baselineRow.substring(0, baselineRow.indexOf("</tr>"));
        assertEquals(3, baselineRow.split("<td class=\"num\">–</td>", -1).length - 1,
                "params, FLOPs and latency unknown: " + baselineRow);
        assertFalse(tbody(text, "cost").contains("baseline"), "baselines have no cost row");

        int figure = text.indexOf("alt=\"Forest plot of the paired change");
        assertTrue(figure > text.indexOf("<table id=\"paired-changes\">") && figure < text.indexOf("id=\"folds\""),
                "the forest plot sits after the paired table, before the per-fold table");
        assertEquals(12, text.split("<img ", -1).length - 1, "11 plots and the paired changes");
        BufferedImage forest = ImageIO.read(wide.resolve("report").resolve("paired-change.png").toFile());
        assertNotNull(forest);
        assertEquals(1000, forest.getWidth());
        assertEquals(org.tsak.report.plot.PairedChangeChart.heightPx(table.comparisons()), forest.getHeight());
    }

    private static String tbody(String html, String id) {
        Matcher m = Pattern.compile("<table id=\"" + id + "\">.*?<tbody>(.*?)</tbody>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "no table #" + id);
        return m.group(1);
    }

    @Test
    void missingTableNamesTheFileAndSaysTheRunMayStillBeGoing() throws Exception {
        Path copy = TinyRun.copy(tmp.resolve("no-table"));
        Files.delete(copy.resolve("table.json"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> RunFolderReader.read(copy));
        assertTrue(e.getMessage().startsWith(copy.resolve("table.json").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("still going"), e.getMessage());
    }

    @Test
    void damagedMetricsNameTheFileAndLine() throws Exception {
        Path copy = TinyRun.copy(tmp.resolve("bad-metrics"));
        Path metrics = copy.resolve("students/sc-logit/seed-0/metrics.json");
        Files.writeString(metrics, "{\n  \"model\": \"student\",\n  \"macroF1\": oops\n}\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> RunFolderReader.read(copy));
        assertTrue(e.getMessage().startsWith(metrics + " line 3"), e.getMessage());

        Files.writeString(metrics, "{\"model\": \"student\", \"strategy\": \"sc-logit\", \"seed\": 0}");
        e = assertThrows(DataFormatException.class, () -> RunFolderReader.read(copy));
        assertTrue(e.getMessage().startsWith(metrics.toString()) && e.getMessage().contains("perClassF1"),
                e.getMessage());
    }
}
