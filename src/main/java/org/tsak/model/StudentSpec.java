package org.tsak.model;

import java.util.Arrays;

import org.tsak.data.Operations;

/**
 * Shape of the student ({@link StudentBlock}): Conv1d + BatchNorm + ReLU layers, global average
 * pool over time, Linear to the classes.
 *
 * @param inputChannels channels of the student's window (one hand's accelerometer: 3)
 * @param windowSamples window length {@code L} in samples
 * @param convChannels  output channels of each conv layer, e.g. {@code {16, 32}}; the last one
 *                      is the size of the student representation {@code h_s}. Copied on the
 *                      way in and out.
 * @param kernelSize    conv kernel size, odd (padding {@code kernelSize/2} keeps {@code L})
 * @param classes       number of output classes
 */
public record StudentSpec(int inputChannels, int windowSamples, int[] convChannels, int kernelSize,
        int classes) {

    /** Default input channels: one 3-axis accelerometer. */
    public static final int DEFAULT_INPUT_CHANNELS = 3;
    /** Default kernel size. */
    public static final int DEFAULT_KERNEL_SIZE = 5;

    /** Validates every field and copies {@code convChannels}. */
    public StudentSpec {
        SpecChecks.positive("StudentSpec", "inputChannels", inputChannels);
        SpecChecks.positive("StudentSpec", "windowSamples", windowSamples);
        if (convChannels == null || convChannels.length == 0) {
            throw new IllegalArgumentException("StudentSpec.convChannels needs at least one layer, "
                    + "e.g. [16, 32]");
        }
        convChannels = convChannels.clone();
        for (int i = 0; i < convChannels.length; i++) {
            SpecChecks.positive("StudentSpec", "convChannels[" + i + "]", convChannels[i]);
        }
        SpecChecks.oddKernel("StudentSpec", kernelSize);
        SpecChecks.positive("StudentSpec", "classes", classes);
    }

    /** The default student: 3 channels, conv layers {@code {16, 32}}, kernel 5. */
    public static StudentSpec defaults(int windowSamples, int classes) {
        return new StudentSpec(DEFAULT_INPUT_CHANNELS, windowSamples, defaultConvChannels(),
                DEFAULT_KERNEL_SIZE, classes);
    }

    /** {@link #defaults(int, int)} with the OpenPack classes. */
    public static StudentSpec defaults(int windowSamples) {
        return defaults(windowSamples, Operations.CLASS_COUNT);
    }

    /** Default conv channels, {@code {16, 32}} (a fresh array). */
    public static int[] defaultConvChannels() {
        return new int[] {16, 32};
    }

    /** A copy of the conv channels. */
    @Override
    public int[] convChannels() {
        return convChannels.clone();
    }

    /** Size of the student representation {@code h_s}: the last conv layer's channels. */
    public int representationSize() {
        return convChannels[convChannels.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StudentSpec s && inputChannels == s.inputChannels
                && windowSamples == s.windowSamples && Arrays.equals(convChannels, s.convChannels)
                && kernelSize == s.kernelSize && classes == s.classes;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(convChannels)
                + java.util.Objects.hash(inputChannels, windowSamples, kernelSize, classes);
    }

    @Override
    public String toString() {
        return "StudentSpec[inputChannels=" + inputChannels + ", windowSamples=" + windowSamples
                + ", convChannels=" + Arrays.toString(convChannels) + ", kernelSize=" + kernelSize
                + ", classes=" + classes + "]";
    }
}
