package org.tsak.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs an experiment's tasks on {@code workers} threads of this JVM, each task once its inputs
 * are done, in plan order among the ready ones. Tasks marked {@code usesEngineRandomness}
 * (stages with dropout, whose random draws come from PyTorch's one global generator) run alone:
 * nothing else runs beside them, so their numbers do not depend on what else runs. (Beside
 * student tasks, a demo teacher's test macro-F1 came out 0.9874 in one run and 0.9857 in the
 * next with the same config and seed, even with every array from Java data copied into PyTorch
 * memory, {@link org.tsak.model.OwnedArrays}. Even pure-Java work beside a teacher changes it:
 * with the random forests, which never call PyTorch, allowed beside teachers, the demo's fold-1
 * teacher came out different from a run without them and the demo's teacher row fell from 0.9915
 * to 0.9890, so nothing runs beside a task that runs alone.) Workers get the calling thread's PyTorch state
 * ({@link EngineThreads}). With the same plan, the results are the same for any number of
 * workers (tested by {@code ParallelPlanTest}).
 *
 * <p>A task that runs alone leaves the other cores idle unless it runs with more PyTorch
 * intra-op threads: {@link #exclusiveThreads()} (the system property
 * {@code tsak.exclusiveThreads}, the launcher's {@code TSAK_EXCLUSIVE_THREADS}), whatever the
 * number of workers. The default is 1: with 2, a demo teacher epoch took 4.6 s instead of 6.4 s
 * on the 2-core project machine, but PyTorch's multi-threaded kernels are not reproducible run to
 * run (seen: one of 6 fold teachers of a small leave-one-subject-out run scored 0.1565 in one run
 * and 0.1691 in the next, same seed), so more threads trade the same-seed-same-numbers rule for
 * speed.
 *
 * <p>The first failure stops the hand-out of new tasks; running ones finish; the failure is
 * rethrown (an {@link java.io.IOException} as is, anything else wrapped).
 */
public final class LocalExecutor {

    /** One unit of work. */
    @FunctionalInterface
    public interface Work {
        /** Does the task's work. */
        void run() throws Exception;
    }

    /**
     * A task of the plan.
     *
     * @param id                   unique name, e.g. {@code fold-0/teacher}
     * @param dependsOn            ids that must finish first
     * @param usesEngineRandomness runs alone (no other task beside it)
     * @param work                 what it does
     */
    public record Task(String id, List<String> dependsOn, boolean usesEngineRandomness, Work work) {
        /** Copies. */
        public Task {
            dependsOn = List.copyOf(dependsOn);
        }
    }

    private final int workers;
    private final Map<String, Task> pending = new LinkedHashMap<>();
    private final Set<String> done = new HashSet<>();
    private int running;
    private boolean engineBusy;
    private Throwable failure;

    /** System property: PyTorch intra-op threads of a task that runs alone. */
    public static final String EXCLUSIVE_THREADS_PROPERTY = "tsak.exclusiveThreads";

    /**
     * PyTorch intra-op threads of a task that runs alone: {@code -Dtsak.exclusiveThreads}, default 1.
     *
     * @throws IllegalArgumentException if the property is not a whole number from 1 to 256
     */
    public static int exclusiveThreads() {
        String v = System.getProperty(EXCLUSIVE_THREADS_PROPERTY, "1").trim();
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 256) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(EXCLUSIVE_THREADS_PROPERTY + " (TSAK_EXCLUSIVE_THREADS): must be a whole"
                + " number from 1 to 256, got '" + v + "'");
    }

    /** @param workers parallel threads, at least 1 */
    public LocalExecutor(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
        }
        this.workers = workers;
    }

    /** Runs every task; returns when all are done. */
    public void run(List<Task> tasks) throws java.io.IOException {
        for (Task t : tasks) {
            if (pending.put(t.id(), t) != null) {
                throw new IllegalArgumentException("two tasks named " + t.id());
            }
        }
        for (Task t : tasks) {
            for (String d : t.dependsOn()) {
                if (!pending.containsKey(d)) {
                    throw new IllegalArgumentException("task " + t.id() + " depends on unknown task " + d);
                }
            }
        }
        int threads = Math.min(workers, Math.max(1, tasks.size()));
        if (threads == 1) {
            for (Task t : tasks) {
                runOne(t);
            }
            return;
        }
        List<Thread> pool = new ArrayList<>();
        EngineThreads engine = EngineThreads.current();
        for (int i = 0; i < threads; i++) {
            Thread th = new Thread(() -> {
                engine.apply();
                workLoop();
            }, "tsak-worker-" + (i + 1));
            pool.add(th);
            th.start();
        }
        for (Thread th : pool) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException("interrupted while waiting for the run's tasks", e);
            }
        }
        if (failure != null) {
            rethrow(failure);
        }
    }

    private void runOne(Task t) throws java.io.IOException {
        try {
            execute(t);
        } catch (Exception e) {
            rethrow(e);
        }
    }

    /**
     * The PyTorch settings of the thread that plans a run (intra-op threads, autograd's grad
     * mode), for the thread of another executor that runs its tasks: see {@link #runHere}.
     *
     * @param threads  PyTorch intra-op threads of a task that does not run alone
     * @param gradMode autograd's grad mode
     */
    public record WorkerEngine(int threads, boolean gradMode) implements java.io.Serializable {
        /** The calling thread's settings (starting the engine if needed). */
        public static WorkerEngine current() {
            EngineThreads e = EngineThreads.current();
            return new WorkerEngine(e.threads(), e.gradMode());
        }
    }

    /**
     * Runs one task in the calling thread as a worker thread of this executor does: with
     * {@code engine}'s PyTorch settings, and {@link #exclusiveThreads()} threads for a task that
     * runs alone. For executors that hand out tasks elsewhere (org.tsak.spark): the caller keeps
     * every other task of its process from running beside a task with
     * {@code usesEngineRandomness}, and sees the task's exception as it is.
     */
    public static void runHere(Task t, WorkerEngine engine) throws Exception {
        new EngineThreads(engine.threads(), engine.gradMode()).apply();
        execute(t);
    }

    /** Runs the task's work; one that runs alone gets {@link #exclusiveThreads()} PyTorch threads. */
    private static void execute(Task t) throws Exception {
        if (!t.usesEngineRandomness()) {
            t.work().run();
            return;
        }
        EngineThreads before = EngineThreads.current();
        new EngineThreads(exclusiveThreads(), before.gradMode()).apply();
        try {
            t.work().run();
        } finally {
            before.apply();
        }
    }

    private static void rethrow(Throwable e) throws java.io.IOException {
        if (e instanceof java.io.IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(e.getMessage(), e);
    }

    private void workLoop() {
        while (true) {
            Task t = next();
            if (t == null) {
                return;
            }
            Throwable error = null;
            try {
                execute(t);
            } catch (Throwable e) {
                error = e;
            }
            finish(t, error);
        }
    }

    private synchronized Task next() {
        while (true) {
            if (failure != null || pending.isEmpty()) {
                return null;
            }
            for (Task t : pending.values()) {
                if (done.containsAll(t.dependsOn()) && !engineBusy && !(t.usesEngineRandomness() && running > 0)) {
                    pending.remove(t.id());
                    running++;
                    engineBusy |= t.usesEngineRandomness();
                    return t;
                }
            }
            if (running == 0) {
                failure = new IllegalStateException("tasks wait on each other: " + pending.keySet());
                notifyAll();
                return null;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                return null;
            }
        }
    }

    private synchronized void finish(Task t, Throwable error) {
        running--;
        if (t.usesEngineRandomness()) {
            engineBusy = false;
        }
        if (error != null && failure == null) {
            failure = error;
        }
        done.add(t.id());
        notifyAll();
    }
}
