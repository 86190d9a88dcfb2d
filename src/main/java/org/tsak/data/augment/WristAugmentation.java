package org.tsak.data.augment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.tsak.config.AugmentationConfig;
import org.tsak.data.ChannelName;
import org.tsak.data.hands.MirrorMap;
import org.tsak.data.window.ZScore;

/**
 * Random augmentation of a batch of training windows of wearable sensors, in NCW layout
 * ({@code float[count x C x L]}, element {@code (w, c, t)} at {@code (w * C + c) * L + t}),
 * after Um et al., "Data augmentation of wearable sensor data for Parkinson's disease
 * monitoring using convolutional neural networks", ICMI 2017 (rotation, scaling, jitter) and
 * the time shift common in activity recognition. Per window, in this order:
 *
 * <ol>
 * <li><b>mirror</b> (probability {@code mirror}): the left/right mirror image
 *     ({@link MirrorMap}); only channels with a counterpart in the input move, so a one-wrist
 *     input is not changed (lateral axes of midline sensors would be);</li>
 * <li><b>rotation</b>: one random rotation per body position, applied to every 3-axis
 *     vector sensor there ({@code acc}, {@code e4acc}, {@code gyro}, {@code mag} with axes x, y,
 *     z), as when a band sits turned on the wrist: axis uniform on the sphere, angle uniform in
 *     [0, {@code rotationDegrees}] (Commons Math {@link Rotation}); preserves each sample's
 *     vector norm;</li>
 * <li><b>scaling</b>: each 3-axis vector sensor times one factor, each other channel (but
 *     quaternions) times its own, uniform in [1 - {@code scale}, 1 + {@code scale}];</li>
 * <li><b>jitter</b>: Gaussian noise of standard deviation {@code jitter} on every sample;</li>
 * <li><b>time shift</b>: the window moves by a whole number of samples uniform in
 *     [-{@code shiftSamples}, {@code shiftSamples}] ({@code out[t] = in[t - s]}), uncovered
 *     samples filled per {@code shiftPadding} (edge: first or last sample repeated; circular:
 *     wrapped round).</li>
 * </ol>
 * Steps 1-3 act on physical values (G, deg/s) and belong before z-scoring
 * ({@link #applyPhysical}); steps 4-5 after it ({@link #applyNormalised}), so jitter is in
 * units of each channel's standard deviation; {@link #apply(float[], int, ZScore, int[], SplittableRandom)}
 * does both with the z-score in between. Quaternion channels are neither rotated nor scaled.
 *
 * <p>Determinism: all draws come from the {@link SplittableRandom} passed in; each step draws
 * from its own split of it (taken whether or not the step is on), so turning one step on or
 * off does not change the others' draws. Gaussian draws use Box-Muller with
 * {@link StrictMath}, not JDK defaults. Same stream, same batch: same output.
 */
public final class WristAugmentation {

    /** Sensors whose x, y, z channels form a vector that rotates with the device. */
    public static final Set<String> VECTOR_SENSORS = Set.of("acc", "e4acc", "gyro", "mag");

    private static final List<String> AXES = List.of("x", "y", "z");

    private final AugmentationConfig config;
    private final List<String> channels;
    private final int windowSamples;
    private final MirrorMap mirror;
    /** Per body position with vector sensors: their channel triples (x, y, z). */
    private final List<int[][]> rotationGroups;
    /** Channel sets that share one scale factor: a vector sensor's triple, or one channel. */
    private final List<int[]> scaleGroups;

