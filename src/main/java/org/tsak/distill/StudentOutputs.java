package org.tsak.distill;

import ai.djl.ndarray.NDArray;

import java.util.Map;

import org.tsak.model.TargetKind;

/**
 * What the student produced for one batch, as the distillation loss reads it.
 *
 * @param logits        student logits {@code z_s}, {@code N x K}
 * @param projectedReps {@code P_k(h_s)}, {@code N x d}, one per feature target of the strategy
 *                      (each feature term has its own projection head); empty if none
 */
public record StudentOutputs(NDArray logits, Map<TargetKind, NDArray> projectedReps) {

    /** Copies the map. */
    public StudentOutputs {
        if (logits == null) {
            throw new IllegalArgumentException("student logits are missing");
        }
        projectedReps = Map.copyOf(projectedReps);
    }

    /** Outputs of a student trained without feature terms. */
    public static StudentOutputs of(NDArray logits) {
        return new StudentOutputs(logits, Map.of());
    }
}
