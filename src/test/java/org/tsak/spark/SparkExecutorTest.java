package org.tsak.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.config.ConfigLoader;
import org.tsak.config.ExperimentConfig;
import org.tsak.eval.ComparisonRow;
import org.tsak.train.ExperimentOutcome;
import org.tsak.train.ExperimentRunner;
import org.tsak.train.LocalExecutor;
import org.tsak.train.ProgressListener;

/**
 * One tiny leave-one-subject-out run (3 simulated workers, 3 folds, augmented views, a labels-only
 * and a distilled student) on the local executor with 1 and 2 workers and on Spark
 * {@code local[2,2]}: the same metrics, byte-identical weights and predictions, the same files.
 * On Spark the first attempt of one distilled student fails after its first epoch (a lost
 * executor, rehearsed): Spark retries it, it resumes from its checkpoint and ends the same.
 */
class SparkExecutorTest {

    static final String TINY = """
            name: spark-tiny
            seed: 5
            data:
              source: simulator
              simulator: {workers: 3, sessions: 1, boxes: 2}
              split: {kind: leave-one-subject-out}
            model:
              teacher: {embedChannels: 8, representationSize: 8}
              semantic: {hiddenSize: 8}
              student: {convChannels: [4, 4]}
            training:
              teacher: {epochs: 1, batchSize: 64}
              semantic: {epochs: 1, batchSize: 64}
              student: {epochs: 2, batchSize: 64, augmentation: {jitter: 0.05, shiftSamples: 2}}
            distillation: {seeds: 1, strategies: [none, sc-logit], augmentedViews: 1}
            evaluation: {latencyRuns: 30, warmupRuns: 10, throughputBatch: 8}
            """;

    static final String FAULTY = "fold-1/student/sc-logit/seed-0";

    @TempDir
    static Path tmp;
    static ExperimentOutcome one;
    static ExperimentOutcome two;
    static ExperimentOutcome spark;
    static final List<String> sparkStatus = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void runLocallyAndOnSpark() throws IOException {
        ExperimentConfig config = ConfigLoader.parse(TINY, "tiny");
        one = new ExperimentRunner(config, tmp.resolve("one"), ProgressListener.NONE).workers(1).run();
        two = new ExperimentRunner(config, tmp.resolve("two"), ProgressListener.NONE).workers(2).run();
        ProgressListener collect = new ProgressListener() {
            @Override
            public void status(String message) {
                sparkStatus.add(message);
            }
        };
        System.setProperty(TaskProcess.FAULT_PROPERTY, FAULTY + "@1");
        try {
            spark = new ExperimentRunner(config, tmp.resolve("spark"), collect)
                    .run(SparkEngine.executor(tmp.resolve("spark"), "local[2,2]", 2, collect));
        } finally {
            System.clearProperty(TaskProcess.FAULT_PROPERTY);
        }
    }

    @Test
    void localOneTwoWorkersAndSparkGiveTheSameMetrics() {
        for (ExperimentOutcome other : List.of(two, spark)) {
            List<ComparisonRow> a = one.table().rows();
            List<ComparisonRow> b = other.table().rows();
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).label(), b.get(i).label());
                assertEquals(a.get(i).macroF1(), b.get(i).macroF1(), 0.0, a.get(i).label());
                assertEquals(a.get(i).accuracy(), b.get(i).accuracy(), 0.0, a.get(i).label());
            }
            assertEquals(one.table().comparisons(), other.table().comparisons());
        }
    }

    @Test
    void weightsAndPredictionsAreByteIdentical() throws IOException {
        List<Path> files = files(one.runDir()).stream()
                .filter(p -> p.toString().endsWith(".params") || p.toString().endsWith("predictions.json")).toList();
        assertEquals(3 * (2 + 2) + 3 * (2 + 2 + 2), files.size(), "per fold: teacher, SC, 2 students (weights);"
                + " teacher, SC, 2 baselines, 2 students (predictions): " + files);
        assertTrue(files.contains(Path.of("fold-2/students/sc-logit/seed-0/student.params")), files.toString());
        for (Path f : files) {
            byte[] expected = Files.readAllBytes(one.runDir().resolve(f));
            assertArrayEquals(expected, Files.readAllBytes(two.runDir().resolve(f)), "2 workers: " + f);
            assertArrayEquals(expected, Files.readAllBytes(spark.runDir().resolve(f)), "Spark: " + f);
        }
    }

    @Test
    void sparkWritesTheFilesTheLocalExecutorWrites() throws IOException {
        assertEquals(files(one.runDir()), files(spark.runDir()));
    }

    @Test
    void theInterruptedStudentWasRetriedAndResumed() {
        assertTrue(sparkStatus.stream().anyMatch(s -> s.matches("\\s*student\\s+6 tasks.*; 1 retried")),
                sparkStatus.toString());
        assertTrue(sparkStatus.stream().anyMatch(s -> s.contains("resumed after epoch 1")), sparkStatus.toString());
        assertTrue(sparkStatus.stream().anyMatch(s -> s.contains("3 job(s)") || s.contains("2 job(s)")),
                sparkStatus.toString());
    }

    @Test
    void tasksGoToSparkByDependencyLevel() {
        LocalExecutor.Work none = () -> { };
        List<LocalExecutor.Task> plan = List.of(new LocalExecutor.Task("a", List.of(), true, none),
                new LocalExecutor.Task("b", List.of("a"), false, none),
                new LocalExecutor.Task("c", List.of(), false, none),
                new LocalExecutor.Task("d", List.of("b", "c"), false, none));
        List<List<String>> ids = SparkExecutor.levels(plan).stream()
                .map(l -> l.stream().map(LocalExecutor.Task::id).toList()).toList();
        assertEquals(List.of(List.of("a", "c"), List.of("b"), List.of("d")), ids);
        assertThrows(IllegalArgumentException.class, () -> SparkExecutor.levels(
                List.of(new LocalExecutor.Task("x", List.of("y"), false, none))));
        assertThrows(IllegalArgumentException.class, () -> SparkExecutor.levels(
                List.of(new LocalExecutor.Task("x", List.of("y"), false, none),
                        new LocalExecutor.Task("y", List.of("x"), false, none))));
    }

    @Test
    void withoutSparkTheMessageSaysHowToSubmit() {
        String m = SparkEngine.missingMessage();
        assertTrue(m.contains("spark-submit") && m.contains("--class org.tsak.cli.TsakCommand")
                && m.contains("--engine spark") && m.contains("docs/SCALE.md"), m);
    }

    /** Files of a run folder, relative, without those that differ by nature (times, lock, report). */
    private static Set<Path> files(Path root) throws IOException {
        Set<Path> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).map(root::relativize)
                    .filter(p -> !p.startsWith("report") && !p.toString().equals(".lock"))
                    .forEach(out::add);
        }
        return out;
    }
}
