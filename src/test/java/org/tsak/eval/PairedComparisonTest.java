package org.tsak.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

/**
 * Paired statistics against numbers worked by hand (in the comments) and against Commons Math
 * called directly.
 */
class PairedComparisonTest {

    /*
     * A small table: 3 folds x 2 seeds, macro-F1 of the no-KD student (ref) and of a strategy (cand).
     *
     *   (fold, seed)  ref    cand   d = cand - ref   |d|    rank of |d|
     *   (0, 0)        0.58   0.61   +0.03            0.03   3
     *   (0, 1)        0.55   0.56   +0.01            0.01   1
     *   (1, 0)        0.62   0.60   -0.02            0.02   2
     *   (1, 1)        0.60   0.65   +0.05            0.05   5
     *   (2, 0)        0.57   0.61   +0.04            0.04   4
     *   (2, 1)        0.59   0.65   +0.06            0.06   6
     *
     * mean   = (0.03 + 0.01 - 0.02 + 0.05 + 0.04 + 0.06) / 6 = 0.17 / 6 = 0.0283333
     * Σd²    = (9 + 1 + 4 + 25 + 16 + 36) e-4 = 91e-4 = 0.0091
     * SS     = Σd² - n·mean² = 0.0091 - 0.17² / 6 = 0.0091 - 0.0048167 = 0.0042833
     * sd     = sqrt(SS / (n - 1)) = sqrt(0.0042833 / 5) = sqrt(0.00085667) = 0.0292689
     * se     = sd / √6 = 0.0292689 / 2.4494897 = 0.0119490
     * t(0.975; 5) = 2.5706 (t table, 5 degrees of freedom)
     * half   = 2.5706 · 0.0119490 = 0.030716
     * 95% CI = 0.0283333 ± 0.030716 = [-0.002382, +0.059049]  -> contains 0: not significant
     *
     * Wilcoxon: W+ = 3 + 1 + 5 + 4 + 6 = 19, W- = 2 (check: W+ + W- = 6·7/2 = 21), W = max = 19.
     * Exact two-sided p = 2 · #{subsets of {1..6} with sum >= 19} / 2^6. By symmetry (sum S <-> 21 - S)
     * that count equals #{subsets with sum <= 2} = |{∅, {1}, {2}}| = 3, so p = 2 · 3 / 64 = 0.09375.
     * wins/ties/losses = 5/0/1.
     */
    private static final double[] REF = {0.58, 0.55, 0.62, 0.60, 0.57, 0.59};
    private static final double[] CAND = {0.61, 0.56, 0.60, 0.65, 0.61, 0.65};

    @Test
    void smallTableMatchesTheHandWorkedNumbers() {
        PairedComparison c = PairedComparison.of("student [logit]", "student [none]", CAND, REF);
        assertEquals("student [logit]", c.candidate());
        assertEquals("student [none]", c.reference());
        assertEquals(6, c.pairs());
        assertEquals(0.0283333, c.meanDelta(), 1e-7);
        assertEquals(0.0292689, c.stdDelta(), 1e-7);
        assertEquals(-0.002382, c.ciLow(), 1e-6);
        assertEquals(0.059049, c.ciHigh(), 1e-6);
        assertEquals(0.09375, c.wilcoxonP(), 1e-12);
        assertEquals(5, c.wins());
        assertEquals(0, c.ties());
        assertEquals(1, c.losses());
        assertFalse(c.significant());
        assertEquals("not significant", c.verdict());
    }

    @Test
    void smallTableMatchesTheLibraryCalledDirectly() {
        PairedComparison c = PairedComparison.of("cand", "ref", CAND, REF);
        double t = new TDistribution(5).inverseCumulativeProbability(0.975);
        assertEquals(2.5706, t, 1e-4, "t table value for 5 degrees of freedom");
        assertEquals(c.meanDelta() - t * c.stdDelta() / Math.sqrt(6), c.ciLow(), 1e-15);
        assertEquals(c.meanDelta() + t * c.stdDelta() / Math.sqrt(6), c.ciHigh(), 1e-15);
        double sdLibrary = new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(
                new double[] {0.03, 0.01, -0.02, 0.05, 0.04, 0.06}).getStandardDeviation();
        assertEquals(sdLibrary, c.stdDelta(), 1e-12);
        WilcoxonSignedRankTest w = new WilcoxonSignedRankTest();
        assertEquals(19.0, w.wilcoxonSignedRank(REF, CAND), 0.0, "W = max(W+, W-)");
        assertEquals(w.wilcoxonSignedRankTest(REF, CAND, true), c.wilcoxonP(), 1e-15);
    }

