package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.eval.PairedComparison;

/** A grid's validation-selected row picks, per (fold, seed), the grid point best on validation. */
class ValidationSelectedGridTest {

    @TempDir
    Path tmp;

    private Path metrics(String name, double test, double validation) throws IOException {
        Path f = tmp.resolve(name + ".json");
        Files.writeString(f, String.format(Locale.ROOT,
                "{\"macroF1\": %s, \"accuracy\": 0.5, \"bestValidationF1\": %s}", test, validation));
        return f;
    }

    @Test
    void choosesByValidationNotByTest() throws IOException {
        ResultCollector r = new ResultCollector(List.of("W01", "W02"));
        // (fold, seed): none test; T=2 (test, val); T=4 (test, val)
        double[][] rows = {
            // fold 0 seed 0: T=4 better on validation (0.7 > 0.6) though worse on test -> 0.50
            {0.40, 0.60, 0.60, 0.50, 0.70},
            // fold 0 seed 1: T=2 better on validation -> 0.55
            {0.45, 0.55, 0.80, 0.90, 0.30},
            // fold 1 seed 0: tie on validation -> first grid point, T=2 -> 0.52
            {0.50, 0.52, 0.50, 0.99, 0.50},
            // fold 1 seed 1: T=4 -> 0.47
            {0.49, 0.70, 0.10, 0.47, 0.20},
        };
        for (int i = 0; i < rows.length; i++) {
            int fold = i / 2;
            int seed = i % 2;
            double[] x = rows[i];
            r.addMetrics("student", "none", null, fold, seed, metrics("none" + i, x[0], 0.5));
            r.addMetrics("student", "sc-logit@T=2", null, fold, seed, metrics("t2-" + i, x[1], x[2]));
            r.addMetrics("student", "sc-logit@T=4", null, fold, seed, metrics("t4-" + i, x[3], x[4]));
        }
        assertTrue(r.addValidationSelected("sc-logit@validation-selected", List.of("sc-logit@T=2", "sc-logit@T=4")));
        assertFalse(r.addValidationSelected("x", List.of("sc-logit@T=2", "sc-logit@T=8")), "a missing grid point");
        Efficiency eff = new Efficiency();
        eff.teacher = new Efficiency.Measured(new org.tsak.eval.LatencyStats(1, 100, 100, 100), 10);
        eff.sc = eff.teacher;
        eff.student = new Efficiency.Measured(new org.tsak.eval.LatencyStats(1, 10, 10, 10), 100);
        eff.teacherParams = 1000;
        eff.teacherFlops = 1000;
        eff.studentParams = 100;
        eff.studentFlops = 10;
        var table = r.table("t", eff, 8);
        var row = table.rows().stream().filter(x -> x.label().equals("student [sc-logit@validation-selected]"))
                .findFirst().orElseThrow();
        assertEquals((0.50 + 0.55 + 0.52 + 0.47) / 4, row.macroF1(), 1e-12);
        PairedComparison vsNone = table.comparisons().stream().filter(c -> c.candidate()
                .equals("student [sc-logit@validation-selected]") && c.reference().equals("student [none]"))
                .findFirst().orElseThrow();
        assertEquals(PairedComparison.of(vsNone.candidate(), vsNone.reference(), new double[] {0.50, 0.55, 0.52, 0.47},
                new double[] {0.40, 0.45, 0.50, 0.49}), vsNone);
    }
}
