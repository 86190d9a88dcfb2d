package org.tsak.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tsak.config.DistillationConfig;
import org.tsak.distill.DistillationStrategy;
import org.tsak.distill.KdWeights;

/**
 * Expands the distillation config into the students a run trains per fold and seed: one per
 * strategy; with a grid ({@code distillation.temperatures}, {@code distillation.alphas}), one
 * per grid point for every strategy with a logit term ({@code sc-logit@T=2,a=0.5}: only the
 * gridded settings appear in the name); and one no-teacher control per
 * {@code distillation.labelSmoothingControls} strength ({@code ls=0.2}). Every variant of a
 * (fold, seed) starts from the same initial weights (paired seeds).
 */
final class StudentVariants {

    private StudentVariants() {
    }

    /**
     * The variants of {@code strategies} under the config's weights, grids and controls, for
     * every student width of the size sweep {@code widths} ({@code model.student.widths}): with
     * more than one width each name gets {@code w=<width>} ({@code none@w=0.5},
     * {@code sc-logit@T=2,w=0.5}, {@code ls=0.2@w=0.5}).
     */
    static List<StudentVariant> of(DistillationConfig config, List<DistillationStrategy> strategies, KdWeights kd,
            List<Double> widths) {
        List<StudentVariant> base = of(config, strategies, kd);
        if (widths.size() == 1 && widths.get(0) == 1.0) {
            return base;
        }
        List<StudentVariant> out = new ArrayList<>();
        for (double w : widths) {
            for (StudentVariant v : base) {
                String suffix = "w=" + number(w);
                String name = v.name().contains("@") ? v.name() + "," + suffix : v.name() + "@" + suffix;
                out.add(new StudentVariant(name, v.strategy(), v.kd(), w));
            }
        }
        return out;
    }

    /** The variants of {@code strategies} under the config's weights, grids and controls. */
    static List<StudentVariant> of(DistillationConfig config, List<DistillationStrategy> strategies, KdWeights kd) {
        boolean gridT = config.temperatures().size() > 1;
        boolean gridA = config.alphas().size() > 1;
        List<StudentVariant> out = new ArrayList<>();
        for (DistillationStrategy s : strategies) {
            if (s.logitTargets().isEmpty() || (!gridT && !gridA)) {
                KdWeights w = s.logitTargets().isEmpty() ? kd
                        : new KdWeights(config.temperatures().get(0), config.alphas().get(0), kd.beta());
                out.add(new StudentVariant(s.name(), s, w));
                continue;
            }
            for (double t : config.temperatures()) {
                for (double a : config.alphas()) {
                    List<String> parts = new ArrayList<>();
                    if (gridT) {
                        parts.add("T=" + number(t));
                    }
                    if (gridA) {
                        parts.add("a=" + number(a));
                    }
                    out.add(new StudentVariant(s.name() + "@" + String.join(",", parts), s,
                            new KdWeights(t, a, kd.beta())));
                }
            }
        }
        DistillationStrategy none = strategies.stream().filter(DistillationStrategy::isNone).findFirst()
                .orElseGet(() -> DistillationStrategy.parse("none"));
        for (double e : config.labelSmoothingControls()) {
            out.add(new StudentVariant("ls=" + number(e), none, kd.withLabelSmoothing(e)));
        }
        return out;
    }

    /**
     * The size-sweep part of a student row name: {@code w=0.5} for {@code sc-logit@T=2,w=0.5} or
     * {@code none@w=0.5}; empty when the run does not sweep sizes.
     */
    static String widthPart(String rowName) {
        int at = rowName.indexOf('@');
        if (at < 0) {
            return "";
        }
        for (String part : rowName.substring(at + 1).split(",")) {
            if (part.startsWith("w=")) {
                return part;
            }
        }
        return "";
    }

    /** Shortest plain form: 2, 0.5, 0.25. */
    static String number(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6f", v)).stripTrailingZeros().toPlainString();
    }
}