    /*
     * A clear gain: d = +0.02, +0.03, +0.025, +0.035, +0.015, +0.04 (ref as above, cand = ref + d).
     * mean = 0.165 / 6 = 0.0275; Σd² = (4 + 9 + 6.25 + 12.25 + 2.25 + 16) e-4 = 0.004975;
     * SS = 0.004975 - 0.165² / 6 = 0.004975 - 0.0045375 = 0.0004375; sd = sqrt(0.0004375 / 5) = 0.0093541;
     * se = 0.0093541 / 2.4494897 = 0.0038188; half = 2.5706 · 0.0038188 = 0.0098166;
     * CI = [0.017683, 0.037317] -> above 0: better.
     * Wilcoxon: every d > 0, W+ = 21 = W; only the full set reaches 21: p = 2 · 1 / 64 = 0.03125.
     */
    private static final double[] D_GAIN = {0.02, 0.03, 0.025, 0.035, 0.015, 0.04};

    @Test
    void aClearGainIsBetterAndTheSameSwappedIsWorse() {
        double[] cand = new double[6];
        for (int i = 0; i < 6; i++) {
            cand[i] = REF[i] + D_GAIN[i];
        }
        PairedComparison up = PairedComparison.of("student [sc-logit]", "student [none]", cand, REF);
        assertEquals(0.0275, up.meanDelta(), 1e-12);
        assertEquals(0.0093541, up.stdDelta(), 1e-7);
        assertEquals(0.017683, up.ciLow(), 1e-6);
        assertEquals(0.037317, up.ciHigh(), 1e-6);
        assertEquals(0.03125, up.wilcoxonP(), 1e-12);
        assertEquals(6, up.wins());
        assertTrue(up.significant());
        assertEquals("better", up.verdict());

        PairedComparison down = PairedComparison.of("student [none]", "student [sc-logit]", REF, cand);
        assertEquals(-0.0275, down.meanDelta(), 1e-12);
        assertEquals(-0.037317, down.ciLow(), 1e-6);
        assertEquals(-0.017683, down.ciHigh(), 1e-6);
        assertEquals(0.03125, down.wilcoxonP(), 1e-12, "two-sided: the same p either way");
        assertEquals(0, down.wins());
        assertEquals(6, down.losses());
        assertTrue(down.significant());
        assertEquals("worse", down.verdict());
    }

    /*
     * Ties: d = 0, 0, +0.01, -0.02, +0.03, +0.04 -> wins/ties/losses 3/2/1.
     * The zero deltas are dropped before the Wilcoxon test: m = 4, ranks of 0.01, 0.02, 0.03, 0.04 = 1, 2, 3, 4,
     * W+ = 1 + 3 + 4 = 8, W- = 2, W = 8; #{subsets of {1..4} with sum >= 8} = #{sum <= 2} = 3, p = 2 · 3 / 16 = 0.375.
     * Commons Math on all six pairs would rank the zeros (ranks 1.5, 1.5) and count them as negative:
     * W+ = 3 + 5 + 6 = 14, W = 14, #{subsets of {1..6} with sum >= 14} = #{sum <= 7} = 1+1+1+2+2+3+4+4 = 18,
     * p = 36 / 64 = 0.5625; that is why zeros are dropped first.
     */
    @Test
    void zeroDeltasAreTiesAndDroppedFromTheWilcoxonTest() {
        double[] ref = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        double[] cand = {0.5, 0.5, 0.51, 0.48, 0.53, 0.54};
        PairedComparison c = PairedComparison.of("a", "b", cand, ref);
        assertEquals(3, c.wins());
        assertEquals(2, c.ties());
        assertEquals(1, c.losses());
        assertEquals(0.375, c.wilcoxonP(), 1e-12);
        WilcoxonSignedRankTest w = new WilcoxonSignedRankTest();
        assertEquals(0.5625, w.wilcoxonSignedRankTest(ref, cand, true), 1e-12, "the library with the zeros kept");
        assertEquals(0.375, w.wilcoxonSignedRankTest(new double[] {0.5, 0.5, 0.5, 0.5},
                new double[] {0.51, 0.48, 0.53, 0.54}, true), 1e-12, "the library with the zeros dropped");
    }

