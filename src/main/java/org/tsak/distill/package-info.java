/**
 * Knowledge distillation: the strategies ({@link org.tsak.distill.DistillationStrategy}, chosen by
 * key from {@link org.tsak.distill.StrategyRegistry}), their weighted losses
 * ({@link org.tsak.distill.DistillationLoss}) and the cached teacher targets
 * ({@link org.tsak.distill.TeacherTargets}) they read.
 */
package org.tsak.distill;
