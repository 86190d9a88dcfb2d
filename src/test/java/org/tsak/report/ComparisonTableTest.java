package org.tsak.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tsak.eval.ComparisonRow;
import org.tsak.eval.ComparisonTable;
import org.tsak.eval.FoldScores;
import org.tsak.eval.PairedComparison;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The comparison table with two paired comparisons (one better, one whose interval contains 0)
 * and two folds, rendered as Markdown (exact lines), CSV (columns, quoting, empty unknowns) and
 * JSON (parsed back with Jackson and through the run folder reader).
 */
class ComparisonTableTest {

    private static final String BASELINE = "baseline [random-forest, student channels]";

    /** Hand-worked in PairedComparisonTest: d = +0.02, +0.03, +0.025, +0.035, +0.015, +0.04, CI [0.0177, 0.0373]. */
    private static final double[] NONE = {0.58, 0.55, 0.62, 0.60, 0.57, 0.59};
    private static final double[] SC_LOGIT = {0.60, 0.58, 0.645, 0.635, 0.585, 0.63};
    /** Hand-worked in PairedComparisonTest: d = +0.03, +0.01, -0.02, +0.05, +0.04, +0.06, CI [-0.0024, 0.0590]. */
    private static final double[] FOREST = {0.61, 0.56, 0.60, 0.65, 0.61, 0.65};

    static ComparisonTable table() {
        List<ComparisonRow> rows = List.of(
                new ComparisonRow("teacher", "-", 3, 0.98, 0.01, 0.97, 0.01, 232_715, 25_840_000, 879, 952, 2349,
                        1.0, 1.0, 1.0, Double.NaN),
                new ComparisonRow("student", "none", 6, 0.585, 0.0251, 0.71, 0.02, 3307, 344_400, 73, 104, 117_561,
                        12.04, 0.0142, 0.0133, 0.0),
                new ComparisonRow("student", "sc-logit", 6, 0.6125, 0.0261, 0.73, 0.02, 3307, 344_400, 73, 104,
                        117_561, 12.04, 0.0142, 0.0133, 0.0275),
                new ComparisonRow("baseline", "random-forest, student channels", 6, 0.6133, 0.0355, 0.75, 0.02, -1,
                        -1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.0283));
        List<PairedComparison> comparisons = List.of(
                PairedComparison.of("student [sc-logit]", "student [none]", SC_LOGIT, NONE),
                PairedComparison.of(BASELINE, "student [none]", FOREST, NONE));
        Map<String, Double> fold0 = new LinkedHashMap<>();
        fold0.put("teacher", 0.99);
        fold0.put("student [none]", 0.60);
        fold0.put("student [sc-logit]", 0.625);
        Map<String, Double> fold1 = new LinkedHashMap<>();
        fold1.put("teacher", 0.40);
        fold1.put("student [none]", 0.18);
        fold1.put(BASELINE, 0.30);
        List<FoldScores> folds = List.of(new FoldScores("fold-0", "W01, W02", fold0),
                new FoldScores("fold-1", "W03", fold1));
        return new ComparisonTable("demo: test macro-F1", rows, comparisons, folds, List.of("a note"));
    }

