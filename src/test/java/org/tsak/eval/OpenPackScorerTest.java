package org.tsak.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tsak.data.Operations;
import org.tsak.data.SecondLabels;

class OpenPackScorerTest {

    private static final double EPS = 1e-12;

    /** Ground truth from second 0 on, one id per second. */
    private static SecondLabels truth(int... ids) {
        long[] s = new long[ids.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1_000L * i;
        }
        return new SecondLabels(s, ids);
    }

    /** One prediction in the middle of each second from second 0 on. */
    private static TimedPredictions perSecond(int... ids) {
        long[] t = new long[ids.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = 1_000L * i + 500;
        }
        return new TimedPredictions(t, ids);
    }

    @Test
    void nullTruthSecondsAreDropped() {
        EvaluationResult r = OpenPackScorer.score("A", perSecond(100, 100, 200, 200), truth(100, 8100, 8100, 200));
        assertEquals(2, r.scoredSeconds());
        assertEquals(1.0, r.accuracy(), EPS);
        // classes 100 and 200 have F1 1, the other eight are absent and score 0
        assertEquals(0.2, r.macroF1(), EPS);
        assertEquals(1.0, r.weightedF1(), EPS);
        assertEquals(1.0, r.perClassF1().get(100), EPS);
        assertEquals(0.0, r.perClassF1().get(300), EPS);
        assertEquals(0, r.confusion().support(Operations.NULL_INDEX));
        assertEquals(List.of(100, 200, 300, 400, 500, 600, 700, 800, 900, 1000), List.copyOf(r.perClassF1().keySet()));
    }

    @Test
    void nullPredictionOnAnOperationSecondIsAMiss() {
        EvaluationResult r = OpenPackScorer.score("A", perSecond(100, 8100), truth(100, 100));
        // class 100: TP 1, FP 0, FN 1 -> F1 = 2 / 3; macro = (2/3) / 10
        assertEquals(2.0 / 3.0, r.perClassF1().get(100), EPS);
        assertEquals(2.0 / 30.0, r.macroF1(), EPS);
        assertEquals(0.5, r.accuracy(), EPS);
        assertEquals(1, r.confusion().count(0, Operations.NULL_INDEX));
    }

    @Test
    void reductionHappensBeforeScoring() {
        // second 0: predictions 200 then 100 -> 100 (last wins); second 1: none -> 100 (previous);
        // second 2: 300
        TimedPredictions p = new TimedPredictions(new long[] {100, 900, 2_100}, new int[] {200, 100, 300});
        EvaluationResult r = OpenPackScorer.score("A", p, truth(100, 100, 300));
        assertEquals(1.0, r.accuracy(), EPS);
        assertEquals(3, r.scoredSeconds());
        assertEquals(0.2, r.macroF1(), EPS);
    }

    @Test
    void sessionsAreConcatenatedNotAveraged() {
        // A: 1 second of 100, predicted 100. B: 9 seconds of 200, all predicted 100.
        Map<String, TimedPredictions> p = Map.of(
                "U0001-S0001", perSecond(100),
                "U0001-S0002", perSecond(100, 100, 100, 100, 100, 100, 100, 100, 100));
        Map<String, SecondLabels> gt = Map.of(
                "U0001-S0001", truth(100),
                "U0001-S0002", truth(200, 200, 200, 200, 200, 200, 200, 200, 200));
        EvaluationResult r = OpenPackScorer.score(p, gt);
        // concatenated: class 100 TP 1, FP 9, FN 0 -> F1 = 2 / 11; class 200 TP 0 -> 0
        assertEquals(2.0 / 11.0, r.perClassF1().get(100), EPS);
        assertEquals(2.0 / 110.0, r.macroF1(), EPS);
        // per session: A has class 100 perfect -> 0.1; B has nothing right -> 0; their mean is 0.05
        assertEquals(0.1, r.perSessionMacroF1().get("U0001-S0001"), EPS);
        assertEquals(0.0, r.perSessionMacroF1().get("U0001-S0002"), EPS);
        double meanOfSessions = (0.1 + 0.0) / 2;
        assertNotEquals(meanOfSessions, r.macroF1(), 1e-3);
        assertEquals(10, r.scoredSeconds());
        assertEquals(0.1, r.accuracy(), EPS);
        // weighted: support of 100 is 1, of 200 is 9: (1 * 2/11 + 9 * 0) / 10
        assertEquals(2.0 / 110.0, r.weightedF1(), EPS);
    }

    @Test
    void sessionKeysMustMatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OpenPackScorer.score(Map.of("A", perSecond(100)), Map.of("B", truth(100))));
        assertTrue(e.getMessage().contains("[B]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OpenPackScorer.score(
                Map.of("A", perSecond(100), "C", perSecond(100)), Map.of("A", truth(100))));
        assertTrue(e.getMessage().contains("[C]") && e.getMessage().contains("no ground truth"), e.getMessage());
    }

    @Test
    void toSubmissionGivesOnePredictionPerTruthSecond() {
        TimedPredictions p = new TimedPredictions(new long[] {300, 600, 2_700}, new int[] {100, 200, 300});
        Map<String, TimedPredictions> s = OpenPackScorer.toSubmission(Map.of("A", p), Map.of("A", truth(100, 8100, 300)));
        assertEquals(new TimedPredictions(new long[] {0, 1_000, 2_000}, new int[] {200, 200, 300}), s.get("A"));
    }
}
