package org.tsak.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private static final double EPS = 1e-12;
    private static final int[] TEN_OPERATIONS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    /**
     * truth: 0 0 0 0 | 1 1 1  | 2 2 2
     * pred : 0 0 0 1 | 1 1 10 | 2 2 0      (10 = Null)
     */
    private static ConfusionMatrix threeClassCase() {
        int[] truth = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
        int[] pred = {0, 0, 0, 1, 1, 1, 10, 2, 2, 0};
        ConfusionMatrix m = new ConfusionMatrix();
        for (int i = 0; i < truth.length; i++) {
            m.add(truth[i], pred[i]);
        }
        return m;
    }

    @Test
    void perClassScoresByHand() {
        ConfusionMatrix m = threeClassCase();
        // class 0: TP 3, FP 1 (a 2 predicted as 0), FN 1 (a 0 predicted as 1)
        assertEquals(0.75, m.precision(0), EPS);
        assertEquals(0.75, m.recall(0), EPS);
        assertEquals(6.0 / 8.0, m.f1(0), EPS);           // 2*3 / (2*3 + 1 + 1)
        // class 1: TP 2, FP 1 (a 0 predicted as 1), FN 1 (predicted Null)
        assertEquals(2.0 / 3.0, m.precision(1), EPS);
        assertEquals(4.0 / 6.0, m.f1(1), EPS);           // 2*2 / (2*2 + 1 + 1)
        // class 2: TP 2, FP 0, FN 1
        assertEquals(1.0, m.precision(2), EPS);
        assertEquals(2.0 / 3.0, m.recall(2), EPS);
        assertEquals(4.0 / 5.0, m.f1(2), EPS);           // 2*2 / (2*2 + 0 + 1)
        // Null: predicted once, never true: precision 0, recall 0 (zero division), F1 0
        assertEquals(0.0, m.precision(10), EPS);
        assertEquals(0.0, m.recall(10), EPS);
        assertEquals(0.0, m.f1(10), EPS);
        // class 5: absent from truth and prediction
        assertEquals(0.0, m.f1(5), EPS);
        assertEquals(4, m.support(0));
        assertEquals(1, m.predictedCount(10));
        assertEquals(10, m.total());
        assertEquals(0.7, m.accuracy(), EPS);            // 3 + 2 + 2 correct of 10
    }

    @Test
    void macroF1CountsAbsentClassesAsZero() {
        ConfusionMatrix m = threeClassCase();
        // (0.75 + 2/3 + 0.8 + 7 * 0) / 10 = 2.2166.../10
        assertEquals((0.75 + 2.0 / 3.0 + 0.8) / 10.0, m.macroF1(TEN_OPERATIONS), EPS);
        assertEquals(0.221666666666667, m.macroF1(TEN_OPERATIONS), 1e-12);
        // over the three present classes only, for contrast
        assertEquals((0.75 + 2.0 / 3.0 + 0.8) / 3.0, m.macroF1(0, 1, 2), EPS);
    }

    @Test
    void weightedF1UsesSupport() {
        ConfusionMatrix m = threeClassCase();
        // supports 4, 3, 3; absent classes weigh 0: (4*0.75 + 3*2/3 + 3*0.8) / 10 = 7.4 / 10
        assertEquals(0.74, m.weightedF1(TEN_OPERATIONS), EPS);
        assertEquals(0.0, new ConfusionMatrix().weightedF1(TEN_OPERATIONS), EPS);
    }

    @Test
    void predictedButAbsentClassScoresZeroAndLowersPrecision() {
        ConfusionMatrix m = new ConfusionMatrix();
        m.add(0, 0);
        m.add(0, 3);   // class 3 never true: TP 0, FP 1 -> F1 0
        assertEquals(0.0, m.f1(3), EPS);
        assertEquals(2.0 / 3.0, m.f1(0), EPS);   // 2*1 / (2 + 0 + 1)
        assertEquals((2.0 / 3.0) / 10.0, m.macroF1(TEN_OPERATIONS), EPS);
    }

    @Test
    void markdownNamesClassesAndCounts() {
        String md = threeClassCase().toMarkdown();
        assertTrue(md.contains("| Picking | 3 | 1 |"), md);
        assertTrue(md.contains("| Relocate Item Label | 0 | 2 |"), md);
        assertTrue(md.contains("Null |"), md);
        assertTrue(md.contains("| 4 | 0.7500 | 0.7500 | 0.7500 |"), md);
        assertEquals(2 + 11, md.split("\n").length);
        assertTrue(new ConfusionMatrix(3).toString().contains("class 2"));
    }

    @Test
    void rejectsBadIndicesAndClassSets() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        assertThrows(IllegalArgumentException.class, () -> m.add(3, 0));
        assertThrows(IllegalArgumentException.class, () -> m.add(0, -1));
        assertThrows(IllegalArgumentException.class, () -> m.macroF1());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.macroF1(1, 1));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void addAllSumsCounts() {
        ConfusionMatrix a = threeClassCase();
        a.addAll(threeClassCase());
        assertEquals(6, a.count(0, 0));
        assertEquals(20, a.total());
        assertEquals(0.7, a.accuracy(), EPS);
        assertThrows(IllegalArgumentException.class, () -> a.addAll(new ConfusionMatrix(3)));
    }
}