    @Test
    void markdownHasTheMainCostPairedAndFoldTablesLineByLine() {
        List<String> lines = table().toMarkdown().lines().toList();
        List<String> expected = List.of(
                "### demo: test macro-F1",
                "",
                "| model | runs | macro-F1 | accuracy | ΔF1 vs no-KD | params | FLOPs/window | latency p50 / p95 (µs) |",
                "|---|---:|---:|---:|---:|---:|---:|---:|",
                "| teacher | 3 | 0.9800 ± 0.0100 | 0.9700 ± 0.0100 |  | 232,715 | 25.84 M | 879 / 952 |",
                "| student [none] | 6 | 0.5850 ± 0.0251 | 0.7100 ± 0.0200 | +0.0000 | 3,307 | 344.4 k | 73 / 104 |",
                "| student [sc-logit] | 6 | 0.6125 ± 0.0261 | 0.7300 ± 0.0200 | +0.0275 | 3,307 | 344.4 k | 73 / 104 |",
                "| " + BASELINE + " | 6 | 0.6133 ± 0.0355 | 0.7500 ± 0.0200 | +0.0283 | – | – | – |",
                "",
                "Cost against the teacher:",
                "",
                "| model | params vs teacher | FLOPs vs teacher | speed-up (p50) | windows/s @batch |",
                "|---|---:|---:|---:|---:|",
                "| teacher | 100.00% | 100.00% | 1.00x | 2,349 |",
                "| student [none] | 1.42% | 1.33% | 12.04x | 117,561 |",
                "| student [sc-logit] | 1.42% | 1.33% | 12.04x | 117,561 |",
                "",
                "Paired change in macro-F1 (candidate - reference; students on the same (fold, seed) pairs,"
                        + " against the teacher or a baseline one pair of seed means per fold; 95% paired t interval;"
                        + " \"not significant\" when it contains 0):",
                "",
                "| comparison | pairs | mean Δ | 95% CI | Wilcoxon p | wins/ties/losses | verdict |",
                "|---|---:|---:|---:|---:|---:|---|",
                "| student [sc-logit] vs student [none] | 6 | +0.0275 | [+0.0177, +0.0373] | 0.031 | 6/0/0 | better |",
                "| " + BASELINE + " vs student [none] | 6 | +0.0283 | [-0.0024, +0.0590] | 0.094 | 5/0/1"
                        + " | not significant |",
                "",
                "Macro-F1 per fold (mean over seeds):",
                "",
                "| fold | held out | teacher | student [none] | student [sc-logit] | " + BASELINE + " |",
                "|---|---|---:|---:|---:|---:|",
                "| fold-0 | W01, W02 | 0.9900 | 0.6000 | 0.6250 | – |",
                "| fold-1 | W03 | 0.4000 | 0.1800 | – | 0.3000 |",
                "",
                "a note");
        assertEquals(expected, lines);
    }

    @Test
    void notSignificantAppearsExactlyForTheIntervalContainingZero() {
        ComparisonTable t = table();
        for (PairedComparison c : t.comparisons()) {
            boolean containsZero = c.ciLow() <= 0 && c.ciHigh() >= 0;
            assertEquals(containsZero, c.verdict().equals("not significant"), c.toString());
        }
        List<String> pairedLines = t.toMarkdown().lines().filter(l -> l.contains(" vs student [none] |")).toList();
        assertEquals(2, pairedLines.size());
        assertEquals(1, pairedLines.stream().filter(l -> l.contains("not significant")).count());
        assertTrue(pairedLines.get(1).contains("[-0.0024, +0.0590]") && pairedLines.get(1).endsWith(
                "| not significant |"), pairedLines.get(1));
        assertEquals(1, t.toComparisonsCsv().lines().filter(l -> l.endsWith(",not significant")).count());
    }

    @Test
    void csvQuotesLabelsWithCommasAndLeavesUnknownCostsEmpty() {
        ComparisonTable t = table();
        List<String> main = t.toCsv().lines().toList();
        assertEquals("model,strategy,seeds,macro_f1,macro_f1_std,accuracy,accuracy_std,params,flops,latency_p50_us,"
                + "latency_p95_us,throughput_per_s,speed_up,param_ratio,flop_ratio,f1_delta_vs_no_kd", main.get(0));
        assertEquals(5, main.size());
        for (String line : main) {
            assertEquals(16, fields(line).size(), line);
        }
        assertEquals("teacher,-,3,0.980000,0.0100000,0.970000,0.0100000,232715,25840000,879.000,952.000,2349.00,"
                + "1.00000,1.00000,1.00000,", main.get(1));
        assertEquals("baseline,\"random-forest, student channels\",6,0.613300,0.0355000,0.750000,0.0200000,,,,,,,,,"
                + "0.0283000", main.get(4));
        assertEquals("random-forest, student channels", fields(main.get(4)).get(1));

        List<String> cs = t.toComparisonsCsv().lines().toList();
        assertEquals("candidate,reference,pairs,mean_delta,std_delta,ci_low,ci_high,wilcoxon_p,wins,ties,losses,verdict",
                cs.get(0));
        assertEquals(3, cs.size());
        List<String> better = fields(cs.get(1));
        assertEquals(List.of("student [sc-logit]", "student [none]", "6"), better.subList(0, 3));
        assertEquals(0.0275, Double.parseDouble(better.get(3)), 1e-6);
        assertEquals(0.017683, Double.parseDouble(better.get(5)), 1e-6);
        assertEquals(0.037317, Double.parseDouble(better.get(6)), 1e-6);
        assertEquals(0.03125, Double.parseDouble(better.get(7)), 1e-9);
        assertEquals(List.of("6", "0", "0", "better"), better.subList(8, 12));
        List<String> unclear = fields(cs.get(2));
        assertEquals(BASELINE, unclear.get(0));
        assertEquals(-0.002382, Double.parseDouble(unclear.get(5)), 1e-6);
        assertEquals(List.of("5", "0", "1", "not significant"), unclear.subList(8, 12));

        assertEquals(List.of("fold,held_out,model,macro_f1",
                "fold-0,\"W01, W02\",teacher,0.990000",
                "fold-0,\"W01, W02\",student [none],0.600000",
                "fold-0,\"W01, W02\",student [sc-logit],0.625000",
                "fold-1,W03,teacher,0.400000",
                "fold-1,W03,student [none],0.180000",
                "fold-1,W03,\"" + BASELINE + "\",0.300000"), t.toFoldsCsv().lines().toList());
    }

