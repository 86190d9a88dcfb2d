package org.tsak.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * Records the gradients of one training step in the calling thread, so that stages can train
 * in parallel threads.
 *
 * <p>Why not DJL's collector: {@code PtGradientCollector} (DJL 0.36) allows one collector per
 * process through a static flag ("A PtGradientCollector is already collecting. Only one can be
 * collecting at a time"), so a second thread's training step fails. What it switches, PyTorch's
 * grad mode, is thread-local ({@code c10::GradMode}, as {@code torch.set_grad_enabled} in
 * Python), and autograd back-propagates independent graphs from several threads. This
 * collector does what DJL's does, for the calling thread only: grad mode on while it is open,
 * {@code backward} seeds d(target)/d(target) = 1 and runs autograd without keeping the graph,
 * and {@code close} restores the thread's previous grad mode. The numbers are those of DJL's
 * collector. Gradients accumulate in the parameters, as in PyTorch: the caller zeroes its own
 * block's gradients before each step (the collector does not know which arrays are whose).
 */
final class ThreadGradientCollector implements GradientCollector {

    private final boolean previousGradMode;

    /** Switches grad mode on for the calling thread. */
    ThreadGradientCollector() {
        previousGradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    /**
     * Back-propagates {@code target} (a PyTorch array, usually the scalar loss) into the
     * gradients of the parameters it depends on.
     */
    @Override
    public void backward(NDArray target) {
        try (NDArray ones = target.onesLike()) {
            JniUtils.backward((PtNDArray) target, (PtNDArray) ones, false, false);
        }
    }

    /** Not supported: zero the trained block's own gradients (they are not known here). */
    @Override
    public void zeroGradients() {
        throw new UnsupportedOperationException("zero the trained block's gradients instead; this collector does"
                + " not know which arrays belong to which thread");
    }

    /** Restores the calling thread's previous grad mode. */
    @Override
    public void close() {
        JniUtils.setGradMode(previousGradMode);
    }
}
