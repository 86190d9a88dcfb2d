package org.tsak.distill;

import ai.djl.ndarray.NDArray;

import java.util.Map;

import org.tsak.model.TargetKind;

/**
 * The targets of one batch: class labels and the cached teacher / SC outputs a strategy reads.
 *
 * @param labels  class indices, shape {@code N} (any integer or float type holding integers)
 * @param targets cached targets by kind: logits {@code N x K}, representations {@code N x d}
 */
public record DistillationTargets(NDArray labels, Map<TargetKind, NDArray> targets) {

    /** Copies the map. */
    public DistillationTargets {
        if (labels == null) {
            throw new IllegalArgumentException("class labels are missing");
        }
        targets = Map.copyOf(targets);
    }

    /** Labels only (strategy {@code none}). */
    public static DistillationTargets of(NDArray labels) {
        return new DistillationTargets(labels, Map.of());
    }

    /**
     * The target of {@code kind}.
     *
     * @throws IllegalArgumentException if the batch does not carry it
     */
    public NDArray get(TargetKind kind) {
        NDArray target = targets.get(kind);
        if (target == null) {
            throw new IllegalArgumentException("the batch has no cached '" + kind.key()
                    + "' target (it has " + targets.keySet() + "); compute the teacher/SC "
                    + "targets the strategy needs before training the student");
        }
        return target;
    }
}
