package org.tsak.baseline;

import java.util.ArrayList;
import java.util.List;

/**
 * Five summary statistics per channel of one window, the classical features of activity
 * recognition (Bulling, Blanke &amp; Schiele, "A tutorial on human activity recognition using
 * body-worn inertial sensors", ACM Computing Surveys 46(3), 2014):
 * <ol>
 *   <li>{@code mean} = (1/L) &Sigma;<sub>t</sub> x[t]</li>
 *   <li>{@code std}, the population standard deviation = sqrt((1/L) &Sigma;<sub>t</sub> (x[t] - mean)<sup>2</sup>)</li>
 *   <li>{@code min} = min<sub>t</sub> x[t]</li>
 *   <li>{@code max} = max<sub>t</sub> x[t]</li>
 *   <li>{@code mad}, the mean absolute first difference = (1/(L-1)) &Sigma;<sub>t=0..L-2</sub> |x[t+1] - x[t]|</li>
 * </ol>
 * with {@code L} the samples per window. Sums run in double, two passes for the standard
 * deviation.
 *
 * <p>The features are computed on whatever values the window holds; {@link RandomForestBaseline}
 * gives it raw (un-normalised) values. For trees that is the same as z-scored values: a
 * per-channel z-score {@code (v - mu) / sigma} maps mean, min and max by the same increasing
 * affine map and std and mad by {@code 1/sigma}, so every split separates the same windows.
 */
public final class WindowStatistics {

    /** The statistics per channel, in feature order. */
    public static final List<String> STATISTICS = List.of("mean", "std", "min", "max", "mad");

    /** Number of statistics per channel. */
    public static final int PER_CHANNEL = 5;

    private WindowStatistics() {
    }

    /**
     * The features of one window.
     *
     * @param window   one window in NCW layout without the batch axis, channel-major:
     *                 sample {@code t} of channel {@code c} at {@code window[c * samples + t]}
     * @param channels number of channels C, at least 1
     * @param samples  samples per channel L, at least 2 (the first difference needs two)
     * @return {@code 5 * C} values: channel 0's {mean, std, min, max, mad}, then channel 1's, ...
     * @throws IllegalArgumentException if C or L is too small or {@code window.length != C * L}
     */
    public static double[] of(float[] window, int channels, int samples) {
        if (channels < 1) {
            throw new IllegalArgumentException("a window needs at least 1 channel, got " + channels);
        }
        if (samples < 2) {
            throw new IllegalArgumentException("window statistics need at least 2 samples per channel (the mean"
                    + " absolute first difference divides by L - 1), got " + samples);
        }
        if ((long) channels * samples != window.length) {
            throw new IllegalArgumentException("window holds " + window.length + " values but " + channels
                    + " channels x " + samples + " samples need " + (long) channels * samples);
        }
        double[] out = new double[PER_CHANNEL * channels];
        for (int c = 0; c < channels; c++) {
            write(window, c * samples, samples, out, PER_CHANNEL * c);
        }
        return out;
    }

    /**
     * Writes the five statistics of {@code values[from .. from + samples)} into
     * {@code out[at .. at + 5)}; {@code samples >= 2} and the ranges are the caller's to check.
     */
    static void write(float[] values, int from, int samples, double[] out, int at) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double absDiff = 0;
        for (int t = from; t < from + samples; t++) {
            double v = values[t];
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (t > from) {
                absDiff += Math.abs(v - values[t - 1]);
            }
        }
        double mean = sum / samples;
        double squares = 0;
        for (int t = from; t < from + samples; t++) {
            double d = values[t] - mean;
            squares += d * d;
        }
        out[at] = mean;
        out[at + 1] = Math.sqrt(squares / samples);
        out[at + 2] = min;
        out[at + 3] = max;
        out[at + 4] = absDiff / (samples - 1);
    }

    /**
     * Feature names parallel to {@link #of}: {@code <channel>:<statistic>}, for example
     * {@code right_wrist/acc_x:mean}, {@code right_wrist/acc_x:std}, ...
     *
     * @throws IllegalArgumentException if no channel is given
     */
    public static List<String> names(List<String> channels) {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("window statistics need at least 1 channel");
        }
        List<String> out = new ArrayList<>(PER_CHANNEL * channels.size());
        for (String channel : channels) {
            for (String statistic : STATISTICS) {
                out.add(channel + ":" + statistic);
            }
        }
        return List.copyOf(out);
    }
}