    @Test
    void jsonCarriesComparisonsAndFoldsWithNullForUnknownsAndReadsBackEqual() throws Exception {
        ComparisonTable t = table();
        String json = t.toJson();
        assertFalse(json.contains("NaN"), "NaN must be written as null");
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode baseline = root.get("rows").get(3);
        assertEquals("baseline", baseline.get("model").asText());
        for (String f : List.of("params", "flops", "latencyP50Micros", "latencyP95Micros", "throughputPerSecond",
                "speedUp", "paramRatio", "flopRatio")) {
            assertTrue(baseline.get(f).isNull(), f + " of the baseline must be null");
        }
        assertTrue(root.get("rows").get(0).get("f1DeltaVsNoKd").isNull());
        assertEquals(232_715, root.get("rows").get(0).get("params").asLong());

        JsonNode cs = root.get("comparisons");
        assertEquals(2, cs.size());
        assertEquals("student [sc-logit]", cs.get(0).get("candidate").asText());
        assertEquals("student [none]", cs.get(0).get("reference").asText());
        assertEquals(6, cs.get(0).get("pairs").asInt());
        assertEquals(0.0275, cs.get(0).get("meanDelta").asDouble(), 1e-12);
        assertEquals(0.017683, cs.get(0).get("ciLow").asDouble(), 1e-6);
        assertEquals(0.03125, cs.get(0).get("wilcoxonP").asDouble(), 1e-12);
        assertTrue(cs.get(0).get("significant").asBoolean());
        assertEquals("better", cs.get(0).get("verdict").asText());
        assertEquals(6, cs.get(0).get("wins").asInt());
        assertFalse(cs.get(1).get("significant").asBoolean());
        assertEquals("not significant", cs.get(1).get("verdict").asText());
        assertTrue(cs.get(1).get("ciLow").asDouble() < 0 && cs.get(1).get("ciHigh").asDouble() > 0);
        assertEquals(1, cs.get(1).get("losses").asInt());

        JsonNode folds = root.get("folds");
        assertEquals(2, folds.size());
        assertEquals("fold-1", folds.get(1).get("fold").asText());
        assertEquals("W03", folds.get(1).get("heldOut").asText());
        assertEquals(List.of("teacher", "student [none]", BASELINE), iterable(folds.get(1).get("macroF1ByModel")));
        assertEquals(0.30, folds.get(1).get("macroF1ByModel").get(BASELINE).asDouble(), 1e-12);

        ComparisonTable back = RunFolderReader.table(Path.of("table.json"), root);
        assertEquals(t, back, "table.json reads back into the same table (NaN and -1 included)");
    }

    @Test
    void theThreeArgumentTableHasNoPairedOrFoldSectionsAndOldJsonReadsWithoutThem() throws Exception {
        ComparisonTable t = table();
        ComparisonTable plain = new ComparisonTable(t.title(), t.rows(), t.notes());
        assertTrue(plain.comparisons().isEmpty() && plain.folds().isEmpty());
        String md = plain.toMarkdown();
        assertFalse(md.contains("Paired change") || md.contains("per fold"), md);
        assertEquals("candidate,reference,pairs,mean_delta,std_delta,ci_low,ci_high,wilcoxon_p,wins,ties,losses,"
                + "verdict\n", plain.toComparisonsCsv());
        JsonNode root = new ObjectMapper().readTree(plain.toJson());
        assertEquals(0, root.get("comparisons").size());
        assertEquals(0, root.get("folds").size());
        // a table.json written before comparisons and folds existed
        ((com.fasterxml.jackson.databind.node.ObjectNode) root).remove(List.of("comparisons", "folds"));
        assertEquals(plain, RunFolderReader.table(Path.of("table.json"), root));
    }

    /** Splits one CSV line into fields, honouring double quotes. */
    private static List<String> fields(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    private static List<String> iterable(JsonNode object) {
        return Arrays.asList(object.properties().stream().map(Map.Entry::getKey).toArray(String[]::new));
    }
}
