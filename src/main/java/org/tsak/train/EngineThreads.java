package org.tsak.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The PyTorch per-thread state a worker thread must share with the thread that starts it: the
 * intra-op thread count and autograd's grad mode.
 *
 * <p>Why: both are per-thread settings in PyTorch. DJL switches grad mode off in the thread that
 * starts the engine, but a thread started later has PyTorch's default, grad mode on: there the
 * optimiser's updates and inference would be recorded for autograd and a student distilled in a
 * worker thread came out different from the same student trained in the main thread (seen:
 * macro-F1 0.0674 against 0.0680). {@link LocalExecutor} reads {@link #current()} on its calling
 * thread and each worker applies it with {@link #apply()} before its first task.
 *
 * @param threads  PyTorch intra-op threads ({@code -Dai.djl.pytorch.num_threads})
 * @param gradMode autograd's grad mode
 */
record EngineThreads(int threads, boolean gradMode) {

    /** The calling thread's state (starting the engine if needed). */
    static EngineThreads current() {
        Engine.getInstance();
        return new EngineThreads(JniUtils.getNumThreads(), JniUtils.isGradMode());
    }

    /** Gives the calling thread this state. */
    void apply() {
        JniUtils.setNumThreads(threads);
        JniUtils.setGradMode(gradMode);
    }

    /** Work that may throw an {@link java.io.IOException}. */
    @FunctionalInterface
    interface IoWork<T> {
        T run() throws java.io.IOException;
    }

    /**
     * Runs {@code work} with grad mode off in the calling thread (restored after), so that its
     * numbers do not depend on the thread's ambient grad mode: training steps switch it on only
     * inside their gradient collector ({@link ThreadGradientCollector}), everything else
     * (optimiser updates, validation, inference) runs without autograd. Seen without it: a
     * semantic classifier trained in a thread whose grad mode another library left on gave other
     * predictions than the same stage in a fresh JVM.
     */
    static <T> T withoutGrad(IoWork<T> work) throws java.io.IOException {
        Engine.getInstance();
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return work.run();
        } finally {
            JniUtils.setGradMode(previous);
        }
    }
}
