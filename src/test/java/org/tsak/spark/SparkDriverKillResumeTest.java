package org.tsak.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.config.ConfigLoader;
import org.tsak.eval.ComparisonRow;
import org.tsak.io.RunFolderLock;
import org.tsak.train.ExperimentOutcome;
import org.tsak.train.ExperimentRunner;
import org.tsak.train.ProgressListener;

/**
 * Issue 12, point 5: the driver of a Spark run killed with {@code kill -9} while students train,
 * then the run resumed on Spark ({@code tsak experiment --resume DIR --engine spark}: the dead
 * driver's lock taken over, finished tasks kept by their keys, the rest run), ends with the
 * table, weights and predictions of an uninterrupted run on the local executor.
 */
class SparkDriverKillResumeTest {

    @TempDir
    Path tmp;

    @Test
    void driverKilledMidRunThenResumedOnSparkMatchesTheLocalExecutor() throws Exception {
        ExperimentOutcome reference = new ExperimentRunner(ConfigLoader.parse(SparkExecutorTest.TINY, "tiny"),
                tmp.resolve("reference"), ProgressListener.NONE).workers(2).run();
        Path run = tmp.resolve("killed");
        Path config = Files.writeString(tmp.resolve("tiny.yaml"), SparkExecutorTest.TINY);
        Path marker = run.resolve("fold-0/students/none/seed-0/metrics.json");
        Process driver = startDriver(config, run);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.exists(marker) && driver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(driver.isAlive(), "the driver ended before " + marker + ": "
                + Files.readString(tmp.resolve("driver.log")));
        driver.destroyForcibly(); // SIGKILL
        assertTrue(driver.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, driver.exitValue(), "killed by SIGKILL");
        assertFalse(Files.exists(run.resolve("table.json")), "killed before the table");

        ExperimentOutcome resumed;
        try (RunFolderLock lock = RunFolderLock.acquireExisting(run, "tsak experiment --resume")) {
            resumed = ExperimentRunner.open(run, ProgressListener.NONE).workers(2)
                    .run(SparkEngine.executor(run, "local[2,2]", 2, ProgressListener.NONE));
        }
        List<ComparisonRow> a = reference.table().rows();
        List<ComparisonRow> b = resumed.table().rows();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).label(), b.get(i).label());
            assertEquals(a.get(i).macroF1(), b.get(i).macroF1(), 0.0, a.get(i).label());
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(reference.runDir())) {
            s.filter(p -> p.toString().endsWith(".params") || p.toString().endsWith("predictions.json"))
                    .map(reference.runDir()::relativize).sorted().forEach(files::add);
        }
        assertEquals(3 * (2 + 2) + 3 * (2 + 2 + 2), files.size(), files.toString());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(reference.runDir().resolve(f)), Files.readAllBytes(run.resolve(f)),
                    "differs after the driver's kill and --resume: " + f);
        }
    }

    /** {@code tsak experiment --engine spark --master local[2,2]} in a child JVM with this JVM's flags. */
    private Process startDriver(Path config, Path run) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("--add-modules") || arg.startsWith("-XX:+Ignore")
                    || arg.startsWith("-Dio.netty")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                "org.tsak.cli.TsakCommand", "experiment", "--config", config.toString(), "--out", run.toString(),
                "--engine", "spark", "--master", "local[2,2]", "--workers", "2", "-q"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("driver.log").toFile());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().putIfAbsent("ONEDNN_MAX_CPU_ISA", "SSE41");
        return pb.start();
    }
}