    @Test
    void deltasWithinTheToleranceAreTies() {
        PairedComparison c = PairedComparison.of("a", "b", new double[] {0.5 + 1e-13, 0.5 - 1e-13, 0.6},
                new double[] {0.5, 0.5, 0.5});
        assertEquals(1, c.wins());
        assertEquals(2, c.ties());
        assertEquals(0, c.losses());
    }

    @Test
    void everyDeltaZeroGivesPOneAndAZeroWidthIntervalThatIsNotSignificant() {
        double[] x = {0.4, 0.5, 0.6};
        PairedComparison c = PairedComparison.of("a", "b", x, x.clone());
        assertEquals(1.0, c.wilcoxonP());
        assertEquals(0.0, c.meanDelta());
        assertEquals(0.0, c.stdDelta());
        assertEquals(0.0, c.ciLow());
        assertEquals(0.0, c.ciHigh());
        assertEquals(3, c.ties());
        assertFalse(c.significant());
        assertEquals("not significant", c.verdict());
    }

    @Test
    void balancedDeltasCapTheExactPAtOne() {
        // d = +0.03, -0.01, -0.02: ranks 3, 1, 2; W+ = 3, W- = 3, W = 3; #{subsets of {1,2,3} with sum >= 3}
        // = {3}, {1,2}, {1,3}, {2,3}, {1,2,3} = 5: the library's 2 · 5 / 8 = 1.25, capped at 1.
        double[] ref = {0.5, 0.5, 0.5};
        double[] cand = {0.53, 0.49, 0.48};
        assertEquals(1.25, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(ref, cand, true), 1e-12);
        assertEquals(1.0, PairedComparison.of("a", "b", cand, ref).wilcoxonP());
    }

    @Test
    void morePairsThanThirtyUseTheLibrarysNormalApproximation() {
        // 40 pairs, every delta positive and distinct: W+ = 40·41/2 = 820, Wmin = 0;
        // E = 40·41/4 = 410, Var = 40·41·81/24 = 5535, z = (0 - 410 - 0.5) / sqrt(5535) = -5.5177,
        // p = 2 Φ(-5.5177) ≈ 3.4e-8
        double[] ref = new double[40];
        double[] cand = new double[40];
        for (int i = 0; i < 40; i++) {
            ref[i] = 0.5;
            cand[i] = 0.5 + 0.001 * (i + 1);
        }
        PairedComparison c = PairedComparison.of("a", "b", cand, ref);
        assertEquals(new WilcoxonSignedRankTest().wilcoxonSignedRankTest(ref, cand, false), c.wilcoxonP(), 1e-20);
        double z = (0 - 410 - 0.5) / Math.sqrt(5535);
        assertEquals(-5.5177, z, 1e-4);
        assertEquals(2 * new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(z),
                c.wilcoxonP(), 1e-20);
        assertTrue(c.wilcoxonP() > 3.0e-8 && c.wilcoxonP() < 3.8e-8, String.valueOf(c.wilcoxonP()));
        assertEquals(40, c.wins());
    }

    @Test
    void onePairHasAMeanButNoIntervalAndIsNotSignificant() {
        PairedComparison c = PairedComparison.of("a", "b", new double[] {0.7}, new double[] {0.5});
        assertEquals(1, c.pairs());
        assertEquals(0.2, c.meanDelta(), 1e-12);
        assertTrue(Double.isNaN(c.stdDelta()));
        assertTrue(Double.isNaN(c.ciLow()) && Double.isNaN(c.ciHigh()));
        // no test with one pair: the p-value is NaN (printed n/a), not the library's 2 · 1 / 2 = 1
        assertTrue(Double.isNaN(c.wilcoxonP()));
        assertEquals(ComparisonCells.UNKNOWN, ComparisonCells.paired(c).get(4), "no p-value printed");
        assertEquals(1, c.wins());
        assertFalse(c.significant());
        assertEquals("not significant", c.verdict());
    }

