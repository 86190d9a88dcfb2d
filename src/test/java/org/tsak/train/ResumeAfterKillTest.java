package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.config.ConfigLoader;

/**
 * Crash safety: a run started as a child process, killed with SIGKILL mid-training, then
 * resumed, finishes with the same metrics and byte-identical weights as an uninterrupted run.
 */
class ResumeAfterKillTest {

    static final String CONFIG = ExperimentRunnerTest.TINY.replace("distillation: {seeds: 1}",
            "distillation: {seeds: 2, strategies: [none, sc-logit, combi-rep]}");

    @TempDir
    static Path tmp;

    static Path reference;

    @BeforeAll
    static void uninterrupted() throws IOException {
        reference = tmp.resolve("reference");
        new ExperimentRunner(ConfigLoader.parse(CONFIG, "resume"), reference, ProgressListener.NONE).run();
    }

    @Test
    void killedDuringStudentsThenResumedMatchesUninterrupted() throws Exception {
        Path run = tmp.resolve("killed-students");
        killWhen(run, run.resolve("students/none/seed-1/metrics.json"));
        assertTrue(!Files.exists(run.resolve("table.json")), "the child must have died before finishing");
        ExperimentRunner.open(run, ProgressListener.NONE).run();
        assertSameResults(reference, run);
    }

    @Test
    void killedDuringTheTeacherThenResumedMatchesUninterrupted() throws Exception {
        Path run = tmp.resolve("killed-teacher");
        killWhen(run, run.resolve("teacher/checkpoint.bin"));
        assertTrue(!Files.exists(run.resolve("teacher/metrics.json")), "killed before the teacher finished");
        ExperimentRunner.open(run, ProgressListener.NONE).run();
        assertSameResults(reference, run);
    }

    @Test
    void killedInsideAStudentsEpochsThenResumedMatchesUninterrupted() throws Exception {
        Path run = tmp.resolve("killed-mid-student");
        killWhen(run, run.resolve("students/sc-logit/seed-0/checkpoint.bin"));
        assertTrue(!Files.exists(run.resolve("students/sc-logit/seed-0/metrics.json")), "killed mid-student");
        ExperimentRunner.open(run, ProgressListener.NONE).run();
        assertSameResults(reference, run);
    }

    private static void killWhen(Path run, Path marker) throws Exception {
        Path config = tmp.resolve(run.getFileName() + ".yaml");
        Files.writeString(config, CONFIG);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                "org.tsak.cli.TsakCommand", "experiment", "--config", config.toString(), "--out", run.toString(), "-q")
                .redirectErrorStream(true).redirectOutput(tmp.resolve(run.getFileName() + ".log").toFile());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!Files.exists(marker) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "child ended before reaching " + marker + ": "
                + Files.readString(tmp.resolve(run.getFileName() + ".log")));
        p.destroyForcibly(); // SIGKILL
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
    }

    private static void assertSameResults(Path expected, Path actual) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(expected)) {
            s.sorted().filter(p -> p.toString().endsWith(".params") || p.getFileName().toString().equals("predictions.json"))
                    .forEach(files::add);
        }
        // weights and predictions: teacher, SC, 3 strategies x 2 seeds; predictions of 2 baselines
        assertEquals(2 + 3 * 2 + 2 + 3 * 2 + 2, files.size(), files.toString());
        for (Path f : files) {
            Path other = actual.resolve(expected.relativize(f));
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), "differs: " + expected.relativize(f));
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var a = json.readTree(expected.resolve("table.json").toFile()).get("rows");
        var b = json.readTree(actual.resolve("table.json").toFile()).get("rows");
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).get("macroF1").asDouble(), b.get(i).get("macroF1").asDouble(), 0.0,
                    a.get(i).get("model") + " " + a.get(i).get("strategy"));
        }
    }
}
