package org.tsak.train;

import java.nio.file.Path;
import java.util.Map;

import org.tsak.eval.ComparisonTable;

/**
 * What an experiment produced.
 *
 * @param runDir            the run folder
 * @param table             the comparison table
 * @param windowsPerSecond  mean training throughput per stage (teacher, semantic-classifier, student)
 * @param timeShares        per stage, the mean shares of training time {data, forward + loss, backward, step}
 */
public record ExperimentOutcome(Path runDir, ComparisonTable table, Map<String, Double> windowsPerSecond,
        Map<String, double[]> timeShares) {
}
