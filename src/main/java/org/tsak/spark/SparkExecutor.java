package org.tsak.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.tsak.train.ExperimentRunner;
import org.tsak.train.LocalExecutor;
import org.tsak.train.ProgressListener;

/**
 * Runs a run's plan as Spark jobs, one per dependency level: first every task that depends on
 * nothing (per fold the teacher, semantic classifier and targets, extra teacher seeds, the
 * baselines, and the students that learn from labels only), then the students that learn from
 * their fold's targets. Each task is one partition; an executor runs it by its id
 * ({@link TaskProcess}) and writes its outputs into the shared run folder, exactly the files the
 * local executor writes (the students' targets travel through the run folder: the fold task
 * leaves them there). Spark retries a failed task ({@code spark.task.maxFailures}; in local mode
 * {@code local[N,F]}); tasks are idempotent, so a retried one ends with the same files. No two
 * tasks write the same file: every task writes under its own folder of the run
 * ({@code io.RunLayout}).
 *
 * <p>The master: {@code --master}, else spark-submit's ({@code spark.master}), else
 * {@code local[N]} with N = {@code --workers}.
 */
final class SparkExecutor implements ExperimentRunner.PlanExecutor {

    private final Path runDir;
    private final String master;
    private final int workers;
    private final ProgressListener progress;

    SparkExecutor(Path runDir, String master, int workers, ProgressListener progress) {
        this.runDir = runDir.toAbsolutePath().normalize();
        this.master = master;
        this.workers = workers;
        this.progress = progress;
    }

    @Override
    public void run(List<LocalExecutor.Task> tasks) throws IOException {
        List<List<LocalExecutor.Task>> levels = levels(tasks);
        SparkConf conf = new SparkConf().setAppName("tsak " + runDir.getFileName());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[" + workers + "]");
        }
        boolean local = conf.get("spark.master").startsWith("local");
        if (local) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "localhost");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            TaskProcess.localProgress(progress);
        }
        quietSparkLogs();
        TaskProcess work = new TaskProcess(runDir, LocalExecutor.WorkerEngine.current(),
                System.getProperty(TaskProcess.FAULT_PROPERTY));
        List<TaskReport> reports = new ArrayList<>();
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            progress.status("Spark " + spark.version() + ", master " + spark.master() + ": " + tasks.size()
                    + " tasks in " + levels.size() + " job(s)");
            for (int i = 0; i < levels.size(); i++) {
                List<PlannedTask> level = levels.get(i).stream()
                        .map(t -> new PlannedTask(t.id(), t.usesEngineRandomness())).toList();
                String name = "tsak job " + (i + 1) + "/" + levels.size() + " (" + level.size() + " tasks)";
                spark.setJobDescription(name);
                long t0 = System.nanoTime();
                List<TaskReport> done = spark.parallelize(level, level.size()).map(work).collect();
                reports.addAll(done);
                progress.status(String.format(Locale.ROOT, "%s done in %.1f s", name, (System.nanoTime() - t0) / 1e9));
            }
        } catch (Exception e) { // SparkException is checked but not declared
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("the Spark run of " + runDir + " failed (finished tasks are kept: rerun with"
                    + " `tsak experiment --resume " + runDir + " --engine spark`): " + rootMessage(e), e);
        } finally {
            if (local) {
                TaskProcess.forget(runDir);
            }
        }
        summary(reports).forEach(progress::status);
    }

    /**
     * The plan's tasks by dependency level: level 0 depends on nothing, level k on tasks of lower
     * levels; plan order within a level.
     *
     * @throws IllegalArgumentException on an unknown dependency, a repeated id or a cycle
     */
    static List<List<LocalExecutor.Task>> levels(List<LocalExecutor.Task> tasks) {
        Map<String, LocalExecutor.Task> byId = new LinkedHashMap<>();
        for (LocalExecutor.Task t : tasks) {
            if (byId.put(t.id(), t) != null) {
                throw new IllegalArgumentException("two tasks named " + t.id());
            }
        }
        Map<String, Integer> level = new HashMap<>();
        List<List<LocalExecutor.Task>> out = new ArrayList<>();
        for (LocalExecutor.Task t : tasks) {
            int l = level(t, byId, level, new java.util.HashSet<>());
            while (out.size() <= l) {
                out.add(new ArrayList<>());
            }
            out.get(l).add(t);
        }
        return out;
    }

    private static int level(LocalExecutor.Task t, Map<String, LocalExecutor.Task> byId, Map<String, Integer> known,
            java.util.Set<String> visiting) {
        Integer l = known.get(t.id());
        if (l != null) {
            return l;
        }
        if (!visiting.add(t.id())) {
            throw new IllegalArgumentException("tasks wait on each other: " + visiting);
        }
        int max = -1;
        for (String d : t.dependsOn()) {
            LocalExecutor.Task dep = byId.get(d);
            if (dep == null) {
                throw new IllegalArgumentException("task " + t.id() + " depends on unknown task " + d);
            }
            max = Math.max(max, level(dep, byId, known, visiting));
        }
        visiting.remove(t.id());
        known.put(t.id(), max + 1);
        return max + 1;
    }

    /** Per task type: count, wall time (total, mean, max), retries, peak memory of the executor process. */
    static List<String> summary(List<TaskReport> reports) {
        Map<String, List<TaskReport>> byType = new LinkedHashMap<>();
        for (TaskReport r : reports) {
            byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
        }
        List<String> out = new ArrayList<>();
        out.add("Spark tasks by type (seconds of work; peak RSS of the executor process when the task ended; heap in use):");
        byType.forEach((type, rs) -> {
            double total = rs.stream().mapToDouble(TaskReport::seconds).sum();
            double max = rs.stream().mapToDouble(TaskReport::seconds).max().orElse(0);
            long rss = rs.stream().mapToLong(TaskReport::peakRssBytes).max().orElse(-1);
            long heap = rs.stream().mapToLong(TaskReport::heapUsedBytes).max().orElse(0);
            int retried = (int) rs.stream().filter(r -> r.attempt() > 0).count();
            out.add(String.format(Locale.ROOT, "  %-10s %4d tasks  %8.1f s in all, mean %7.1f s, max %7.1f s;"
                    + " peak RSS %s, heap %s%s", type, rs.size(), total, total / rs.size(), max, mib(rss), mib(heap),
                    retried > 0 ? "; " + retried + " retried" : ""));
        });
        return out;
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    }

    private static String rootMessage(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        // Spark's "Job aborted due to stage failure: ... most recent failure: Lost task ...: <cause>\n\tat ..."
        int nl = m.indexOf("\n\tat ");
        return nl > 0 ? m.substring(0, nl) : m;
    }

    /** Spark, Hadoop and Jetty log at WARN (the project's logback root is INFO). */
    private static void quietSparkLogs() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
            for (String name : List.of("org.apache.spark", "org.sparkproject", "org.apache.hadoop", "io.netty")) {
                ch.qos.logback.classic.Logger logger = ctx.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(ch.qos.logback.classic.Level.WARN);
                }
            }
            for (String name : List.of("org.apache.hadoop.util.NativeCodeLoader", "org.apache.spark.util")) {
                // "no native Hadoop library", "hostname resolves to a loopback address"
                ctx.getLogger(name).setLevel(ch.qos.logback.classic.Level.ERROR);
            }
        }
    }
}