    /**
     * @param config        the settings (validated here under the key path {@code augmentation})
     * @param channels      the input's channel names, in channel order ({@code <position>/<sensor>_<axis>})
     * @param windowSamples samples per window (L)
     * @throws IllegalArgumentException for invalid settings, a channel name not of that form,
     *                                  or {@code shiftSamples >= windowSamples}
     */
    public WristAugmentation(AugmentationConfig config, List<String> channels, int windowSamples) {
        this.config = config.named("augmentation");
        if (windowSamples < 1) {
            throw new IllegalArgumentException("windows need at least one sample, got " + windowSamples);
        }
        if (config.shiftSamples() >= windowSamples) {
            throw new IllegalArgumentException("augmentation.shiftSamples: " + config.shiftSamples()
                    + " must be smaller than the window's " + windowSamples + " samples");
        }
        this.channels = List.copyOf(channels);
        this.windowSamples = windowSamples;
        this.mirror = MirrorMap.of(channels);
        Map<String, List<int[]>> byPosition = new LinkedHashMap<>();
        boolean[] inVector = new boolean[channels.size()];
        List<int[]> scale = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            ChannelName n = ChannelName.parse(channels.get(c));
            if (!VECTOR_SENSORS.contains(n.sensor()) || !n.axis().equals("x")) {
                continue;
            }
            int[] triple = new int[3];
            boolean complete = true;
            for (int a = 0; a < 3; a++) {
                triple[a] = channels.indexOf(new ChannelName(n.position(), n.sensor(), AXES.get(a)).toString());
                complete &= triple[a] >= 0;
            }
            if (complete) {
                byPosition.computeIfAbsent(n.position(), p -> new ArrayList<>()).add(triple);
                scale.add(triple);
                for (int i : triple) {
                    inVector[i] = true;
                }
            }
        }
        for (int c = 0; c < channels.size(); c++) {
            if (!inVector[c] && !ChannelName.parse(channels.get(c)).sensor().equals("quat")) {
                scale.add(new int[] {c});
            }
        }
        this.rotationGroups = new ArrayList<>();
        for (List<int[]> g : byPosition.values()) {
            rotationGroups.add(g.toArray(new int[0][]));
        }
        this.scaleGroups = List.copyOf(scale);
    }

    /** The settings. */
    public AugmentationConfig config() {
        return config;
    }

    /** The input's channel names. */
    public List<String> channels() {
        return channels;
    }

    /** Samples per window. */
    public int windowSamples() {
        return windowSamples;
    }

    /** True if no step is on: every method leaves the batch as it is. */
    public boolean isIdentity() {
        return config.isOff();
    }

    /**
     * Steps 1-3 (mirror, rotation, scaling) in place, on physical (un-normalised) values.
     *
     * @param ncw   {@code count} windows, NCW, of {@link #channels()} and {@link #windowSamples()}
     * @param count windows in the batch
     * @param rng   the batch's random stream
     * @throws IllegalArgumentException if {@code ncw} is shorter than {@code count x C x L}
     */
    public void applyPhysical(float[] ncw, int count, SplittableRandom rng) {
        checkLength(ncw, count);
        SplittableRandom mirrorRng = rng.split();
        SplittableRandom rotationRng = rng.split();
        SplittableRandom scaleRng = rng.split();
        int c = channels.size();
        int l = windowSamples;
        if (config.mirror() > 0) {
            boolean[] select = new boolean[count];
            for (int w = 0; w < count; w++) {
                select[w] = mirrorRng.nextDouble() < config.mirror();
            }
            mirror.mirrorInPlace(ncw, count, l, select);
        }
        if (config.rotationDegrees() > 0) {
            double maxRadians = Math.toRadians(config.rotationDegrees());
            for (int w = 0; w < count; w++) {
                for (int[][] position : rotationGroups) {
                    double[][] r = randomRotation(rotationRng, maxRadians);
                    for (int[] triple : position) {
                        rotate(ncw, (w * c) * l, triple, l, r);
                    }
                }
            }
        }
        if (config.scale() > 0) {
            double s = config.scale();
            for (int w = 0; w < count; w++) {
                for (int[] group : scaleGroups) {
                    float factor = (float) (1.0 - s + 2.0 * s * scaleRng.nextDouble());
                    for (int ch : group) {
                        int base = (w * c + ch) * l;
                        for (int t = 0; t < l; t++) {
                            ncw[base + t] *= factor;
                        }
                    }
                }
            }
        }
    }

    /**
     * Steps 4-5 (jitter, time shift) in place, on z-scored values.
     *
     * @throws IllegalArgumentException if {@code ncw} is shorter than {@code count x C x L}
     */
    public void applyNormalised(float[] ncw, int count, SplittableRandom rng) {
        checkLength(ncw, count);
        SplittableRandom jitterRng = rng.split();
        SplittableRandom shiftRng = rng.split();
        int c = channels.size();
        int l = windowSamples;
        if (config.jitter() > 0) {
            double sd = config.jitter();
            int n = count * c * l;
            for (int i = 0; i < n; i++) {
                ncw[i] += (float) (sd * gaussian(jitterRng));
            }
        }
        if (config.shiftSamples() > 0) {
            int max = config.shiftSamples();
            boolean circular = config.shiftPadding().equals("circular");
            float[] row = new float[l];
            for (int w = 0; w < count; w++) {
                int shift = shiftRng.nextInt(2 * max + 1) - max;
                if (shift == 0) {
                    continue;
                }
                for (int ch = 0; ch < c; ch++) {
                    int base = (w * c + ch) * l;
                    System.arraycopy(ncw, base, row, 0, l);
                    for (int t = 0; t < l; t++) {
                        int from = t - shift;
                        from = circular ? Math.floorMod(from, l) : Math.min(l - 1, Math.max(0, from));
                        ncw[base + t] = row[from];
                    }
                }
            }
        }
    }

    /**
     * All steps: {@link #applyPhysical} on raw values, then the z-score of each channel, then
     * {@link #applyNormalised}. {@code ncw} comes in raw and leaves z-scored.
     *
     * @param norm           per-channel statistics over the window set's channels, or null (then
     *                       jitter is in raw units)
     * @param normChannels   for each input channel, its index in {@code norm} (e.g.
     *                       {@code ChannelView.indices()})
     * @throws IllegalArgumentException if {@code normChannels} does not have one entry per channel
     */
    public void apply(float[] ncw, int count, ZScore norm, int[] normChannels, SplittableRandom rng) {
        if (norm != null && normChannels.length != channels.size()) {
            throw new IllegalArgumentException(normChannels.length + " normalisation channel indices for "
                    + channels.size() + " channels");
        }
        SplittableRandom physical = rng.split();
        SplittableRandom normalised = rng.split();
        applyPhysical(ncw, count, physical);
        if (norm != null) {
            int c = channels.size();
            for (int w = 0; w < count; w++) {
                for (int ch = 0; ch < c; ch++) {
                    norm.applyInPlace(normChannels[ch], ncw, (w * c + ch) * windowSamples, windowSamples);
                }
            }
        }
        applyNormalised(ncw, count, normalised);
    }

    /** A rotation matrix: axis uniform on the sphere, angle uniform in [0, maxRadians]. */
    static double[][] randomRotation(SplittableRandom rng, double maxRadians) {
        double x;
        double y;
        double z;
        double norm;
        do {
            x = gaussian(rng);
            y = gaussian(rng);
            z = gaussian(rng);
            norm = Math.sqrt(x * x + y * y + z * z);
        } while (norm < 1e-9);
        double angle = maxRadians * rng.nextDouble();
        return new Rotation(new Vector3D(x / norm, y / norm, z / norm), angle, RotationConvention.VECTOR_OPERATOR)
                .getMatrix();
    }

    private static void rotate(float[] ncw, int windowBase, int[] triple, int l, double[][] r) {
        int bx = windowBase + triple[0] * l;
        int by = windowBase + triple[1] * l;
        int bz = windowBase + triple[2] * l;
        for (int t = 0; t < l; t++) {
            double x = ncw[bx + t];
            double y = ncw[by + t];
            double z = ncw[bz + t];
            ncw[bx + t] = (float) (r[0][0] * x + r[0][1] * y + r[0][2] * z);
            ncw[by + t] = (float) (r[1][0] * x + r[1][1] * y + r[1][2] * z);
            ncw[bz + t] = (float) (r[2][0] * x + r[2][1] * y + r[2][2] * z);
        }
    }

    /** Standard normal by Box-Muller with {@link StrictMath} (stable across JDK versions). */
    private static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1]
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    private void checkLength(float[] ncw, int count) {
        long needed = (long) count * channels.size() * windowSamples;
        if (count < 0 || ncw.length < needed) {
            throw new IllegalArgumentException(ncw.length + " floats do not hold " + count + " windows x "
                    + channels.size() + " channels x " + windowSamples + " samples");
        }
    }

    @Override
    public String toString() {
        return "WristAugmentation" + config + " on " + channels;
    }
}