    @Test
    void sixLossesWithAnOutlierAreNotSignificantByTheIntervalButFlaggedAsDisagreeing() {
        // d = -0.01, -0.01, -0.02, -0.01, -0.02, -0.30 (one outlying fold):
        // mean = -0.061667; sd = sqrt(Σ(d - mean)² / 5): deviations +0.051667 (x3), +0.041667 (x2), -0.238333;
        // Σ = 3·0.0026694 + 2·0.0017361 + 0.0568028 = 0.0682833; sd = sqrt(0.0136567) = 0.116862;
        // t(0.975; 5) = 2.570582; half = 2.570582 · 0.116862 / sqrt(6) = 0.122639 -> [-0.184306, +0.060972]: contains 0.
        // Wilcoxon: all 6 deltas negative, W+ = 0: exact two-sided p = 2 / 2^6 = 0.03125 < 0.05.
        double[] ref = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        double[] cand = {0.49, 0.49, 0.48, 0.49, 0.48, 0.20};
        PairedComparison c = PairedComparison.of("a", "b", cand, ref);
        assertEquals(-0.061667, c.meanDelta(), 1e-6);
        assertEquals(-0.184306, c.ciLow(), 1e-5);
        assertEquals(0.060972, c.ciHigh(), 1e-5);
        assertEquals(0.03125, c.wilcoxonP(), 1e-12);
        assertEquals(6, c.losses());
        assertFalse(c.significant());
        assertTrue(c.testsDisagree());
        assertEquals("not significant (tests disagree)", c.verdict());
    }

    @Test
    void fivePairsAllBetterAreBetterByTheIntervalAndFlaggedBecauseWilcoxonCannotReachFivePercent() {
        // d = +0.01 .. +0.05: mean 0.03, sd 0.0158114, t(0.975; 4) = 2.776445, half = 0.019632: [0.010368, 0.049632];
        // exact Wilcoxon with 5 positive deltas: 2 / 32 = 0.0625 >= 0.05
        double[] ref = {0.5, 0.5, 0.5, 0.5, 0.5};
        double[] cand = {0.51, 0.52, 0.53, 0.54, 0.55};
        PairedComparison c = PairedComparison.of("a", "b", cand, ref);
        assertEquals(0.010368, c.ciLow(), 1e-5);
        assertEquals(0.0625, c.wilcoxonP(), 1e-12);
        assertTrue(c.significant());
        assertEquals("better (tests disagree)", c.verdict());
    }

    @Test
    void agreeingTestsCarryNoFlag() {
        double[] ref = new double[8];
        double[] cand = new double[8];
        for (int i = 0; i < 8; i++) {
            ref[i] = 0.5;
            cand[i] = 0.5 - 0.01 * (i + 1);
        }
        PairedComparison c = PairedComparison.of("a", "b", cand, ref);
        assertFalse(c.testsDisagree());
        assertEquals("worse", c.verdict());
    }

    @Test
    void noPairsGiveNaNAndNotSignificant() {
        PairedComparison c = PairedComparison.of("a", "b", new double[0], new double[0]);
        assertEquals(0, c.pairs());
        assertTrue(Double.isNaN(c.meanDelta()) && Double.isNaN(c.ciLow()) && Double.isNaN(c.wilcoxonP()));
        assertEquals(0, c.wins() + c.ties() + c.losses());
        assertEquals("not significant", c.verdict());
    }

    @Test
    void unequalLengthsNameBothLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairedComparison.of("student [logit]", "student [none]", new double[3], new double[2]));
        assertTrue(e.getMessage().contains("candidate has 3") && e.getMessage().contains("reference has 2"),
                e.getMessage());
        assertTrue(e.getMessage().contains("student [logit]"), e.getMessage());
    }

    @Test
    void aNaNScoreNamesItsSideAndIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairedComparison.of("a", "b", new double[] {0.5, 0.6}, new double[] {0.5, Double.NaN}));
        assertTrue(e.getMessage().contains("reference 'b' score [1] is NaN"), e.getMessage());
    }
}
