package org.tsak.distill;

/**
 * Weights of the distillation loss (docs/METHOD.md, "Distillation strategies"; defaults
 * T = 4, a = 0.7, b = 1.0).
 *
 * @param temperature softmax temperature {@code T} of the KL terms, {@code > 0}
 * @param alpha       share {@code a} of the KL terms against CE, in [0, 1]
 * @param beta        weight {@code b} of each feature (MSE) term, {@code >= 0}
 * @param labelSmoothing label smoothing {@code e} of the CE term's targets, in [0, 0.5]:
 *                    {@code (1 - e) * one-hot + e / K} (Szegedy et al. 2016, Section 7); 0 is
 *                    the paper's plain CE. The control that tells a teacher's soft targets from
 *                    a mere softening of the labels (issue 10)
 */
public record KdWeights(double temperature, double alpha, double beta, double labelSmoothing) {

    /** Default temperature. */
    public static final double DEFAULT_TEMPERATURE = 4.0;
    /** Default alpha. */
    public static final double DEFAULT_ALPHA = 0.7;
    /** Default beta. */
    public static final double DEFAULT_BETA = 1.0;

    /** The defaults T = 4, a = 0.7, b = 1.0. */
    public static final KdWeights DEFAULTS =
            new KdWeights(DEFAULT_TEMPERATURE, DEFAULT_ALPHA, DEFAULT_BETA);

    /** Weights with plain CE (no label smoothing). */
    public KdWeights(double temperature, double alpha, double beta) {
        this(temperature, alpha, beta, 0);
    }

    /** The same weights with another label smoothing. */
    public KdWeights withLabelSmoothing(double e) {
        return new KdWeights(temperature, alpha, beta, e);
    }

    /** Validates the ranges; messages name the field and the value. */
    public KdWeights {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("KdWeights.temperature must be > 0 and finite, was "
                    + temperature);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("KdWeights.alpha must be in [0, 1], was " + alpha);
        }
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("KdWeights.beta must be >= 0 and finite, was "
                    + beta);
        }
        if (!(labelSmoothing >= 0 && labelSmoothing <= 0.5)) {
            throw new IllegalArgumentException("KdWeights.labelSmoothing must be in [0, 0.5], was "
                    + labelSmoothing);
        }
    }
}
