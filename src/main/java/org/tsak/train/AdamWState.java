package org.tsak.train;

import java.util.HashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;

/**
 * AdamW (Loshchilov and Hutter 2019: Adam with decoupled weight decay) whose state can be saved
 * and restored, so a stage resumed from an epoch checkpoint continues exactly as if it had
 * never stopped. Per parameter: {@code m = b1 m + (1-b1) g}, {@code v = b2 v + (1-b2) g^2},
 * {@code w -= lr (m / (1-b1^t) / (sqrt(v / (1-b2^t)) + eps) + wd w)}; b1 0.9, b2 0.999,
 * eps 1e-8. Temporaries live in a sub-manager per update, so nothing accumulates.
 *
 * <p>The learning rate may change from step to step: a schedule sets it with
 * {@link #setLearningRate} before each {@code trainer.step()}, and every parameter's update in
 * that step uses it. The weight decay is multiplied by the same learning rate (decoupled, as in
 * PyTorch's {@code AdamW}), so it follows the schedule too. The optimiser keeps no other
 * per-step state besides the moments: a stage that restores the moments and derives each
 * step's learning rate from (epoch, batch) continues bit for bit.
 */
final class AdamWState extends Optimizer {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    /** One parameter's moments and step count. */
    static final class Moments {
        NDArray mean;
        NDArray variance;
        int steps;
    }

    private float learningRate;
    private final float weightDecay;
    private final Map<String, Moments> state = new HashMap<>();

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }

    /**
     * @param learningRate the learning rate of the first step (float precision is used)
     * @param weightDecay  decoupled weight decay
     */
    AdamWState(double learningRate, double weightDecay) {
        super(new Builder());
        this.learningRate = (float) learningRate;
        this.weightDecay = (float) weightDecay;
    }

    /** Sets the learning rate of the next and later steps (stored as float, as used in the update). */
    void setLearningRate(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + learningRate);
        }
        this.learningRate = (float) learningRate;
    }

    /** The learning rate the next step uses. */
    float learningRate() {
        return learningRate;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        Moments s = state.computeIfAbsent(parameterId, id -> {
            Moments m = new Moments();
            m.mean = weight.zerosLike();
            m.variance = weight.zerosLike();
            return m;
        });
        s.steps++;
        try (NDManager sub = weight.getManager().newSubManager()) {
            NDArray g = grad.duplicate();
            g.attach(sub);
            s.mean.muli(BETA1).addi(g.mul(1 - BETA1));
            s.variance.muli(BETA2).addi(g.square().mul(1 - BETA2));
            float bc1 = (float) (1 - Math.pow(BETA1, s.steps));
            float bc2 = (float) (1 - Math.pow(BETA2, s.steps));
            NDArray m = s.mean.duplicate();
            m.attach(sub);
            NDArray v = s.variance.duplicate();
            v.attach(sub);
            NDArray w = weight.stopGradient(); // shares the parameter's storage
            w.attach(sub);
            NDArray step = m.div(bc1).div(v.div(bc2).sqrt().add(EPSILON)).add(w.mul(weightDecay)).mul(learningRate);
            w.subi(step);
        }
    }

    /** The moments of a parameter (by its DJL id), or null before its first update. */
    Moments moments(String parameterId) {
        return state.get(parameterId);
    }

    /** Restores a parameter's moments (arrays are owned by the caller's manager). */
    void restore(String parameterId, NDArray mean, NDArray variance, int steps) {
        Moments m = new Moments();
        m.mean = mean;
        m.variance = variance;
        m.steps = steps;
        state.put(parameterId, m);
    }
}
