package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.config.ConfigLoader;
import org.tsak.config.ExperimentConfig;
import org.tsak.config.Seeds;
import org.tsak.data.PreparedData;
import org.tsak.data.window.Split;
import org.tsak.data.window.WindowSet;
import org.tsak.eval.ComparisonRow;
import org.tsak.eval.PairedComparison;

/**
 * Leave-one-subject-out over three simulated workers, run with one worker thread and with two:
 * the same metrics and byte-identical weights; every fold tests a person it never trained on;
 * the table pairs every strategy with the no-KD student on the same (fold, seed).
 */
class ParallelPlanTest {

    static final String LOSO = """
            name: loso
            seed: 11
            data:
              source: simulator
              simulator: {workers: 3, sessions: 1, boxes: 2}
              split: {kind: leave-one-subject-out}
            model:
              teacher: {embedChannels: 16, representationSize: 16}
              semantic: {hiddenSize: 16}
              student: {convChannels: [8, 8]}
            training:
              teacher: {epochs: 2, batchSize: 64, seeds: 2}
              semantic: {epochs: 2, batchSize: 64}
              student: {epochs: 2, batchSize: 64}
            distillation: {seeds: 2, strategies: [none, sc-logit, combi-rep]}
            evaluation: {latencyRuns: 30, warmupRuns: 10, throughputBatch: 8}
            """;

    @TempDir
    static Path tmp;
    static ExperimentOutcome one;
    static ExperimentOutcome two;

    @BeforeAll
    static void runWithOneAndTwoWorkers() throws IOException {
        ExperimentConfig config = ConfigLoader.parse(LOSO, "loso");
        one = new ExperimentRunner(config, tmp.resolve("one"), ProgressListener.NONE).workers(1).run();
        two = new ExperimentRunner(config, tmp.resolve("two"), ProgressListener.NONE).workers(2).run();
    }

    @Test
    void oneAndTwoWorkersGiveTheSameMetricsAndWeights() throws IOException {
        List<ComparisonRow> a = one.table().rows();
        List<ComparisonRow> b = two.table().rows();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).label(), b.get(i).label());
            assertEquals(a.get(i).macroF1(), b.get(i).macroF1(), 0.0, a.get(i).label());
        }
        List<Path> weights;
        try (Stream<Path> s = Files.walk(one.runDir())) {
            weights = s.filter(p -> p.toString().endsWith(".params")).toList();
        }
        assertEquals(3 * (2 + 3 * 2), weights.size(), weights.toString());
        for (Path w : weights) {
            Path other = two.runDir().resolve(one.runDir().relativize(w));
            assertArrayEquals(Files.readAllBytes(w), Files.readAllBytes(other), w.toString());
        }
    }

    @Test
    void everyFoldTestsAPersonItNeverTrainedOrValidatedOn() throws IOException {
        PreparedData data = PreparedData.prepare(ConfigLoader.parse(LOSO, "loso").data(), Seeds.derive(11, "data"));
        WindowSet w = data.windows();
        assertEquals(3, data.folds().size());
        Set<String> tested = new HashSet<>();
        for (Split s : data.folds()) {
            Set<String> test = subjects(w, s.test());
            Set<String> seen = subjects(w, s.train());
            seen.addAll(subjects(w, s.validation()));
            assertEquals(1, test.size(), test.toString());
            for (String t : test) {
                assertFalse(seen.contains(t), t + " is tested and also trained/validated on");
            }
            tested.addAll(test);
        }
        assertEquals(Set.of("W01", "W02", "W03"), tested);
        assertEquals(List.of("W01", "W02", "W03"), ExperimentRunner.heldOut(data));
    }

    @Test
    void tablePairsStrategiesWithNoKdOverFoldsAndSeeds() {
        List<PairedComparison> cs = one.table().comparisons();
        PairedComparison sc = cs.stream().filter(c -> c.candidate().equals("student [sc-logit]")
                && c.reference().equals("student [none]")).findFirst().orElseThrow();
        assertEquals(3 * 2, sc.pairs(), "3 folds x 2 seeds");
        PairedComparison vsTeacher = cs.stream().filter(c -> c.candidate().equals("student [none]")
                && c.reference().equals("teacher")).findFirst().orElseThrow();
        assertEquals(3, vsTeacher.pairs(), "one pair per fold: only folds are independent against the teacher");
        ComparisonRow teacher = one.table().rows().get(0);
        assertEquals("teacher", teacher.label());
        assertEquals(3 * 2, teacher.seeds(), "3 folds x 2 teacher seeds");
        assertEquals(3, one.table().folds().size());
        assertTrue(one.table().folds().get(0).macroF1ByModel().containsKey("student [combi-rep]"));
        ComparisonRow none = one.table().rows().stream().filter(r -> r.label().equals("student [none]"))
                .findFirst().orElseThrow();
        assertEquals(6, none.seeds(), "n counts (fold, seed) results");
    }

    @Test
    void teacherAndBaselineComparisonsPairFoldMeans() throws IOException {
        // by hand from the metrics files: per fold, mean over the student's seeds minus mean over the teacher's
        double[] cand = new double[3];
        double[] ref = new double[3];
        for (int f = 0; f < 3; f++) {
            Path fold = one.runDir().resolve("fold-" + f);
            cand[f] = (f1(fold.resolve("students/none/seed-0")) + f1(fold.resolve("students/none/seed-1"))) / 2;
            ref[f] = (f1(fold.resolve("teacher")) + f1(fold.resolve("teacher-seed-1"))) / 2;
        }
        PairedComparison expected = PairedComparison.of("student [none]", "teacher", cand, ref);
        PairedComparison vsTeacher = one.table().comparisons().stream().filter(c -> c.candidate()
                .equals("student [none]") && c.reference().equals("teacher")).findFirst().orElseThrow();
        assertEquals(expected, vsTeacher);
        double[] sc = new double[3];
        double[] forest = new double[3];
        for (int f = 0; f < 3; f++) {
            Path fold = one.runDir().resolve("fold-" + f);
            sc[f] = (f1(fold.resolve("students/sc-logit/seed-0")) + f1(fold.resolve("students/sc-logit/seed-1"))) / 2;
            forest[f] = f1(fold.resolve("baselines/random-forest-student-channels"));
        }
        PairedComparison vsBaseline = one.table().comparisons().stream().filter(c -> c.candidate()
                .equals("student [sc-logit]") && c.reference().startsWith("baseline")).findFirst().orElseThrow();
        assertEquals(PairedComparison.of("student [sc-logit]", vsBaseline.reference(), sc, forest), vsBaseline);
        assertTrue(one.table().notes().stream().anyMatch(n -> n.startsWith("teacher seed-to-seed spread")),
                one.table().notes().toString());
        assertFalse(Files.exists(one.runDir().resolve("fold-0/teacher-seed-1/weights.params")),
                "an extra teacher's weights are not kept");
    }

    private static double f1(Path modelDir) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(modelDir.resolve("metrics.json").toFile())
                .get("macroF1").asDouble();
    }

    private static Set<String> subjects(WindowSet w, int[] idx) {
        Set<String> out = new HashSet<>();
        for (int i : idx) {
            out.add(w.recordings().get(w.recordingOf(i)).subjectId());
        }
        return out;
    }
}
