package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.config.ConfigLoader;
import org.tsak.data.window.Split;
import org.tsak.data.window.WindowSet;
import org.tsak.distill.TeacherTargets;
import org.tsak.model.TargetKind;

/** Out-of-fold soft targets: parts by person, replaced rows, untouched rows, clear errors. */
class CrossFittingTest {

    private static final String TINY = ExperimentRunnerTest.TINY.replace("distillation: {seeds: 1}",
            "distillation: {seeds: 1, strategies: [none, sc-logit]}");

    @TempDir
    Path tmp;

    @Test
    void partsFollowPeopleAndCoverTheTrainingWindowsOnce() throws IOException {
        RunContext c = new ExperimentRunner(ConfigLoader.parse(TINY, "tiny"), tmp.resolve("a"), ProgressListener.NONE)
                .context();
        WindowSet w = c.data().windows();
        int[] train = c.data().folds().get(0).train();
        int[][] parts = CrossFitting.parts(w, train, 2, 0);
        Set<String> subjects = new HashSet<>();
        int total = 0;
        for (int[] p : parts) {
            Set<String> s = new HashSet<>();
            for (int i : p) {
                s.add(w.recordings().get(w.recordingOf(i)).subjectId());
            }
            assertEquals(1, s.size(), "one person per part with 2 training persons: " + s);
            assertTrue(subjects.addAll(s), "a person in two parts: " + s);
            total += p.length;
        }
        assertEquals(train.length, total);
        int[] merged = Arrays.stream(parts).flatMapToInt(Arrays::stream).sorted().toArray();
        int[] sorted = train.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, merged);
        // 3 parts from 2 persons fall back to recordings (one session each: 2 recordings): refused
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossFitting.parts(w, train, 3, 0));
        assertTrue(e.getMessage().contains("distillation.crossFitting: 3 parts need at least 3")
                && e.getMessage().contains("fold 0 trains on 2 subject(s) in 2 recording(s)"), e.getMessage());
    }

    @Test
    void trainingRowsGetOutOfFoldLogitsAndEverythingElseIsKept() throws IOException {
        RunContext plain = new ExperimentRunner(ConfigLoader.parse(TINY, "tiny"), tmp.resolve("plain"),
                ProgressListener.NONE).context();
        RunContext crossed = new ExperimentRunner(ConfigLoader.parse(TINY.replace("strategies: [none, sc-logit]}",
                "strategies: [none, sc-logit], crossFitting: 2}"), "tiny"), tmp.resolve("crossed"),
                ProgressListener.NONE).context();
        TeacherTargets inFold = FoldTargets.compute(plain, 0);
        TeacherTargets outOfFold = FoldTargets.compute(crossed, 0);
        Split fold = plain.data().folds().get(0);
        int[] train = fold.train();
        for (TargetKind kind : new TargetKind[] {TargetKind.TEACHER_LOGITS, TargetKind.SC_LOGITS}) {
            assertFalse(Arrays.equals(inFold.rows(kind, train, 0, train.length),
                    outOfFold.rows(kind, train, 0, train.length)), kind + ": training rows replaced");
            for (int[] kept : new int[][] {fold.validation(), fold.test()}) {
                assertArrayEquals(inFold.rows(kind, kept, 0, kept.length),
                        outOfFold.rows(kind, kept, 0, kept.length), kind + ": validation and test rows kept");
            }
        }
        assertArrayEquals(inFold.combiRep(), outOfFold.combiRep(), "representation targets stay the fold teacher's");
        assertArrayEquals(inFold.attnRep(), outOfFold.attnRep());
        // out of fold the teacher is less sure of the training windows than in fold
        assertTrue(meanTopProbability(outOfFold, train) < meanTopProbability(inFold, train),
                meanTopProbability(outOfFold, train) + " vs " + meanTopProbability(inFold, train));
    }

    private static double meanTopProbability(TeacherTargets t, int[] rows) {
        float[] logits = t.rows(TargetKind.TEACHER_LOGITS, rows, 0, rows.length);
        int k = t.classes();
        double sum = 0;
        for (int r = 0; r < rows.length; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, logits[r * k + j]);
            }
            double z = 0;
            for (int j = 0; j < k; j++) {
                z += Math.exp(logits[r * k + j] - max);
            }
            sum += 1 / z;
        }
        return sum / rows.length;
    }
}
