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
 */
record StudentVariant(String name, DistillationStrategy strategy, KdWeights kd) {
}
