package org.tsak.config;

import java.util.List;

/**
 * Random augmentation of training windows ({@code org.tsak.data.augment.WristAugmentation}):
 * every setting 0 (the default) turns its step off, so the default changes nothing.
 *
 * @param rotationDegrees largest angle, degrees, of a random 3-D rotation of each body
 *                        position's 3-axis sensors (axis uniform on the sphere, angle uniform
 *                        in [0, rotationDegrees]); 0..180, default 0
 * @param scale           amplitude scaling: each 3-axis sensor (one factor for its three axes)
 *                        and each other channel is multiplied by a factor uniform in
 *                        [1 - scale, 1 + scale]; 0..0.9, default 0
 * @param jitter          standard deviation of Gaussian noise added to every sample, in units
 *                        of the channel's standard deviation (it is added after z-scoring);
 *                        0..5, default 0
 * @param shiftSamples    largest time shift, samples: each window moves by a whole number of
 *                        samples uniform in [-shiftSamples, shiftSamples]; &gt;= 0, default 0
 * @param shiftPadding    what fills the samples a shift uncovers: {@code edge} (the window's
 *                        first or last sample repeated, default) or {@code circular} (the
 *                        samples shifted out at the other end)
 * @param mirror          probability of mirroring a window left/right (hands' channels
 *                        swapped, lateral axes sign-flipped; only channels with a counterpart
 *                        in the input move, so it matters for two-hand teacher windows);
 *                        0..1, default 0
 */
public record AugmentationConfig(Double rotationDegrees, Double scale, Double jitter, Integer shiftSamples,
        String shiftPadding, Double mirror) {

    /** Valid values of {@code shiftPadding}. */
    public static final List<String> PADDINGS = List.of("edge", "circular");

    /** Everything off. */
    public static final AugmentationConfig OFF = new AugmentationConfig(null, null, null, null, null, null);

    /** Applies defaults (validation with key paths: {@link #named(String)}). */
    public AugmentationConfig {
        rotationDegrees = rotationDegrees == null ? 0.0 : rotationDegrees;
        scale = scale == null ? 0.0 : scale;
        jitter = jitter == null ? 0.0 : jitter;
        shiftSamples = shiftSamples == null ? 0 : shiftSamples;
        shiftPadding = shiftPadding == null ? "edge" : shiftPadding;
        mirror = mirror == null ? 0.0 : mirror;
    }

    /**
     * Validates, naming each key under {@code keyPath} (e.g. {@code training.augmentation.scale}),
     * and returns this.
     *
     * @throws IllegalArgumentException naming the key path and the value
     */
    public AugmentationConfig named(String keyPath) {
        ConfigChecks.inRange(keyPath + ".rotationDegrees", rotationDegrees, 0, 180);
        ConfigChecks.inRange(keyPath + ".scale", scale, 0, 0.9);
        ConfigChecks.inRange(keyPath + ".jitter", jitter, 0, 5);
        ConfigChecks.inRange(keyPath + ".shiftSamples", shiftSamples, 0, Integer.MAX_VALUE);
        ConfigChecks.oneOf(keyPath + ".shiftPadding", shiftPadding, PADDINGS);
        ConfigChecks.inRange(keyPath + ".mirror", mirror, 0, 1);
        return this;
    }

    /** True if every step is off. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isOff() {
        return rotationDegrees == 0 && scale == 0 && jitter == 0 && shiftSamples == 0 && mirror == 0;
    }
}
