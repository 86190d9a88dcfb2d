package org.tsak.distill;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tsak.model.TargetKind;

/**
 * A distillation strategy: a sum of registered terms, written as keys joined by {@code +}
 * (e.g. {@code sc-logit+combi-rep}). {@code none} (labels only) stands alone and has no terms.
 *
 * @param name  canonical name, the keys joined by {@code +} in the order given
 * @param terms the terms, empty for {@code none}
 */
public record DistillationStrategy(String name, List<StrategyTerm> terms) {

    /** Copies the term list. */
    public DistillationStrategy {
        terms = List.copyOf(terms);
    }

    /** The labels-only strategy. */
    public static DistillationStrategy none() {
        return new DistillationStrategy(StrategyRegistry.NONE, List.of());
    }

    /**
     * Parses {@code none}, a single key, or keys joined by {@code +}; spaces around keys are
     * ignored.
     *
     * @throws IllegalArgumentException for an empty part, an unknown key (listing valid keys),
     *                                  a repeated key, or {@code none} combined with others
     */
    public static DistillationStrategy parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("distillation strategy is empty; valid keys: "
                    + String.join(", ", StrategyRegistry.keys()));
        }
        String[] parts = text.split("\\+", -1);
        List<StrategyTerm> terms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : parts) {
            String key = raw.trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("distillation strategy '" + text
                        + "' has an empty part; write keys joined by '+', e.g. sc-logit+combi-rep");
            }
            StrategyTerm term;
            try {
                term = StrategyRegistry.term(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " in '" + text + "'", e);
            }
            if (!seen.add(key)) {
                throw new IllegalArgumentException("distillation strategy '" + text
                        + "' names '" + key + "' twice");
            }
            terms.add(term);
        }
        if (seen.contains(StrategyRegistry.NONE)) {
            if (terms.size() > 1) {
                throw new IllegalArgumentException("distillation strategy '" + text
                        + "': 'none' (labels only) cannot be combined with other terms");
            }
            return none();
        }
        return new DistillationStrategy(
                String.join("+", terms.stream().map(StrategyTerm::key).toList()), terms);
    }

    /** True for the labels-only strategy. */
    public boolean isNone() {
        return terms.isEmpty();
    }

    /** Cached targets the strategy reads, in term order. */
    public List<TargetKind> requiredTargets() {
        return terms.stream().map(t -> t.target().orElseThrow()).toList();
    }

    /** Logit targets (KL terms), in term order. */
    public List<TargetKind> logitTargets() {
        return requiredTargets().stream().filter(TargetKind::isLogits).toList();
    }

    /** Representation targets (MSE terms, one projection head each), in term order. */
    public List<TargetKind> featureTargets() {
        return requiredTargets().stream().filter(t -> !t.isLogits()).toList();
    }

    /** True if the student needs at least one projection head. */
    public boolean needsProjection() {
        return terms.stream().anyMatch(StrategyTerm::needsProjection);
    }

    @Override
    public String toString() {
        return name;
    }
}
