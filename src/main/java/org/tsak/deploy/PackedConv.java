package org.tsak.deploy;

/**
 * One folded conv layer ({@code Conv1d -> BatchNorm (folded) -> ReLU}) packed for the pure-Java
 * runtime's channel-last kernels, in float32 and optionally int8.
 *
 * <p><b>Activation layout</b> (per window, "NWC"): time rows of {@code C} contiguous floats,
 * {@code a[(P + t) * C + c]} for {@code t < L}, with {@code P} (the student's largest padding)
 * zero rows before and at least {@code P} zero rows after the valid ones. The kernels write the
 * zero rows of their output themselves, so a buffer can be reused for activations of any width.
 *
 * <p><b>Weight layout</b>: folded weights {@code [in][tap][out]}, {@code w[(i * k + kk) * Cout + o]},
 * and, for kernel sizes 3 and 5, the same values as one array per input channel and tap
 * ({@code [in * k + kk][out]}), which the kernels use. Per output time step the output channels are
 * summed in a scratch row {@code acc[o]}; for one input channel the inner loop is
 * {@code acc[o] += w0[o] x0 + ... + w4[o] x4} over the output channels with the {@code k} input
 * samples as scalars. Every array in that loop is indexed by {@code o} alone: HotSpot C2 on
 * Java 17 vectorises a loop only when its arrays share one index expression (up to constants);
 * the same loop over one packed array at {@code (i * k + kk) * Cout + o} into the output at
 * {@code t * Cout + o} ran scalar (no change with {@code -XX:-UseSuperWord}) and about 3x slower.
 * What remains is a cost per loop entry (one per output step and input channel, 16 to 48 channels
 * long): a body for two input channels or two output steps is too large for C2 to unroll and
 * vectorise (it does with {@code -XX:LoopUnrollLimit=200}, for about 10 %).
 *
 * <p><b>Arithmetic</b>, per output value (identical to the order documented in
 * {@link StudentRuntime}, which the C export copies): start at the folded bias; for each input
 * channel in order, sum the {@code k} taps {@code w * x[t * s + kk * d - p]} left to right and add
 * the sum; then ReLU. Vectorising across output channels keeps that order, so results do not
 * depend on the vector width.
 *
 * <p><b>Int8</b> ({@link QuantisedStudent}'s scheme): the input activation is quantised per tensor
 * into integer-valued floats; the int8 weights ({@code byte}, same packed layout, a quarter of the
 * float bytes: what the artifact and the C export store) are widened once at construction to
 * integer-valued float rows, so the int8 kernel is the float kernel without a bias start. Integer
 * products summed in float are exact (hence equal to int32 accumulation, in any order) while every
 * partial sum stays below {@code 2^24}: guaranteed when {@code 127 * 127 * Cin * k < 2^24}
 * ({@link #exactInFloat}). Layers beyond that bound accumulate in {@code int} (weights widened to
 * int rows). The dequantised output is {@code acc * (sw[o] * sx) + b[o]}, then ReLU. The widened
 * rows cost the Java runtime four times the int8 weight bytes in heap, and keep the inner loop
 * all-float.
 *
 * <p>These are the scalar kernels ({@link ConvKernels#SCALAR}); {@code VectorConvKernel} computes
 * the same with the Vector API when the JVM has {@code jdk.incubator.vector}.
 *
 * <p>Immutable after construction; the kernels take their scratch from the caller.
 */
final class PackedConv implements ConvKernel {

    /** Largest integer below which every float sum of integers is exact, {@code 2^24}. */
    static final long FLOAT_EXACT_INTEGERS = 1L << 24;

    final int inChannels;
    final int outChannels;
    final int kernelSize;
    final int stride;
    final int dilation;
    final int padSamples;
    final int inLength;
    final int outLength;
    /** Folded float weights {@code [in][tap][out]}. */
    final float[] weight;
    /** Folded bias, length {@code out}. */
    final float[] bias;
    /** Int8 weights {@code [in][tap][out]}, or null for a float-only layer. */
    final byte[] qWeight;
    /** Per-output-channel int8 weight scales, or null. */
    final float[] qScale;
    /** True when int8 products of this layer can be summed exactly in float. */
    final boolean exactInFloat;
    /**
     * Folded float weights as one array per input channel and tap, {@code [in * k + kk][out]}, for
     * the kernel sizes with a row kernel ({@link #hasRowKernel}), else null.
     */
    private final float[][] weightRows;
    /** Int8 weights widened once to integer-valued floats, rows as {@link #weightRows}, or null. */
    private final float[][] qFloatRows;
    /** Int8 weights widened once to int, rows as {@link #weightRows}, or null (layers {@link #exactInFloat}). */
    private final int[][] qIntRows;

