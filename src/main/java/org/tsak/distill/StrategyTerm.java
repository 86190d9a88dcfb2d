package org.tsak.distill;

import java.util.Optional;

import org.tsak.model.TargetKind;

/**
 * One selectable term of a distillation strategy: its registry key, the cached target it
 * reads (none for {@code none}) and whether the student needs a projection head for it.
 *
 * @param key         registry key, e.g. {@code sc-logit}
 * @param target      the cached target, empty for {@code none} (labels only)
 * @param description one line for help texts
 */
public record StrategyTerm(String key, Optional<TargetKind> target, String description) {

    /** Checks that the fields are present. */
    public StrategyTerm {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("strategy term key must not be blank");
        }
        if (target == null) {
            throw new IllegalArgumentException("target of '" + key + "' must be Optional, not null");
        }
    }

    /** True if the term is KL on logits ({@code logit}, {@code sc-logit}). */
    public boolean isLogitTerm() {
        return target.map(TargetKind::isLogits).orElse(false);
    }

    /** True if the term is MSE between projected student and teacher representation. */
    public boolean needsProjection() {
        return target.map(t -> !t.isLogits()).orElse(false);
    }
}
