/**
 * The classical baseline every deep student is judged against: {@link
 * org.tsak.baseline.WindowStatistics} (mean, standard deviation, min, max and mean absolute first
 * difference per channel of a window) and {@link org.tsak.baseline.RandomForestBaseline}, a
 * Tribuo random forest on them, fitted on a fold's training windows and predicting class
 * indices for its test windows, to be scored by the same OpenPack rule
 * ({@link org.tsak.eval.WindowScoring}) as the deep models.
 */
package org.tsak.baseline;
