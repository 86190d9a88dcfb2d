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
 * memory, {@link org.tsak.model.OwnedArrays}.) Workers get the calling thread's PyTorch state
 * ({@link EngineThreads}). With the same plan, the results are the same for any number of
 * workers (tested by {@code ParallelPlanTest}).
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
            t.work().run();
        } catch (Exception e) {
            rethrow(e);
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
                t.work().run();
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
