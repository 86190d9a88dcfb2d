package org.tsak.config;

import java.util.List;

/**
 * Which students to train and how they are distilled (docs/METHOD.md, "Distillation strategies").
 *
 * @param strategies  strategy names, one student each (e.g. {@code none}, {@code sc-logit},
 *                    {@code sc-logit+combi-rep}); default: all six and sc-logit+combi-rep
 * @param temperature softmax temperature T (default 4)
 * @param alpha       weight a of the KL term (default 0.7)
 * @param beta        weight b of each feature term (default 1.0)
 * @param seeds       students per strategy, each with its own seed; mean and std reported (default 3)
 * @param temperatures a grid of temperatures (optional): every strategy with a logit term is
 *                    trained once per value, as its own row ({@code sc-logit@T=2}); default: just
 *                    {@code temperature}
 * @param alphas      a grid of alphas (optional), as {@code temperatures} ({@code sc-logit@a=0.5})
 * @param labelSmoothingControls label smoothing strengths e (optional, each in (0, 0.5]): for each,
 *                    a student trained with CE on smoothed labels and no teacher, row
 *                    {@code ls=0.2}. The control for soft-target strategies: a gain it matches is
 *                    label softening, not the teacher's knowledge
 * @param augmentedViews K fixed augmented views of every window (default 0: off), drawn with
 *                    {@code training.student.augmentation} on the teacher's channels and scored by
 *                    the frozen teacher and SC, so a student trains on augmented inputs with the
 *                    teacher's outputs for exactly those inputs (consistent teaching); an epoch
 *                    then covers every training window in each of its K + 1 views (view 0 as
 *                    recorded). Without it, training.student.augmentation draws fresh views per
 *                    batch and the cached targets are the teacher's on the un-augmented window
 * @param crossFitting K parts for out-of-fold soft targets (default 1: off). With K >= 2 the
 *                    fold's training windows are split into K parts by subject (by recording when
 *                    there are fewer than K subjects); per part, a teacher and SC trained on the
 *                    other K - 1 parts give the logit targets (teacher and SC logits) of that
 *                    part's windows, so a student learns soft targets for windows its teacher never
 *                    saw, as at test time (cross-fitting). Representation targets stay the fold
 *                    teacher's: K teachers have K unrelated representation spaces
 */
public record DistillationConfig(List<String> strategies, Double temperature, Double alpha, Double beta,
        Integer seeds, List<Double> temperatures, List<Double> alphas, List<Double> labelSmoothingControls,
        Integer augmentedViews, Integer crossFitting) {

    /** The settings before {@code crossFitting} existed. */
    public DistillationConfig(List<String> strategies, Double temperature, Double alpha, Double beta,
            Integer seeds, List<Double> temperatures, List<Double> alphas, List<Double> labelSmoothingControls,
            Integer augmentedViews) {
        this(strategies, temperature, alpha, beta, seeds, temperatures, alphas, labelSmoothingControls,
                augmentedViews, null);
    }

    /** The settings before the grids and controls existed. */
    public DistillationConfig(List<String> strategies, Double temperature, Double alpha, Double beta,
            Integer seeds) {
        this(strategies, temperature, alpha, beta, seeds, null, null, null, null, null);
    }

    /** The settings before {@code augmentedViews} existed. */
    public DistillationConfig(List<String> strategies, Double temperature, Double alpha, Double beta,
            Integer seeds, List<Double> temperatures, List<Double> alphas, List<Double> labelSmoothingControls) {
        this(strategies, temperature, alpha, beta, seeds, temperatures, alphas, labelSmoothingControls, null, null);
    }

    /** Every single strategy and the TSAK combination. */
    public static final List<String> DEFAULT_STRATEGIES = List.of("none", "logit", "sc-logit", "attn-rep",
            "causal-rep", "combi-rep", "sc-logit+combi-rep");

    /** Applies defaults and validates ranges (names are checked against the registry later). */
    public DistillationConfig {
        strategies = strategies == null ? DEFAULT_STRATEGIES : List.copyOf(strategies);
        // with a grid, the single value is not used: given, it must be one of the grid's values (else the
        // user's setting would be silently ignored); not given, it is the grid's first value
        temperature = singleAndGrid("temperature", temperature, temperatures, 4.0);
        alpha = singleAndGrid("alpha", alpha, alphas, 0.7);
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
        augmentedViews = augmentedViews == null ? 0 : augmentedViews;
        ConfigChecks.inRange("distillation.augmentedViews", augmentedViews, 0, 64);
        crossFitting = crossFitting == null ? 1 : crossFitting;
        ConfigChecks.inRange("distillation.crossFitting", crossFitting, 1, 16);
        temperatures = temperatures == null || temperatures.isEmpty() ? List.of(temperature)
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(temperatures));
        alphas = alphas == null || alphas.isEmpty() ? List.of(alpha)
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(alphas));
        labelSmoothingControls = labelSmoothingControls == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(labelSmoothingControls));
        for (List<Double> grid : List.of(temperatures, alphas, labelSmoothingControls)) {
            if (grid.stream().anyMatch(java.util.Objects::isNull)) {
                throw new IllegalArgumentException("distillation: an empty entry in a list of numbers " + grid);
            }
        }
        for (int i = 0; i < temperatures.size(); i++) {
            ConfigChecks.positive("distillation.temperatures[" + i + "]", temperatures.get(i));
        }
        for (int i = 0; i < alphas.size(); i++) {
            ConfigChecks.inRange("distillation.alphas[" + i + "]", alphas.get(i), 0, 1);
        }
        for (int i = 0; i < labelSmoothingControls.size(); i++) {
            Double e = labelSmoothingControls.get(i);
            ConfigChecks.inRange("distillation.labelSmoothingControls[" + i + "]", e, 0, 0.5);
            if (e == 0) {
                throw new IllegalArgumentException("distillation.labelSmoothingControls[" + i + "]: 0 is the"
                        + " no-KD student itself; give strengths in (0, 0.5]");
            }
        }
    }

    /**
     * The single value of a setting that also has a grid ({@code temperature} / {@code temperatures}):
     * the given value if there is no grid or it is one of the grid's values; the grid's first value if
     * none is given; the default if neither is.
     *
     * @throws IllegalArgumentException if both are given and the value is not in the grid
     */
    private static Double singleAndGrid(String key, Double value, List<Double> grid, double defaultValue) {
        if (grid == null || grid.isEmpty()) {
            return value == null ? defaultValue : value;
        }
        if (value == null) {
            return grid.get(0) == null ? defaultValue : grid.get(0);
        }
        if (!grid.contains(value)) {
            throw new IllegalArgumentException("distillation." + key + ": " + value + " is not in distillation."
                    + key + "s " + grid + "; with a list every student is trained at the list's values and"
                    + " distillation." + key + " would be ignored: remove distillation." + key + " or add "
                    + value + " to the list");
        }
        return value;
    }
}
