package org.tsak.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.Operations;
import org.tsak.data.SecondLabels;
import org.tsak.testing.SharedDatasets;

/** Scoring on the real OpenPack sample session U0209-S0500 (skipped when it is absent). */
class OpenPackSampleScoringTest {

    private static final String KEY = "U0209-S0500";

    /** Reads the official 1 Hz ground truth (unixtime,user,session,box,id) directly. */
    private static SecondLabels groundTruth() throws IOException {
        Path csv = SharedDatasets.openPackSampleOrSkip()
                .resolve("U0209/annotation/openpack-operations-1hz/S0500.csv");
        List<String> lines = Files.readAllLines(csv);
        assertEquals("unixtime,user,session,box,id", lines.get(0));
        long[] seconds = new long[lines.size() - 1];
        int[] ids = new int[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            String[] f = lines.get(i + 1).split(",");
            seconds[i] = Long.parseLong(f[0]);
            ids[i] = Integer.parseInt(f[4]);
        }
        return new SecondLabels(seconds, ids);
    }

    private static double expectedPerfectMacroF1(SecondLabels gt) {
        Set<Integer> present = new TreeSet<>();
        for (int id : gt.operationIds()) {
            if (id != Operations.NULL_ID) {
                present.add(id);
            }
        }
        return present.size() / 10.0;   // present classes score 1, absent ones 0
    }

    @Test
    void groundTruthAsPredictionScoresPerfectlyOnPresentClasses() throws IOException {
        SecondLabels gt = groundTruth();
        EvaluationResult r = OpenPackScorer.score(KEY, new TimedPredictions(gt.secondsMs(), gt.operationIds()), gt);
        double expected = expectedPerfectMacroF1(gt);
        assertEquals(expected, r.macroF1(), 1e-12);
        assertEquals(1.0, expected, "all ten operations occur in S0500");
        assertEquals(1.0, r.accuracy(), 1e-12);
        long nonNull = java.util.Arrays.stream(gt.operationIds()).filter(id -> id != Operations.NULL_ID).count();
        assertEquals(nonNull, r.scoredSeconds());
    }

    @Test
    void windowPredictionsInsideEachSecondReduceToTheLast() throws IOException {
        SecondLabels gt = groundTruth();
        // two windows end in each second: at +250 ms a wrong guess (next class), at +750 ms the truth
        long[] t = new long[2 * gt.size()];
        int[] y = new int[2 * gt.size()];
        for (int s = 0; s < gt.size(); s++) {
            t[2 * s] = gt.secondMs(s) + 250;
            y[2 * s] = gt.operationId(s) == 1000 ? 100 : gt.operationId(s) % 1000 + 100;
            t[2 * s + 1] = gt.secondMs(s) + 750;
            y[2 * s + 1] = gt.operationId(s);
        }
        EvaluationResult r = OpenPackScorer.score(KEY, new TimedPredictions(t, y), gt);
        assertEquals(expectedPerfectMacroF1(gt), r.macroF1(), 1e-12);
    }

    @Test
    void predictionsLateByThreeSecondsScoreLower() throws IOException {
        SecondLabels gt = groundTruth();
        int k = 3;
        long[] late = gt.secondsMs();
        for (int i = 0; i < late.length; i++) {
            late[i] += k * 1_000L;
        }
        EvaluationResult r = OpenPackScorer.score(KEY, new TimedPredictions(late, gt.operationIds()), gt);
        // second s is predicted gt[s - k]; the first k seconds take the first prediction gt[0]
        int[] ids = gt.operationIds();
        long correct = 0;
        long scored = 0;
        for (int s = 0; s < ids.length; s++) {
            if (ids[s] == Operations.NULL_ID) {
                continue;
            }
            scored++;
            correct += ids[s] == ids[Math.max(0, s - k)] ? 1 : 0;
        }
        assertEquals((double) correct / scored, r.accuracy(), 1e-12);
        assertTrue(r.macroF1() < expectedPerfectMacroF1(gt) - 0.01, "macro-F1 " + r.macroF1());
        assertTrue(r.macroF1() > 0.5, "a 3 s lag still gets most seconds right: " + r.macroF1());
        // cross-checked by an independent script over the same CSV (per-class 2TP/(2TP+FP+FN)):
        // 3 s lag -> macro-F1 0.515805, accuracy 0.600427 (843 of 1404 seconds)
        assertEquals(0.5158048759684184, r.macroF1(), 1e-9);
    }

    @Test
    void submissionRoundTripGivesTheSameScore(@TempDir Path dir) throws IOException {
        SecondLabels gt = groundTruth();
        long[] t = gt.secondsMs();
        int[] y = gt.operationIds();
        for (int i = 0; i < t.length; i++) {
            t[i] += 1_000L * 2 + 400;   // windows ending 2.4 s late
        }
        Map<String, TimedPredictions> windows = Map.of(KEY, new TimedPredictions(t, y));
        Map<String, SecondLabels> truths = Map.of(KEY, gt);
        Path file = dir.resolve("submission.json");
        SubmissionWriter.write(file, OpenPackScorer.toSubmission(windows, truths));
        EvaluationResult direct = OpenPackScorer.score(windows, truths);
        EvaluationResult fromFile = OpenPackScorer.score(SubmissionReader.read(file), truths);
        assertEquals(direct.macroF1(), fromFile.macroF1(), 0.0);
        assertEquals(direct.confusion(), fromFile.confusion());
        assertEquals(gt.size(), SubmissionReader.read(file).get(KEY).size());
    }
}
