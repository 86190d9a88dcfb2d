package org.tsak.model;

import java.util.Arrays;

import org.tsak.config.ModelConfig;
import org.tsak.data.Operations;

/**
 * Shape of the student ({@link StudentBlock}): Conv1d + BatchNorm + ReLU layers, global average
 * pool over time, Linear to the classes.
 *
 * <p>Conv layer {@code i} has kernel {@code k}, stride {@code s_i}, dilation {@code d_i} and
 * zero padding {@code p_i = d_i * (k - 1) / 2} on both sides ("same"-style centring: output
 * position {@code t} is centred on input sample {@code t * s_i}). Its output length, as in
 * PyTorch's {@code Conv1d}, is
 * {@code L_out = floor((L_in + 2 p_i - d_i (k - 1) - 1) / s_i) + 1 = ceil(L_in / s_i)}
 * (see {@link #outputLength(int)}). With all strides and dilations 1 every layer keeps the
 * window length {@code L}: the student of earlier versions.
 *
 * @param inputChannels channels of the student's window (one hand's accelerometer: 3)
 * @param windowSamples window length {@code L} in samples
 * @param convChannels  output channels of each conv layer, e.g. {@code {16, 32}}; the last one
 *                      is the size of the student representation {@code h_s}. Copied on the
 *                      way in and out.
 * @param kernelSize    conv kernel size of every layer, odd
 * @param strides       stride of each conv layer, each at least 1 (copied)
 * @param dilations     dilation of each conv layer, each at least 1 (copied)
 * @param classes       number of output classes
 */
