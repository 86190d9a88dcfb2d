/**
 * Judging models: the OpenPack 1 Hz rule and macro-F1 ({@link org.tsak.eval.OpenPackScorer},
 * {@link org.tsak.eval.WindowScoring}), paired comparisons, cost (params, FLOPs) and latency,
 * the metrics file of one model ({@link org.tsak.eval.ModelMetricsWriter}) and the comparison
 * table of a run ({@link org.tsak.eval.ComparisonTable} with its rows, fold scores and
 * Markdown/CSV/JSON forms), which the runner produces and {@code report} reads back.
 */
package org.tsak.eval;
