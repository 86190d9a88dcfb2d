package org.tsak.data.openpack;

import java.nio.file.Path;
import java.util.List;

/**
 * One cleaned stream of a session file on its own clock: strictly ascending times, the value
 * columns read ({@code values[column][sample]}) and the measured median sampling period.
 * Produced by {@link StreamRepair#clean}; arrays are owned by the stream.
 */
final class SensorStream {

    private final Path file;
    private final String label;
    private final List<String> columns;
    private final long[] timesMs;
    private final float[][] values;
    private final double medianPeriodMs;

    SensorStream(Path file, String label, List<String> columns, long[] timesMs, float[][] values,
            double medianPeriodMs) {
        this.file = file;
        this.label = label;
        this.columns = List.copyOf(columns);
        this.timesMs = timesMs;
        this.values = values;
        this.medianPeriodMs = medianPeriodMs;
    }

    /** The source file. */
    Path file() {
        return file;
    }

    /** Short name for notes, e.g. {@code U0209/atr/atr01/S0500.csv}. */
    String label() {
        return label;
    }

    /** Names of the value columns. */
    List<String> columns() {
        return columns;
    }

    /** Index of a value column. */
    int columnIndex(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(label + " has no column " + name + ": " + columns);
        }
        return i;
    }

    /** Strictly ascending times in ms. */
    long[] timesMs() {
        return timesMs;
    }

    /** Value column k. */
    float[] column(int k) {
        return values[k];
    }

    /** Median interval between samples in ms (measured). */
    double medianPeriodMs() {
        return medianPeriodMs;
    }

    /** Number of samples. */
    int size() {
        return timesMs.length;
    }
}