public record StudentSpec(int inputChannels, int windowSamples, int[] convChannels, int kernelSize,
        int[] strides, int[] dilations, int classes) {

    /** Default input channels: one 3-axis accelerometer. */
    public static final int DEFAULT_INPUT_CHANNELS = 3;
    /** Default kernel size. */
    public static final int DEFAULT_KERNEL_SIZE = 5;

    /**
     * Validates every field and copies the arrays.
     *
     * @throws IllegalArgumentException naming the field and value, e.g.
     *                                  {@code StudentSpec.strides has 2 entries for 3 conv layers}
     */
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
        strides = perLayer("strides", strides, convChannels.length);
        dilations = perLayer("dilations", dilations, convChannels.length);
        SpecChecks.positive("StudentSpec", "classes", classes);
    }

    /** A student with stride 1 and dilation 1 in every layer (every layer keeps the length L). */
    public StudentSpec(int inputChannels, int windowSamples, int[] convChannels, int kernelSize,
            int classes) {
        this(inputChannels, windowSamples, convChannels, kernelSize, ones(convChannels),
                ones(convChannels), classes);
    }

    /**
     * The student a config asks for, on {@code inputChannels x windowSamples} windows.
     *
     * @param cfg           {@code model.student} of the config (conv channels, kernel, strides,
     *                      dilations; strides and dilations default to 1 per layer)
     * @param inputChannels the student's channels (one wrist's accelerometer: 3)
     * @param windowSamples window length {@code L}, samples
     * @param classes       number of output classes
     * @throws IllegalArgumentException naming the field if the sizes do not fit
     */
    public static StudentSpec of(ModelConfig.Student cfg, int inputChannels, int windowSamples,
            int classes) {
        return new StudentSpec(inputChannels, windowSamples, cfg.convChannelArray(), cfg.kernelSize(),
                cfg.strideArray(), cfg.dilationArray(), classes);
    }

    /** The default student: 3 channels, conv layers {@code {16, 32}}, kernel 5, stride and dilation 1. */
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

    /** A copy of the strides, one per conv layer. */
    @Override
    public int[] strides() {
        return strides.clone();
    }

    /** A copy of the dilations, one per conv layer. */
    @Override
    public int[] dilations() {
        return dilations.clone();
    }

    /** Number of conv layers. */
    public int convLayers() {
        return convChannels.length;
    }

    /** Zero padding on each side of conv layer {@code layer}: {@code dilation * (kernelSize - 1) / 2}. */
    public int padding(int layer) {
        return dilations[layer] * (kernelSize - 1) / 2;
    }

    /**
     * Time length of activation {@code a}: 0 is the input ({@code windowSamples}), {@code i + 1}
     * the output of conv layer {@code i}:
     * {@code L_(i+1) = floor((L_i + 2 p_i - d_i (k - 1) - 1) / s_i) + 1}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= a <= convLayers()}
     */
    public int outputLength(int a) {
        if (a < 0 || a > convChannels.length) {
            throw new IndexOutOfBoundsException("activation " + a + " of a student with "
                    + convChannels.length + " conv layers (0 = input)");
        }
        long len = windowSamples;
        for (int i = 0; i < a; i++) {
            len = (len + 2L * padding(i) - (long) dilations[i] * (kernelSize - 1) - 1) / strides[i] + 1;
        }
        return (int) len;
    }

    /** Time length the global average pool averages over: the last conv layer's output length. */
    public int pooledLength() {
        return outputLength(convChannels.length);
    }

    /**
     * Input samples one output position of the last conv layer sees (before the global pool):
     * {@code RF = 1 + sum_i d_i (k - 1) prod_(j<i) s_j}, the standard recurrence (each layer widens
     * the field by its dilated kernel extent {@code d_i (k - 1)} measured in the input's sample
     * spacing, which the earlier strides multiply; Araujo et al., "Computing Receptive Fields of
     * Convolutional Neural Networks", Distill 2019, eq. 2). Zero padding is counted, so the field
     * may exceed the window; the pool then averages positions that together see the whole window.
     */
    public long receptiveFieldSamples() {
        long field = 1;
        long jump = 1;
        for (int i = 0; i < convChannels.length; i++) {
            field += (long) dilations[i] * (kernelSize - 1) * jump;
            jump *= strides[i];
        }
        return field;
    }

    /** Size of the student representation {@code h_s}: the last conv layer's channels. */
    public int representationSize() {
        return convChannels[convChannels.length - 1];
    }

    /** True when some layer has a stride or dilation other than 1. */
    public boolean stridedOrDilated() {
        for (int i = 0; i < convChannels.length; i++) {
            if (strides[i] != 1 || dilations[i] != 1) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StudentSpec s && inputChannels == s.inputChannels
                && windowSamples == s.windowSamples && Arrays.equals(convChannels, s.convChannels)
                && kernelSize == s.kernelSize && Arrays.equals(strides, s.strides)
                && Arrays.equals(dilations, s.dilations) && classes == s.classes;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(convChannels);
        h = 31 * h + Arrays.hashCode(strides);
        h = 31 * h + Arrays.hashCode(dilations);
        return 31 * h + java.util.Objects.hash(inputChannels, windowSamples, kernelSize, classes);
    }

    /**
     * One line for logs, e.g. {@code StudentSpec[3x60 -> conv [16, 32] k5 strides [2, 2]
     * dilations [1, 1] -> 11 classes; receptive field 13 samples, pool over 15]}.
     */
    @Override
    public String toString() {
        return "StudentSpec[" + inputChannels + "x" + windowSamples + " -> conv "
                + Arrays.toString(convChannels) + " k" + kernelSize + " strides "
                + Arrays.toString(strides) + " dilations " + Arrays.toString(dilations) + " -> "
                + classes + " classes; receptive field " + receptiveFieldSamples()
                + " samples, pool over " + pooledLength() + "]";
    }

    private static int[] perLayer(String field, int[] values, int layers) {
        if (values == null) {
            throw new IllegalArgumentException("StudentSpec." + field + " is missing (null); give one "
                    + "value per conv layer (1 = plain convolution)");
        }
        if (values.length != layers) {
            throw new IllegalArgumentException("StudentSpec." + field + " has " + values.length
                    + " entries for " + layers + " conv layers " + Arrays.toString(values));
        }
        for (int i = 0; i < values.length; i++) {
            SpecChecks.positive("StudentSpec", field + "[" + i + "]", values[i]);
        }
        return values.clone();
    }

    private static int[] ones(int[] convChannels) {
        int[] a = new int[convChannels == null ? 0 : convChannels.length];
        Arrays.fill(a, 1);
        return a;
    }
}
