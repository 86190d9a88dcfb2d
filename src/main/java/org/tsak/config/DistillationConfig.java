package org.tsak.config;

import java.util.List;

/**
 * Which students to train and how they are distilled (TSAK.md, distillation strategies).
 *
 * @param strategies  strategy names, one student each (e.g. {@code none}, {@code sc-logit},
 *                    {@code sc-logit+combi-rep}); default: all six and sc-logit+combi-rep
 * @param temperature softmax temperature T (default 4)
 * @param alpha       weight a of the KL term (default 0.7)
 * @param beta        weight b of each feature term (default 1.0)
 * @param seeds       students per strategy, each with its own seed; mean and std reported (default 3)
 */
public record DistillationConfig(List<String> strategies, Double temperature, Double alpha, Double beta,
        Integer seeds) {

    /** Every single strategy and the TSAK combination. */
    public static final List<String> DEFAULT_STRATEGIES = List.of("none", "logit", "sc-logit", "attn-rep",
            "causal-rep", "combi-rep", "sc-logit+combi-rep");

    /** Applies defaults and validates ranges (names are checked against the registry later). */
    public DistillationConfig {
        strategies = strategies == null ? DEFAULT_STRATEGIES : List.copyOf(strategies);
        temperature = temperature == null ? 4.0 : temperature;
        alpha = alpha == null ? 0.7 : alpha;
        beta = beta == null ? 1.0 : beta;
        seeds = seeds == null ? 3 : seeds;
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("distillation.strategies: needs at least one strategy");
        }
        if (!strategies.contains("none")) {
            throw new IllegalArgumentException("distillation.strategies: must include 'none' (the no-KD"
                    + " student every other strategy is compared with), got " + strategies);
        }
        ConfigChecks.positive("distillation.temperature", temperature);
        ConfigChecks.inRange("distillation.alpha", alpha, 0, 1);
        ConfigChecks.inRange("distillation.beta", beta, 0, 1e6);
        ConfigChecks.positive("distillation.seeds", seeds);
    }
}
