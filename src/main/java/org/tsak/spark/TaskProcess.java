package org.tsak.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.tsak.train.EpochRecord;
import org.tsak.train.ExperimentRunner;
import org.tsak.train.LocalExecutor;
import org.tsak.train.ProgressListener;

/**
 * The executor side: runs one task of the plan by its id, in a runner of the run folder that
 * this process opens once ({@link ExperimentRunner#forTasks}: saved config, data read again and
 * checked against the run's fingerprint). Within the process a task that runs alone (engine
 * randomness: teacher, semantic classifier) holds a write lock and every other task a read lock,
 * so nothing runs beside it, as in {@link LocalExecutor}; each task gets the driver's PyTorch
 * settings ({@link LocalExecutor.WorkerEngine}).
 *
 * <p>A retried task (Spark's {@code spark.task.maxFailures}) opens the same files: a finished
 * model is kept, an interrupted one resumes from its epoch checkpoint, so it ends with the same
 * result. Rehearsal of a lost executor: the system property {@value #FAULT_PROPERTY} =
 * {@code <task id>@<epoch>} makes the first attempt of that task fail right after that epoch's
 * checkpoint.
 */
final class TaskProcess implements Function<PlannedTask, TaskReport> {

    /** System property (driver side, shipped to executors): {@code <task id>@<epoch>}. */
    static final String FAULT_PROPERTY = "tsak.spark.failFirstAttempt";

    private static final ReentrantReadWriteLock ENGINE = new ReentrantReadWriteLock(true);
    private static final Map<String, ExperimentRunner> RUNNERS = new HashMap<>();
    private static final ThreadLocal<Integer> FAIL_AFTER_EPOCH = new ThreadLocal<>();
    /** In local mode, the driver's progress (same JVM); null on a cluster's executors. */
    private static volatile ProgressListener localProgress;

    private final String runDir;
    private final LocalExecutor.WorkerEngine engine;
    private final String fault;

    TaskProcess(Path runDir, LocalExecutor.WorkerEngine engine, String fault) {
        this.runDir = runDir.toAbsolutePath().normalize().toString();
        this.engine = engine;
        this.fault = fault;
    }

    /** Local mode: the tasks' progress goes to the driver's listener. */
    static void localProgress(ProgressListener progress) {
        localProgress = progress;
    }

    /** Drops this process's runner of {@code runDir} (its data); local mode, once the run is done. */
    static synchronized void forget(Path runDir) {
        RUNNERS.remove(runDir.toAbsolutePath().normalize().toString());
        localProgress = null;
    }

    @Override
    public TaskReport call(PlannedTask task) throws Exception {
        ExperimentRunner runner = runner(runDir);
        TaskContext spark = TaskContext.get();
        int attempt = spark == null ? 0 : spark.attemptNumber();
        Lock lock = task.runsAlone() ? ENGINE.writeLock() : ENGINE.readLock();
        lock.lock();
        long t0 = System.nanoTime();
        try {
            if (attempt == 0 && fault != null && fault.startsWith(task.id() + "@")) {
                FAIL_AFTER_EPOCH.set(Integer.parseInt(fault.substring(task.id().length() + 1)));
            }
            runner.runTask(task.id(), engine);
        } finally {
            FAIL_AFTER_EPOCH.remove();
            lock.unlock();
        }
        Runtime rt = Runtime.getRuntime();
        return new TaskReport(task.id(), attempt, host(), (System.nanoTime() - t0) / 1e9, peakRssBytes(),
                rt.totalMemory() - rt.freeMemory());
    }

    private static synchronized ExperimentRunner runner(String runDir) throws IOException {
        ExperimentRunner r = RUNNERS.get(runDir);
        if (r == null) {
            r = ExperimentRunner.forTasks(Path.of(runDir), new TaskProgress());
            RUNNERS.put(runDir, r);
        }
        return r;
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "?";
        }
    }

    /** The process's peak resident memory (Linux {@code VmHWM}), or -1. */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return -1;
    }

    /**
     * Progress of the tasks of this process: to the driver's listener in local mode (one line at
     * a time, no batch bars), else to standard error (the executor's log); and the rehearsal fault.
     */
    private static final class TaskProgress implements ProgressListener {

        @Override
        public void epoch(String stage, EpochRecord record, boolean improved) {
            ProgressListener p = localProgress;
            if (p != null) {
                synchronized (TaskProgress.class) {
                    p.epoch(stage, record, improved);
                }
            }
            Integer failAfter = FAIL_AFTER_EPOCH.get();
            if (failAfter != null && record.epoch() >= failAfter) {
                FAIL_AFTER_EPOCH.remove();
                throw new IllegalStateException(FAULT_PROPERTY + ": first attempt stopped after epoch " + record.epoch()
                        + " of " + stage + " (rehearsal of a lost executor)");
            }
        }

        @Override
        public void status(String message) {
            ProgressListener p = localProgress;
            if (p != null) {
                synchronized (TaskProgress.class) {
                    p.status(message);
                }
            } else {
                System.err.println(java.time.LocalTime.now().withNano(0) + " tsak: " + message);
            }
        }
    }
}
