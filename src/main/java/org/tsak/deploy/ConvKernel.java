package org.tsak.deploy;

/**
 * The forward pass of one packed conv layer ({@link PackedConv}: {@code Conv1d -> BatchNorm
 * (folded) -> ReLU}), float32 and int8, on channel-last ("NWC") activations with {@code pad} zero
 * rows before and after the valid ones, as {@link PackedConv} documents. Two implementations
 * compute the same floats in the same order, bit for bit: {@link PackedConv} itself (scalar
 * loops that HotSpot C2 auto-vectorises) and {@code VectorConvKernel} (explicit
 * {@code jdk.incubator.vector} code, used only when that module is in the JVM); {@link ConvKernels}
 * chooses.
 */
interface ConvKernel {

    /**
     * Float32 layer: reads {@code in} ({@code inChannels} floats per row), writes {@code out}
     * ({@code outChannels} per row) including its {@code pad} leading and trailing zero rows.
     *
     * @param in      input activation, at least {@code (pad + inLength + pad) * inChannels} floats
     * @param out     output activation, at least {@code (pad + outLength + pad) * outChannels} floats
     * @param pad     zero rows before and after an activation ({@code >= padSamples})
     * @param scratch at least {@link #scratchFloats()} floats
     */
    void forwardFloat(float[] in, float[] out, int pad, float[] scratch);

    /**
     * Int8 layer on the quantised input {@code qin} (integer-valued floats in {@code [-127, 127]},
     * laid out as {@link #forwardFloat}'s input) with scale {@code sx} ({@code amax / 127}).
     *
     * @param acc   scratch of at least {@link #scratchFloats()} floats
     * @param iacc  scratch of at least {@code outChannels} ints
     * @param scale scratch of at least {@code outChannels} floats
     * @throws NullPointerException on a float-only layer (no int8 weights)
     */
    void forwardInt8(float[] qin, float[] out, int pad, float sx, float[] acc, int[] iacc, float[] scale);

    /**
     * Quantises this layer's input activation {@code a} (channel-last, {@code pad} zero rows each
     * side, {@code inLength} rows of {@code inChannels}) per tensor into {@code q}, the input of
     * {@link #forwardInt8}, and returns its scale {@code sx}: {@link ActivationQuantiser#quantise}.
     *
     * @param reluOutput true when {@code a} is a ReLU output (never negative, never NaN)
     */
    float quantiseInput(float[] a, float[] q, int pad, boolean reluOutput);

    /** Floats of float scratch the two forward methods need, at least {@code outChannels}. */
    int scratchFloats();
}
