package org.tsak.train;

import org.tsak.distill.DistillationStrategy;
import org.tsak.distill.KdWeights;

/**
 * One kind of student a run trains for every fold and seed: a distillation strategy with its
 * weights. Its name is the strategy's (e.g. {@code sc-logit}), the folder under
 * {@code students/} and the row of the table.
 *
 * @param name     folder and row name
 * @param strategy the strategy
 * @param kd       temperature, alpha, beta
 * @param width    multiplier of the student's conv channels ({@code model.student.widths}; 1 = as configured)
 */
record StudentVariant(String name, DistillationStrategy strategy, KdWeights kd, double width) {

    /** A student of the configured size. */
    StudentVariant(String name, DistillationStrategy strategy, KdWeights kd) {
        this(name, strategy, kd, 1.0);
    }

    /**
     * The name of this variant's group in a temperature/alpha grid: its strategy, with the width
     * when the run sweeps sizes ({@code sc-logit}, {@code sc-logit@w=0.5}).
     */
    String gridGroup() {
        String widthPart = StudentVariants.widthPart(name);
        return widthPart.isEmpty() ? strategy.name() : strategy.name() + "@" + widthPart;
    }
}
