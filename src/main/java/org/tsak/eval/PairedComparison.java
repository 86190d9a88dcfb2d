package org.tsak.eval;

import java.util.Arrays;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * The paired change in a score (macro-F1) of a candidate model over a reference model, measured
 * on the same (fold, seed) pairs: the project's rule for "helps" (docs/METHOD.md,
 * "Judging a strategy") is a 95% confidence interval above 0.
 *
 * <p>With {@code d[i] = cand[i] - ref[i]} for the {@code n} pairs:
 * <ul>
 * <li>{@code meanDelta = (1/n) Σ d[i]}; {@code stdDelta = sqrt(Σ (d[i] - mean)² / (n - 1))}, the
 * sample standard deviation (NaN for {@code n < 2});</li>
 * <li>95% confidence interval, Student's paired t interval:
 * {@code mean ± t(0.975; n-1) · sd / √n}, with the quantile from Commons Math's
 * {@link TDistribution} (NaN bounds for {@code n < 2}; when every delta is equal the interval
 * is the single point {@code [mean, mean]});</li>
 * <li>Wilcoxon signed-rank test, two-sided p-value, from Commons Math's
 * {@link WilcoxonSignedRankTest}: pairs with a zero delta ({@code |d| <= 1e-12}) are dropped
 * first (Wilcoxon's own treatment, SciPy's default {@code zero_method="wilcox"}; Commons Math
 * would otherwise rank them and count them as negative changes), deltas are rounded to 1e-12 so
 * that equal changes tie, the {@code m} remaining |d| are ranked (average ranks on ties),
 * {@code W+} = sum of the ranks of positive deltas, {@code W- = m(m+1)/2 - W+},
 * {@code W = max(W+, W-)}. For {@code m <= 30} the p-value is exact:
 * {@code p = 2 · #{sign patterns with rank sum >= W} / 2^m} (the enumeration uses the untied
 * ranks 1..m, so with tied |d| it is approximate); above 30 it is the library's normal
 * approximation {@code p = 2 Φ((Wmin - m(m+1)/4 - 0.5) / sqrt(m(m+1)(2m+1)/24))},
 * {@code Wmin = min(W+, W-)} (as written in Commons Math 3.6.1: the 0.5 is subtracted, which
 * makes p slightly smaller than the usual continuity correction would, and the variance has no
 * tie correction). The exact two-sided p can exceed 1 for balanced data; it is capped at 1.
 * When every delta is 0 (m = 0) the p-value is 1; with fewer than 2 pairs there is no test and
 * the p-value is NaN (printed n/a);</li>
 * <li>wins / ties / losses: pairs with {@code d > 1e-12}, {@code |d| <= 1e-12}, {@code d < -1e-12}.</li>
 * </ul>
 * A change is {@link #significant()} when the interval excludes 0 (and there are at least 2
 * pairs): the verdict follows the interval. When the Wilcoxon test lands on the other side of
 * 0.05 ({@link #testsDisagree()}: interval contains 0 but p &lt; 0.05, or the reverse) the verdict
 * says so, e.g. {@code not significant (tests disagree)}: with few pairs the two tests weigh an
 * outlying pair differently, and neither result should be read as settled. (With fewer than 6
 * non-zero deltas the exact two-sided Wilcoxon p cannot go below 0.0625.)
 *
 * @param candidate  label of the candidate model, e.g. {@code student [sc-logit]}
 * @param reference  label of the reference model, e.g. {@code student [none]} or {@code teacher}
 * @param pairs      number of (fold, seed) pairs {@code n}
 * @param meanDelta  mean of candidate - reference (NaN for no pairs)
 * @param stdDelta   sample standard deviation of the deltas (NaN for fewer than 2 pairs)
 * @param ciLow      lower bound of the 95% paired t interval (NaN for fewer than 2 pairs)
 * @param ciHigh     upper bound of the 95% paired t interval (NaN for fewer than 2 pairs)
 * @param wilcoxonP  two-sided Wilcoxon signed-rank p-value (NaN for fewer than 2 pairs, 1 if every
 *                   delta is 0)
 * @param wins       pairs where the candidate scores higher by more than 1e-12
 * @param ties       pairs within 1e-12
 * @param losses     pairs where the candidate scores lower by more than 1e-12
 */
public record PairedComparison(String candidate, String reference, int pairs, double meanDelta,
        double stdDelta, double ciLow, double ciHigh, double wilcoxonP, int wins, int ties, int losses) {

    /** Deltas with an absolute value at most this are ties (and dropped by the Wilcoxon test). */
    public static final double TIE_TOLERANCE = 1e-12;

    /** Confidence level of the interval. */
    public static final double CONFIDENCE = 0.95;

    /** Largest number of non-zero deltas for which the Wilcoxon p-value is exact. */
    public static final int EXACT_WILCOXON_MAX_PAIRS = 30;

    /**
     * Compares paired scores.
     *
     * @param candidate label of the candidate model
     * @param reference label of the reference model
     * @param cand      candidate scores; {@code cand[i]} and {@code ref[i]} are paired (same fold and seed)
     * @param ref       reference scores
     * @return the comparison; deltas are {@code cand - ref}
     * @throws IllegalArgumentException if the arrays differ in length (both lengths are named) or a
     *                                  score is NaN or infinite (its array and index are named)
     */
    public static PairedComparison of(String candidate, String reference, double[] cand, double[] ref) {
        if (cand.length != ref.length) {
            throw new IllegalArgumentException("paired scores of '" + candidate + "' vs '" + reference
                    + "' differ in length: candidate has " + cand.length + ", reference has " + ref.length
                    + "; each candidate score needs the reference score of the same fold and seed");
        }
        int n = cand.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            requireFinite(cand[i], "candidate '" + candidate + "'", i);
            requireFinite(ref[i], "reference '" + reference + "'", i);
            d[i] = cand[i] - ref[i];
        }
        int wins = 0;
        int ties = 0;
        int losses = 0;
        for (double x : d) {
            if (x > TIE_TOLERANCE) {
                wins++;
            } else if (x < -TIE_TOLERANCE) {
                losses++;
            } else {
                ties++;
            }
        }
        double mean = n == 0 ? Double.NaN : Arrays.stream(d).sum() / n;
        double sd = Double.NaN;
        double lo = Double.NaN;
        double hi = Double.NaN;
        if (n >= 2) {
            double ss = 0;
            for (double x : d) {
                ss += (x - mean) * (x - mean);
            }
            sd = Math.sqrt(ss / (n - 1));
            double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
            double half = t * sd / Math.sqrt(n);
            lo = mean - half;
            hi = mean + half;
        }
        double p = n >= 2 ? wilcoxonP(d) : Double.NaN;
        return new PairedComparison(candidate, reference, n, mean, sd, lo, hi, p, wins, ties, losses);
    }

    /** True if the 95% interval excludes 0 (needs at least 2 pairs). */
    public boolean significant() {
        return pairs >= 2 && !Double.isNaN(ciLow) && !Double.isNaN(ciHigh) && (ciLow > 0 || ciHigh < 0);
    }

    /** Significance level the Wilcoxon p-value is compared with in {@link #testsDisagree()}. */
    public static final double ALPHA = 1 - CONFIDENCE;

    /**
     * True if the t interval and the Wilcoxon test disagree at the 5% level: the interval excludes
     * 0 while {@code p >= 0.05}, or contains 0 while {@code p < 0.05} (false with fewer than 2 pairs).
     */
    public boolean testsDisagree() {
        if (pairs < 2 || Double.isNaN(wilcoxonP)) {
            return false;
        }
        return significant() != (wilcoxonP < ALPHA);
    }

    /**
     * {@code better} (interval above 0), {@code worse} (below 0) or {@code not significant},
     * followed by {@code  (tests disagree)} when {@link #testsDisagree()}.
     */
    public String verdict() {
        String v = !significant() ? "not significant" : ciLow > 0 ? "better" : "worse";
        return testsDisagree() ? v + " (tests disagree)" : v;
    }

    /** Two-sided Wilcoxon signed-rank p-value of the deltas, zero deltas dropped (see the class javadoc). */
    static double wilcoxonP(double[] deltas) {
        if (deltas.length == 0) {
            return Double.NaN;
        }
        double[] nonZero = Arrays.stream(deltas).filter(x -> Math.abs(x) > TIE_TOLERANCE)
                .map(x -> Math.rint(x / TIE_TOLERANCE) * TIE_TOLERANCE).toArray();
        int m = nonZero.length;
        if (m == 0) {
            return 1.0;
        }
        // the library tests y - x: x = 0, y = delta
        double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(new double[m], nonZero,
                m <= EXACT_WILCOXON_MAX_PAIRS);
        return Math.min(1.0, p);
    }

    private static void requireFinite(double v, String what, int i) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " score [" + i + "] is " + v
                    + "; paired comparisons need a finite score for every (fold, seed) pair");
        }
    }
}
