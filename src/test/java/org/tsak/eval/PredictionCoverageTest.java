package org.tsak.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tsak.data.SecondLabels;

/** Issue 11, kind 1: the coverage rule and the likely cause, on hand-worked times. */
class PredictionCoverageTest {

    private static final long T0 = 1_634_884_345_000L; // the OpenPack sample's first second

    /** {@code n} ground-truth seconds from T0, operations cycling 100..1000 (no Null). */
    private static SecondLabels truth(int n) {
        long[] s = new long[n];
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = T0 + 1000L * i;
            ids[i] = 100 * (1 + i % 10);
        }
        return new SecondLabels(s, ids);
    }

    /** The truth as a perfect 1 Hz submission, seconds {@code from..to-1}, times shifted by {@code shiftMs}. */
    private static TimedPredictions perfect(SecondLabels gt, int from, int to, long shiftMs) {
        long[] t = Arrays.copyOfRange(gt.secondsMs(), from, to);
        for (int i = 0; i < t.length; i++) {
            t[i] += shiftMs;
        }
        return new TimedPredictions(t, Arrays.copyOfRange(gt.operationIds(), from, to));
    }

    @Test
    void aSecondIsCoveredByAPredictionWithinFiveSeconds() {
        SecondLabels gt = truth(20);
        // predictions in the middle of seconds 0..5: the last at T0 + 5500 covers seconds up to 10
        // (10 s - 5 s = 5 s <= 5.5 s), not 11 (6 s > 5.5 s)
        long[] t = {T0 + 500, T0 + 1500, T0 + 2500, T0 + 3500, T0 + 4500, T0 + 5500};
        TimedPredictions p = new TimedPredictions(t, new int[] {100, 200, 300, 400, 500, 600});
        boolean[] covered = PredictionCoverage.coveredSeconds(p, gt);
        for (int s = 0; s < 20; s++) {
            assertEquals(s <= 10, covered[s], "second " + s);
        }
        PredictionCoverage c = PredictionCoverage.of("A", p, gt);
        assertEquals(11, c.coveredSeconds());
        assertEquals(55.0, c.percent(), 1e-12);
        assertEquals("the predictions end 13.5 s before the ground truth, at 2021-10-22T06:32:30.500Z", c.likelyCause());
        // only the 11 covered seconds are scored: 0..5 right, 6..10 filled with 600 (right only at 5)
        EvaluationResult r = OpenPackScorer.score("A", p, gt);
        assertEquals(11, r.scoredSeconds());
        assertEquals(6.0 / 11.0, r.accuracy(), 1e-12);
    }

    @Test
    void windowPredictionsAndOneHertzSubmissionsCoverEverySecond() {
        SecondLabels gt = truth(100);
        // windows of 2 s, stride 1 s: the first ends at 1.967 s
        long[] t = new long[99];
        int[] y = new int[99];
        for (int i = 0; i < t.length; i++) {
            t[i] = T0 + 1967 + 1000L * i;
            y[i] = 100;
        }
        assertTrue(PredictionCoverage.of("A", new TimedPredictions(t, y), gt).complete());
        PredictionCoverage c = PredictionCoverage.of("A", perfect(gt, 0, 100, 0), gt);
        assertTrue(c.complete());
        assertEquals("", c.likelyCause());
        assertEquals("session A: predictions cover 100.0% (100 of 100 s) of the ground truth", c.describe());
    }

    @Test
    void unixtimeInSecondsIsNamed() {
        SecondLabels gt = truth(100);
        TimedPredictions p = perfect(gt, 0, 100, 0);
        long[] seconds = p.timestampsMs();
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] /= 1000;
        }
        TimedPredictions inSeconds = new TimedPredictions(seconds, p.operationIds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PredictionCoverage.require(Map.of("U0209-S0500", inSeconds), Map.of("U0209-S0500", gt)));
        assertTrue(e.getMessage().contains("session U0209-S0500: predictions cover 0.0% (0 of 100 s) of the ground"
                + " truth; ground truth 2021-10-22T06:32:25Z .. 2021-10-22T06:34:05Z"), e.getMessage());
        assertTrue(e.getMessage().contains("predictions 1970-01-19T22:08:04.345Z"), e.getMessage());
        assertTrue(e.getMessage().contains("likely cause: unixtime in seconds instead of milliseconds"),
                e.getMessage());
        assertTrue(e.getMessage().contains("nothing is scored"), e.getMessage());
    }

    @Test
    void aShiftByWholeHoursIsATimeZoneOffset() {
        SecondLabels gt = truth(100);
        assertEquals("a time-zone offset: the predictions are shifted by +9 h against the ground truth; OpenPack"
                + " unixtime is UTC, so convert local times to UTC",
                PredictionCoverage.of("A", perfect(gt, 0, 100, 9 * 3_600_000L), gt).likelyCause());
        assertTrue(PredictionCoverage.of("A", perfect(gt, 0, 100, -(5 * 60 + 30) * 60_000L), gt).likelyCause()
                .contains("shifted by -5 h 30 min"));
        // window predictions (ending 2 s into their second) shifted by +1 h are still a time-zone offset
        assertTrue(PredictionCoverage.of("A", perfect(gt, 0, 100, 3_600_000L + 2_000), gt).likelyCause()
                .contains("shifted by +1 h against"));
    }

    @Test
    void partlyCoveredSessionsAreScoredOnTheirCoveredSecondsAndBelowHalfIsAnError() {
        SecondLabels gt = truth(100);
        // shifted by +30 s: seconds 25..99 are covered (the first prediction, at 30 s, is within 5 s of second 25)
        PredictionCoverage shifted = PredictionCoverage.of("A", perfect(gt, 0, 100, 30_000), gt);
        assertEquals(75, shifted.coveredSeconds());
        assertEquals("the predictions are shifted by +30.0 s against the ground truth (same shift at the start and"
                + " at the end); check the clock or the offset applied to them", shifted.likelyCause());
        // a gap from 40 s to 60 s: seconds 40..44 take the prediction of 39 (within 5 s), 45..59 are uncovered
        TimedPredictions gap = new TimedPredictions(
                concat(perfect(gt, 0, 40, 500).timestampsMs(), perfect(gt, 60, 100, 500).timestampsMs()),
                concat(perfect(gt, 0, 40, 0).operationIds(), perfect(gt, 60, 100, 0).operationIds()));
        PredictionCoverage g = PredictionCoverage.of("B", gap, gt);
        assertEquals(85, g.coveredSeconds());
        assertTrue(g.likelyCause().startsWith("the predictions have a gap of 21.0 s after 2021-10-22T06:33:04.500Z"),
                g.likelyCause());
        EvaluationResult r = OpenPackScorer.score("B", gap, gt);
        assertEquals(85, r.scoredSeconds());
        assertEquals(80.0 / 85.0, r.accuracy(), 1e-12, "seconds 40..44 filled wrongly, 45..59 not scored at all");
        // the first 40 seconds only: 45 covered, below 50%
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PredictionCoverage.require(
                Map.of("A", perfect(gt, 0, 100, 0), "C", perfect(gt, 0, 40, 0)), Map.of("A", gt, "C", gt)));
        assertTrue(e.getMessage().contains("session C: predictions cover 45.0% (45 of 100 s)"), e.getMessage());
        assertTrue(!e.getMessage().contains("session A"), e.getMessage());
        assertTrue(e.getMessage().contains("the predictions end 60.0 s before the ground truth"), e.getMessage());
        List<PredictionCoverage> ok = PredictionCoverage.require(Map.of("B", gap), Map.of("B", gt));
        assertEquals(85.0, ok.get(0).percent(), 1e-12);
    }

    @Test
    void aSubmissionHoldsOnlyCoveredSecondsAndScoresTheSame() {
        SecondLabels gt = truth(20);
        TimedPredictions p = new TimedPredictions(new long[] {T0 + 500, T0 + 5500}, new int[] {100, 600});
        TimedPredictions s = OpenPackScorer.toSubmission(Map.of("A", p), Map.of("A", gt)).get("A");
        assertEquals(11, s.size());
        assertArrayEquals(new int[] {100, 100, 100, 100, 100, 600, 600, 600, 600, 600, 600}, s.operationIds());
        assertArrayEquals(Arrays.copyOf(gt.secondsMs(), 11), s.timestampsMs());
        TimedPredictions full = perfect(gt, 0, 20, 700);
        assertEquals(OpenPackScorer.score("A", full, gt).confusion(), OpenPackScorer.score("A",
                OpenPackScorer.toSubmission(Map.of("A", full), Map.of("A", gt)).get("A"), gt).confusion());
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