    /**
     * Packs layer {@code l} of {@code f}.
     *
     * @param q the int8 weights, or null for a float-only runtime
     */
    PackedConv(FoldedStudent f, QuantisedStudent q, int l) {
        inChannels = f.channels(l);
        outChannels = f.channels(l + 1);
        kernelSize = f.kernelSize(l);
        stride = f.stride(l);
        dilation = f.dilation(l);
        padSamples = f.padSamples(l);
        inLength = f.length(l);
        outLength = f.length(l + 1);
        weight = tapMajor(f.convWeight(l), outChannels, inChannels, kernelSize);
        bias = f.convBias(l);
        if (q != null) {
            qWeight = tapMajor(q.convWeight(l), outChannels, inChannels, kernelSize);
            qScale = q.convScales(l);
        } else {
            qWeight = null;
            qScale = null;
        }
        exactInFloat = (long) QuantisedStudent.QMAX * QuantisedStudent.QMAX * inChannels * kernelSize
                < FLOAT_EXACT_INTEGERS;
        boolean rows = hasRowKernel(kernelSize);
        weightRows = rows ? floatRows(weight, inChannels * kernelSize, outChannels) : null;
        qFloatRows = rows && qWeight != null && exactInFloat
                ? floatRows(qWeight, inChannels * kernelSize, outChannels) : null;
        qIntRows = rows && qWeight != null && !exactInFloat
                ? intRows(qWeight, inChannels * kernelSize, outChannels) : null;
    }

    @Override
    public float quantiseInput(float[] a, float[] q, int pad, boolean reluOutput) {
        return ActivationQuantiser.quantise(a, q, pad, inChannels, inLength, reluOutput);
    }

    @Override
    public int scratchFloats() {
        return outChannels;
    }

    /** True for the kernel sizes with a row kernel (3 and 5); others run the flat kernel. */
    static boolean hasRowKernel(int kernelSize) {
        return kernelSize == 3 || kernelSize == 5;
    }

    /** Packed {@code [rows * n]} to {@code rows} arrays of {@code n}. */
    private static float[][] floatRows(float[] packed, int rows, int n) {
        float[][] r = new float[rows][n];
        for (int j = 0; j < rows; j++) {
            System.arraycopy(packed, j * n, r[j], 0, n);
        }
        return r;
    }

    /** Int8 packed {@code [rows * n]} to {@code rows} arrays of {@code n} integer-valued floats. */
    private static float[][] floatRows(byte[] packed, int rows, int n) {
        float[][] r = new float[rows][n];
        for (int j = 0; j < rows; j++) {
            for (int o = 0; o < n; o++) {
                r[j][o] = packed[j * n + o];
            }
        }
        return r;
    }

    /** Int8 packed {@code [rows * n]} to {@code rows} arrays of {@code n} ints. */
    private static int[][] intRows(byte[] packed, int rows, int n) {
        int[][] r = new int[rows][n];
        for (int j = 0; j < rows; j++) {
            for (int o = 0; o < n; o++) {
                r[j][o] = packed[j * n + o];
            }
        }
        return r;
    }

