package org.tsak.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tsak.report.plot.ParetoFrontier;
import org.tsak.report.plot.ParetoFrontier.Point;

class ParetoFrontierTest {

    @Test
    void keepsOnlyModelsNoOtherBeatsOnCostAndScore() {
        List<Point> points = List.of(
                new Point("teacher", 1000, 0.90),
                new Point("sc", 1100, 0.88),      // dearer and worse than the teacher
                new Point("none", 10, 0.50),
                new Point("logit", 10, 0.55),     // same cost as none, better: none drops
                new Point("mid", 100, 0.70),
                new Point("mid-worse", 200, 0.60), // dearer than mid and worse
                new Point("tiny", 5, 0.40),
                new Point("nan", Double.NaN, 0.99));
        List<String> frontier = ParetoFrontier.of(points).stream().map(Point::label).toList();
        assertEquals(List.of("tiny", "logit", "mid", "teacher"), frontier);
    }

    @Test
    void exactDuplicatesKeepTheFirstAndASinglePointIsItsOwnFrontier() {
        assertEquals(List.of("a"), ParetoFrontier.of(List.of(new Point("a", 1, 0.5), new Point("b", 1, 0.5)))
                .stream().map(Point::label).toList());
        assertEquals(List.of("only"), ParetoFrontier.of(List.of(new Point("only", 3, 0.1))).stream()
                .map(Point::label).toList());
    }

    @Test
    void rowSharesNormaliseEachTruthRowAndLeaveEmptyRowsNaN() {
        double[][] s = org.tsak.report.plot.ConfusionHeatmap.rowShares(new long[][] {{3, 1}, {0, 0}});
        assertArrayEquals(new double[] {0.75, 0.25}, s[0], 1e-12);
        assertEquals(Double.NaN, s[1][0]);
    }
}
