/**
 * Training one run: {@link org.tsak.train.ExperimentRunner} plans the tasks of a run folder
 * (teacher, semantic classifier, cached targets, baselines, students per strategy and seed),
 * the stages and their training loop ({@link org.tsak.train.StageTrainer}), checkpoints,
 * efficiency measurement and the comparison table of the run. Knows nothing of reports,
 * exports or the command line.
 */
package org.tsak.train;
