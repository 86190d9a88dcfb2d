package org.tsak.data.window;

import java.util.Arrays;
import java.util.BitSet;

import org.tsak.data.Recording;

/**
 * Per-channel z-score {@code (v - mean) / std}, fitted on training windows only.
 *
 * <p>{@link #fit(WindowSet, int[])} uses each sample covered by the given windows exactly once
 * (overlapping windows do not weight the overlap twice), accumulates in double with a
 * two-pass mean/variance, and uses the population standard deviation (divide by n). A
 * standard deviation below {@link #MIN_STD} (a constant channel) is replaced by 1, so such a
 * channel is only centred.
 */
public final class ZScore {

    /** Standard deviations below this are treated as 1. */
    public static final double MIN_STD = 1e-6;

    private final double[] means;
    private final double[] stds;

    /**
     * Statistics from arrays (for example loaded from a saved run).
     *
     * @param means per-channel means, in the window set's channel order
     * @param stds  per-channel standard deviations, finite and &gt; 0
     */
    public ZScore(double[] means, double[] stds) {
        if (means.length != stds.length) {
            throw new IllegalArgumentException(means.length + " means but " + stds.length + " standard deviations");
        }
        for (int c = 0; c < means.length; c++) {
            if (!Double.isFinite(means[c])) {
                throw new IllegalArgumentException("mean of channel " + c + " is " + means[c]);
            }
            if (!(stds[c] > 0) || !Double.isFinite(stds[c])) {
                throw new IllegalArgumentException("standard deviation of channel " + c + " is " + stds[c]
                        + "; it must be finite and > 0");
            }
        }
        this.means = means.clone();
        this.stds = stds.clone();
    }

    /**
     * Fits per-channel statistics over the samples covered by the given windows.
     *
     * @throws IllegalArgumentException if no windows are given or a covered value is not finite
     */
    public static ZScore fit(WindowSet set, int[] trainWindowIdx) {
        if (trainWindowIdx.length == 0) {
            throw new IllegalArgumentException("cannot fit z-score statistics on zero windows");
        }
        int recordingCount = set.recordings().size();
        BitSet[] covered = new BitSet[recordingCount];
        int length = set.windowSamples();
        for (int w : trainWindowIdx) {
            int r = set.recordingOf(w);
            if (covered[r] == null) {
                covered[r] = new BitSet(set.recordings().get(r).sampleCount());
            }
            int start = set.startSampleOf(w);
            covered[r].set(start, start + length);
        }
        int channels = set.channels().size();
        double[] means = new double[channels];
        double[] stds = new double[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            long n = 0;
            for (int r = 0; r < recordingCount; r++) {
                if (covered[r] == null) {
                    continue;
                }
                Recording rec = set.recordings().get(r);
                float[] v = rec.channel(c);
                for (int i = covered[r].nextSetBit(0); i >= 0; i = covered[r].nextSetBit(i + 1)) {
                    if (!Float.isFinite(v[i])) {
                        throw new IllegalArgumentException("recording " + rec.key() + " channel "
                                + set.channels().get(c) + " sample " + i + " is " + v[i]
                                + "; repair or drop non-finite values before fitting the normalisation");
                    }
                    sum += v[i];
                    n++;
                }
            }
            double mean = sum / n;
            double squares = 0;
            for (int r = 0; r < recordingCount; r++) {
                if (covered[r] == null) {
                    continue;
                }
                float[] v = set.recordings().get(r).channel(c);
                for (int i = covered[r].nextSetBit(0); i >= 0; i = covered[r].nextSetBit(i + 1)) {
                    double d = v[i] - mean;
                    squares += d * d;
                }
            }
            double std = Math.sqrt(squares / n);
            means[c] = mean;
            stds[c] = std < MIN_STD ? 1.0 : std;
        }
        return new ZScore(means, stds);
    }

    /** Number of channels. */
    public int channelCount() {
        return means.length;
    }

    /** Per-channel means (a copy). */
    public double[] means() {
        return means.clone();
    }

    /** Per-channel standard deviations after the floor (a copy). */
    public double[] stds() {
        return stds.clone();
    }

    /** {@code (v - mean[channel]) / std[channel]}, computed in double. */
    public float apply(int channel, float v) {
        return (float) ((v - means[channel]) / stds[channel]);
    }

    /** Applies {@link #apply(int, float)} to {@code buf[from .. from + length)} in place. */
    public void applyInPlace(int channel, float[] buf, int from, int length) {
        double mean = means[channel];
        double std = stds[channel];
        for (int i = from; i < from + length; i++) {
            buf[i] = (float) ((buf[i] - mean) / std);
        }
    }

    @Override
    public String toString() {
        return "ZScore{means=" + Arrays.toString(means) + ", stds=" + Arrays.toString(stds) + "}";
    }
}