    /** {@code [out][in][k]} to {@code [in][k][out]}. */
    static float[] tapMajor(float[] w, int out, int in, int k) {
        float[] p = new float[w.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int kk = 0; kk < k; kk++) {
                    p[(i * k + kk) * out + o] = w[(o * in + i) * k + kk];
                }
            }
        }
        return p;
    }

    /** {@code [out][in][k]} to {@code [in][k][out]}, int8. */
    static byte[] tapMajor(byte[] w, int out, int in, int k) {
        byte[] p = new byte[w.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int kk = 0; kk < k; kk++) {
                    p[(i * k + kk) * out + o] = w[(o * in + i) * k + kk];
                }
            }
        }
        return p;
    }

    /**
     * Float32 layer: reads {@code in} (channel-last, {@code inChannels} per row, {@code pad} zero
     * rows first), writes {@code out} (channel-last, {@code outChannels} per row) including its
     * {@code pad} leading and trailing zero rows.
     *
     * @param in     input activation, at least {@code (pad + inLength + pad) * inChannels} floats
     * @param out    output activation, at least {@code (pad + outLength + pad) * outChannels} floats
     * @param pad    zero rows before and after an activation ({@code >= padSamples})
     * @param taps   scratch of at least {@code outChannels} floats
     */
    @Override
    public void forwardFloat(float[] in, float[] out, int pad, float[] taps) {
        if (weightRows != null) {
            forwardFloatRows(in, out, pad, taps);
            return;
        }
        int cin = inChannels;
        int cout = outChannels;
        int k = kernelSize;
        float[] w = weight;
        zeroPadRows(out, pad, outLength, cout);
        for (int t = 0; t < outLength; t++) {
            int ob = (pad + t) * cout;
            System.arraycopy(bias, 0, out, ob, cout);
            // input row of tap 0 for this output step; tap kk is dilation rows further
            int row = (pad + t * stride - padSamples) * cin;
            int tapStep = dilation * cin;
            for (int i = 0; i < cin; i++) {
                tapsAny(out, ob, w, i * k * cout, cout, k, in, row + i, tapStep, taps);
            }
            relu(out, ob, cout);
        }
    }

    /**
     * {@link #forwardFloat} for kernel sizes 3 and 5: per output step, the output channels are
     * summed in {@code acc} (bias first, then per input channel its tap sum) with every array of
     * the inner loop indexed by the output channel alone, the form HotSpot C2 (Java 17) vectorises;
     * then ReLU into the output row.
     */
    private void forwardFloatRows(float[] in, float[] out, int pad, float[] acc) {
        int cin = inChannels;
        int cout = outChannels;
        float[][] w = weightRows;
        float[] b = bias;
        zeroPadRows(out, pad, outLength, cout);
        int tapStep = dilation * cin;
        for (int t = 0; t < outLength; t++) {
            for (int o = 0; o < cout; o++) {
                acc[o] = b[o];
            }
            int row = (pad + t * stride - padSamples) * cin;
            if (kernelSize == 5) {
                for (int i = 0; i < cin; i++) {
                    int x = row + i;
                    int r = 5 * i;
                    rowTaps5(acc, w[r], w[r + 1], w[r + 2], w[r + 3], w[r + 4], cout, in[x], in[x + tapStep],
                            in[x + 2 * tapStep], in[x + 3 * tapStep], in[x + 4 * tapStep]);
                }
            } else {
                for (int i = 0; i < cin; i++) {
                    int x = row + i;
                    int r = 3 * i;
                    rowTaps3(acc, w[r], w[r + 1], w[r + 2], cout, in[x], in[x + tapStep], in[x + 2 * tapStep]);
                }
            }
            relu(acc, 0, cout);
            System.arraycopy(acc, 0, out, (pad + t) * cout, cout);
        }
    }

    /**
     * {@code acc[o] += w0[o] x0 + ... + w4[o] x4} over the output channels, taps summed left to
     * right first (the documented order).
     */
    private static void rowTaps5(float[] acc, float[] w0, float[] w1, float[] w2, float[] w3, float[] w4, int n,
            float x0, float x1, float x2, float x3, float x4) {
        for (int o = 0; o < n; o++) {
            acc[o] += w0[o] * x0 + w1[o] * x1 + w2[o] * x2 + w3[o] * x3 + w4[o] * x4;
        }
    }

    /** Three-tap version of {@link #rowTaps5}. */
    private static void rowTaps3(float[] acc, float[] w0, float[] w1, float[] w2, int n, float x0, float x1,
            float x2) {
        for (int o = 0; o < n; o++) {
            acc[o] += w0[o] * x0 + w1[o] * x1 + w2[o] * x2;
        }
    }

    /** Any kernel size: the tap sum built in {@code taps} (same order), then added to {@code out}. */
    private static void tapsAny(float[] out, int ob, float[] w, int wb, int cout, int k, float[] in, int x,
            int tapStep, float[] taps) {
        float x0 = in[x];
        for (int o = 0; o < cout; o++) {
            taps[o] = w[wb + o] * x0;
        }
        for (int kk = 1; kk < k; kk++) {
            float xv = in[x + kk * tapStep];
            int wk = wb + kk * cout;
            for (int o = 0; o < cout; o++) {
                taps[o] += w[wk + o] * xv;
            }
        }
        for (int o = 0; o < cout; o++) {
            out[ob + o] += taps[o];
        }
    }

    /**
     * Int8 layer. {@code qin} holds the quantised input (integer-valued floats in
     * {@code [-127, 127]}, channel-last like {@link #forwardFloat}); {@code sx} is its scale
     * ({@code amax / 127}).
     *
     * @param acc   scratch of at least {@code outChannels} floats
     * @param iacc  scratch of at least {@code outChannels} ints (layers not {@link #exactInFloat})
     * @param scale scratch of at least {@code outChannels} floats
     */
    @Override
    public void forwardInt8(float[] qin, float[] out, int pad, float sx, float[] acc, int[] iacc, float[] scale) {
        int cin = inChannels;
        int cout = outChannels;
        int k = kernelSize;
        zeroPadRows(out, pad, outLength, cout);
        for (int o = 0; o < cout; o++) {
            scale[o] = qScale[o] * sx;
        }
        int tapStep = dilation * cin;
        for (int t = 0; t < outLength; t++) {
            int row = (pad + t * stride - padSamples) * cin;
            if (qFloatRows != null) {
                sumRowsExact(qFloatRows, qin, row, tapStep, acc);
            } else if (qIntRows != null) {
                sumRowsInt(qIntRows, qin, row, tapStep, iacc);
                for (int o = 0; o < cout; o++) {
                    acc[o] = iacc[o];
                }
            } else if (exactInFloat) {
                java.util.Arrays.fill(acc, 0, cout, 0f);
                for (int i = 0; i < cin; i++) {
                    int x = row + i;
                    int wb = i * k * cout;
                    for (int kk = 0; kk < k; kk++) {
                        float xv = qin[x + kk * tapStep];
                        int wk = wb + kk * cout;
                        for (int o = 0; o < cout; o++) {
                            acc[o] += qWeight[wk + o] * xv;
                        }
                    }
                }
            } else {
                java.util.Arrays.fill(iacc, 0, cout, 0);
                for (int i = 0; i < cin; i++) {
                    int x = row + i;
                    int wb = i * k * cout;
                    for (int kk = 0; kk < k; kk++) {
                        int xv = (int) qin[x + kk * tapStep];
                        int wk = wb + kk * cout;
                        for (int o = 0; o < cout; o++) {
                            iacc[o] += qWeight[wk + o] * xv;
                        }
                    }
                }
                for (int o = 0; o < cout; o++) {
                    acc[o] = iacc[o];
                }
            }
            for (int o = 0; o < cout; o++) {
                float v = acc[o] * scale[o] + bias[o];
                acc[o] = v > 0f ? v : 0f;
            }
            System.arraycopy(acc, 0, out, (pad + t) * cout, cout);
        }
    }

    /**
     * Integer sum of one int8 output step into {@code acc} (from 0) with the weights widened to
     * integer-valued floats: exact, so equal to the int32 sum whatever the order (layers
     * {@link #exactInFloat}).
     */
    private void sumRowsExact(float[][] w, float[] qin, int row, int tapStep, float[] acc) {
        int cin = inChannels;
        int cout = outChannels;
        java.util.Arrays.fill(acc, 0, cout, 0f);
        if (kernelSize == 5) {
            for (int i = 0; i < cin; i++) {
                int x = row + i;
                int r = 5 * i;
                rowTaps5(acc, w[r], w[r + 1], w[r + 2], w[r + 3], w[r + 4], cout, qin[x], qin[x + tapStep],
                        qin[x + 2 * tapStep], qin[x + 3 * tapStep], qin[x + 4 * tapStep]);
            }
        } else {
            for (int i = 0; i < cin; i++) {
                int x = row + i;
                int r = 3 * i;
                rowTaps3(acc, w[r], w[r + 1], w[r + 2], cout, qin[x], qin[x + tapStep], qin[x + 2 * tapStep]);
            }
        }
    }

    /** As {@link #sumRowsExact} in int, for layers whose sums can pass {@code 2^24}. */
    private void sumRowsInt(int[][] w, float[] qin, int row, int tapStep, int[] acc) {
        int cin = inChannels;
        int cout = outChannels;
        java.util.Arrays.fill(acc, 0, cout, 0);
        for (int i = 0; i < cin; i++) {
            int x = row + i;
            int r = kernelSize * i;
            for (int kk = 0; kk < kernelSize; kk++) {
                int xv = (int) qin[x + kk * tapStep];
                int[] wk = w[r + kk];
                for (int o = 0; o < cout; o++) {
                    acc[o] += wk[o] * xv;
                }
            }
        }
    }

    private static void relu(float[] a, int from, int n) {
        for (int o = 0; o < n; o++) {
            float v = a[from + o];
            a[from + o] = v > 0f ? v : 0f;
        }
    }

    /** Zeroes the {@code pad} rows before and after {@code length} rows of {@code channels}. */
    static void zeroPadRows(float[] a, int pad, int length, int channels) {
        java.util.Arrays.fill(a, 0, pad * channels, 0f);
        int end = (pad + length) * channels;
        java.util.Arrays.fill(a, end, end + pad * channels, 0f);
    }
}
