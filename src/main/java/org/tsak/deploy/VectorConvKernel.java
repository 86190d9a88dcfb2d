package org.tsak.deploy;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PackedConv}'s kernels written with the Java 17 Vector API ({@code jdk.incubator.vector},
 * {@link FloatVector#SPECIES_PREFERRED}, {@code V} lanes: 16 floats with AVX-512, 8 with AVX2),
 * register-blocked: per pair of output steps {@code t, t + 1} and block of {@code V} output
 * channels {@code o..o+V-1}, two accumulators stay in registers over all input channels and share
 * every weight load (an odd last step is computed twice and stored once).
 *
 * <p><b>Arithmetic</b>: exactly {@link PackedConv}'s, per lane, so logits are bit-identical to the
 * scalar kernels (and to the C export). Float32: {@code acc = bias}; for each input channel
 * {@code i} in order, {@code taps = w[i][0] * x[t s - p][i]}, then {@code taps = taps + w[i][kk] *
 * x[t s + kk d - p][i]} for {@code kk = 1 .. k-1} (a separate multiply and add, never a fused
 * multiply-add), and {@code acc = acc + taps}; then ReLU as {@code v > 0 ? v : 0} (a lane compare
 * and blend, so {@code -0} and NaN give {@code +0} as in the scalar code). Int8, layers
 * {@link PackedConv#exactInFloat}: the same sums from {@code acc = 0} over the int8 weights widened
 * to integer-valued floats (exact, so equal to the int32 sum), then {@code acc * (sw[o] * sx) +
 * b[o]} and ReLU. Int8 layers that are not exact in float run {@link PackedConv}'s int kernel. So
 * that both precisions share one epilogue without a branch (see {@link #steps}), float32 computes
 * {@code acc * 1 + 0} before ReLU: the same value, except that {@code -0} becomes {@code +0},
 * which ReLU makes of it anyway. The int8 input is quantised by {@link VectorQuantiser}.
 *
 * <p><b>Layouts</b>: activations channel-last as {@link PackedConv} ("NWC", {@code pad} zero rows
 * each side). Weights are copied once to {@code [in][tap][outPadded]} with the output channels
 * padded with zeros to a multiple of {@code V} ({@code outPadded}), and so are the bias and the
 * int8 scales, so every block loads whole vectors. The last block, when {@code outChannels} is not
 * a multiple of {@code V}, is stored through the caller's scratch and its first
 * {@code outChannels mod V} lanes copied out.
 *
 * <p><b>Warm-up</b>: fast, and free of allocation, only once HotSpot C2 has compiled these
 * methods; the interpreter and C1 run the Vector API's Java fallbacks, which allocate every
 * vector (see {@link StudentRuntime}).
 *
 * <p>Loaded only when the JVM has {@code jdk.incubator.vector} ({@link ConvKernels#kernel});
 * immutable after construction; scratch comes from the caller ({@link #scratchFloats()}).
 */
final class VectorConvKernel implements ConvKernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private final PackedConv layer;
    private final int inChannels;
    private final int outChannels;
    private final int kernelSize;
    /** {@code outChannels} rounded up to a multiple of {@link #LANES}. */
    private final int outPadded;
    /** Input floats from one tap to the next, {@code dilation * inChannels}. */
    private final int tapStep;
    /** Float weights {@code [in][tap][outPadded]}, zeros in the padded channels. */
    private final float[] weight;
    /** Bias, {@code outPadded} (zeros after {@code outChannels}). */
    private final float[] bias;
    /** {@code outPadded} zeros: the int8 sums' start, the float32 epilogue's addend. */
    private final float[] zeros;
    /** {@code outPadded} ones: the float32 epilogue's factor. */
    private final float[] ones;
    /** Int8 weights as integer-valued floats {@code [in][tap][outPadded]}, or null (float-only or not exact). */
    private final float[] qWeight;
    /** Int8 weight scales, {@code outPadded}, or null with {@link #qWeight}. */
    private final float[] qScale;

    private VectorConvKernel(PackedConv layer) {
        this.layer = layer;
        inChannels = layer.inChannels;
        outChannels = layer.outChannels;
        kernelSize = layer.kernelSize;
        outPadded = (outChannels + LANES - 1) / LANES * LANES;
        tapStep = layer.dilation * inChannels;
        int rows = inChannels * kernelSize;
        weight = new float[rows * outPadded];
        for (int j = 0; j < rows; j++) {
            System.arraycopy(layer.weight, j * outChannels, weight, j * outPadded, outChannels);
        }
        bias = java.util.Arrays.copyOf(layer.bias, outPadded);
        zeros = new float[outPadded];
        ones = new float[outPadded];
        java.util.Arrays.fill(ones, 1f);
        if (layer.qWeight != null && layer.exactInFloat) {
            qWeight = new float[rows * outPadded];
            for (int j = 0; j < rows; j++) {
                for (int o = 0; o < outChannels; o++) {
                    qWeight[j * outPadded + o] = layer.qWeight[j * outChannels + o];
                }
            }
            qScale = java.util.Arrays.copyOf(layer.qScale, outPadded);
        } else {
            qWeight = null;
            qScale = null;
        }
    }

    /** The vector kernel of {@code layer} (typed as the interface so callers never load this class). */
    static ConvKernel of(PackedConv layer) {
        return new VectorConvKernel(layer);
    }

    @Override
    public float quantiseInput(float[] a, float[] q, int pad, boolean reluOutput) {
        return VectorQuantiser.quantise(a, q, pad, inChannels, layer.inLength, reluOutput);
    }

    @Override
    public int scratchFloats() {
        return outPadded;
    }

    @Override
    public void forwardFloat(float[] in, float[] out, int pad, float[] scratch) {
        forward(weight, in, out, pad, false, 0f, scratch);
    }

    @Override
    public void forwardInt8(float[] qin, float[] out, int pad, float sx, float[] acc, int[] iacc, float[] scale) {
        if (qWeight == null) {
            layer.forwardInt8(qin, out, pad, sx, acc, iacc, scale);
            return;
        }
        forward(qWeight, qin, out, pad, true, sx, acc);
    }

    /**
     * Both precisions: output steps two at a time ({@code t} and {@code t + 1} share each weight
     * load), an odd last step computed twice and stored once.
     */
    private void forward(float[] w, float[] x, float[] out, int pad, boolean int8, float sx, float[] scratch) {
        int cout = outChannels;
        int length = layer.outLength;
        int rowStep = layer.stride * inChannels;
        PackedConv.zeroPadRows(out, pad, length, cout);
        for (int t = 0; t < length; t += 2) {
            int row = (pad + t * layer.stride - layer.padSamples) * inChannels;
            int ob = (pad + t) * cout;
            boolean two = t + 1 < length;
            for (int o = 0; o < cout; o += LANES) {
                steps(w, x, row, two ? row + rowStep : row, o, int8, sx, out, ob, two, scratch);
            }
        }
    }

    /**
     * Output channels {@code o..o+V-1} of the steps whose tap-0 input rows start at {@code row0}
     * and {@code row1}: bias (float) or zero (int8) plus, per input channel in order, its tap sum
     * (taps left to right); then {@code acc * m + c} with {@code m = sw * sx} and {@code c = b}
     * (int8) or {@code m = 1} and {@code c = +0} (float32: {@code acc * 1 + 0} is {@code acc}
     * except that {@code -0} becomes {@code +0}, which ReLU gives anyway); ReLU; stored at
     * {@code ob} and, if {@code two}, the next row.
     *
     * <p>Written so that no vector value is passed to a method of ours or flows out of an if-else:
     * a vector that crosses a call C2 (Java 17) does not inline, or a merge of two branches, is
     * materialised as an object. A first version of this class, with the two loops below in one
     * method, allocated 35 kB per window of the default student once a second kernel size had run
     * in the JVM; with the epilogue in a method of its own, 100 kB. Hence one method per loop, each
     * ending in its own stores, and the epilogue without a branch on the precision.
     */
    private void steps(float[] w, float[] x, int row0, int row1, int o, boolean int8, float sx, float[] out,
            int ob, boolean two, float[] scratch) {
        if (kernelSize == 5) {
            steps5(w, x, row0, row1, o, int8, sx, out, ob, two, scratch);
        } else {
            stepsAny(w, x, row0, row1, o, int8, sx, out, ob, two, scratch);
        }
    }

    /**
     * {@link #steps} for kernel size 5 (every config's), the taps unrolled: {@link #stepsAny} took
     * 25 % longer on the demo student.
     */
    private void steps5(float[] w, float[] x, int row0, int row1, int o, boolean int8, float sx, float[] out,
            int ob, boolean two, float[] scratch) {
        int n = outPadded;
        int step = tapStep;
        FloatVector acc0 = FloatVector.fromArray(SPECIES, int8 ? zeros : bias, o);
        FloatVector acc1 = acc0;
        int wi = o;
        for (int i = 0; i < inChannels; i++) {
            int a = row0 + i;
            int b = row1 + i;
            FloatVector w0 = FloatVector.fromArray(SPECIES, w, wi);
            FloatVector w1 = FloatVector.fromArray(SPECIES, w, wi + n);
            FloatVector w2 = FloatVector.fromArray(SPECIES, w, wi + 2 * n);
            FloatVector w3 = FloatVector.fromArray(SPECIES, w, wi + 3 * n);
            FloatVector w4 = FloatVector.fromArray(SPECIES, w, wi + 4 * n);
            acc0 = acc0.add(w0.mul(x[a]).add(w1.mul(x[a + step])).add(w2.mul(x[a + 2 * step]))
                    .add(w3.mul(x[a + 3 * step])).add(w4.mul(x[a + 4 * step])));
            acc1 = acc1.add(w0.mul(x[b]).add(w1.mul(x[b + step])).add(w2.mul(x[b + 2 * step]))
                    .add(w3.mul(x[b + 3 * step])).add(w4.mul(x[b + 4 * step])));
            wi += 5 * n;
        }
        FloatVector m = FloatVector.fromArray(SPECIES, int8 ? qScale : ones, o).mul(int8 ? sx : 1f);
        FloatVector c = FloatVector.fromArray(SPECIES, int8 ? bias : zeros, o);
        FloatVector r0 = acc0.mul(m).add(c);
        FloatVector r1 = acc1.mul(m).add(c);
        r0 = FloatVector.zero(SPECIES).blend(r0, r0.compare(VectorOperators.GT, 0f));
        r1 = FloatVector.zero(SPECIES).blend(r1, r1.compare(VectorOperators.GT, 0f));
        if (o + LANES <= outChannels) {
            r0.intoArray(out, ob + o);
            if (two) {
                r1.intoArray(out, ob + outChannels + o);
            }
        } else {
            r0.intoArray(scratch, 0);
            System.arraycopy(scratch, 0, out, ob + o, outChannels - o);
            if (two) {
                r1.intoArray(scratch, 0);
                System.arraycopy(scratch, 0, out, ob + outChannels + o, outChannels - o);
            }
        }
    }

    /** {@link #steps} for any kernel size (the same epilogue as {@link #steps5}). */
    private void stepsAny(float[] w, float[] x, int row0, int row1, int o, boolean int8, float sx, float[] out,
            int ob, boolean two, float[] scratch) {
        int n = outPadded;
        int step = tapStep;
        int k = kernelSize;
        FloatVector acc0 = FloatVector.fromArray(SPECIES, int8 ? zeros : bias, o);
        FloatVector acc1 = acc0;
        int wi = o;
        for (int i = 0; i < inChannels; i++) {
            int a = row0 + i;
            int b = row1 + i;
            FloatVector w0 = FloatVector.fromArray(SPECIES, w, wi);
            FloatVector taps0 = w0.mul(x[a]);
            FloatVector taps1 = w0.mul(x[b]);
            for (int kk = 1; kk < k; kk++) {
                FloatVector wk = FloatVector.fromArray(SPECIES, w, wi + kk * n);
                taps0 = taps0.add(wk.mul(x[a + kk * step]));
                taps1 = taps1.add(wk.mul(x[b + kk * step]));
            }
            acc0 = acc0.add(taps0);
            acc1 = acc1.add(taps1);
            wi += k * n;
        }
        FloatVector m = FloatVector.fromArray(SPECIES, int8 ? qScale : ones, o).mul(int8 ? sx : 1f);
        FloatVector c = FloatVector.fromArray(SPECIES, int8 ? bias : zeros, o);
        FloatVector r0 = acc0.mul(m).add(c);
        FloatVector r1 = acc1.mul(m).add(c);
        r0 = FloatVector.zero(SPECIES).blend(r0, r0.compare(VectorOperators.GT, 0f));
        r1 = FloatVector.zero(SPECIES).blend(r1, r1.compare(VectorOperators.GT, 0f));
        if (o + LANES <= outChannels) {
            r0.intoArray(out, ob + o);
            if (two) {
                r1.intoArray(out, ob + outChannels + o);
            }
        } else {
            r0.intoArray(scratch, 0);
            System.arraycopy(scratch, 0, out, ob + o, outChannels - o);
            if (two) {
                r1.intoArray(scratch, 0);
                System.arraycopy(scratch, 0, out, ob + outChannels + o, outChannels - o);
            }
        }
    }
}
