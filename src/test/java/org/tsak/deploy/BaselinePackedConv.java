package org.tsak.deploy;

/**
 * {@link PackedConv} as it was at commit 998e8c8, before its kernels were restructured: per output
 * time step and input channel, one loop over the output channels on one packed weight array
 * {@code [in][tap][out]}. Used only by {@link BaselineStudentRuntime}; see there.
 */
final class BaselinePackedConv {

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
     * Packs layer {@code l} of {@code f}.
     *
     * @param q the int8 weights, or null for a float-only runtime
     */
    BaselinePackedConv(FoldedStudent f, QuantisedStudent q, int l) {
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
     * @param taps   scratch of at least {@code outChannels} floats (generic kernel sizes)
     */
    void forwardFloat(float[] in, float[] out, int pad, float[] taps) {
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
                int x = row + i;
                int wb = i * k * cout;
                if (k == 5) {
                    taps5(out, ob, w, wb, cout, in[x], in[x + tapStep], in[x + 2 * tapStep], in[x + 3 * tapStep],
                            in[x + 4 * tapStep]);
                } else if (k == 3) {
                    taps3(out, ob, w, wb, cout, in[x], in[x + tapStep], in[x + 2 * tapStep]);
                } else {
                    tapsAny(out, ob, w, wb, cout, k, in, x, tapStep, taps);
                }
            }
            relu(out, ob, cout);
        }
    }

    /**
     * {@code out[ob + o] += w0[o] x0 + ... + w4[o] x4} over the output channels, taps summed left to
     * right first (the documented order).
     */
    private static void taps5(float[] out, int ob, float[] w, int wb, int cout, float x0, float x1, float x2,
            float x3, float x4) {
        int w1 = wb + cout;
        int w2 = w1 + cout;
        int w3 = w2 + cout;
        int w4 = w3 + cout;
        for (int o = 0; o < cout; o++) {
            out[ob + o] += w[wb + o] * x0 + w[w1 + o] * x1 + w[w2 + o] * x2 + w[w3 + o] * x3 + w[w4 + o] * x4;
        }
    }

    /** Three-tap version of {@link #taps5}. */
    private static void taps3(float[] out, int ob, float[] w, int wb, int cout, float x0, float x1, float x2) {
        int w1 = wb + cout;
        int w2 = w1 + cout;
        for (int o = 0; o < cout; o++) {
            out[ob + o] += w[wb + o] * x0 + w[w1 + o] * x1 + w[w2 + o] * x2;
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
    void forwardInt8(float[] qin, float[] out, int pad, float sx, float[] acc, int[] iacc, float[] scale) {
        int cin = inChannels;
        int cout = outChannels;
        int k = kernelSize;
        byte[] w = qWeight;
        zeroPadRows(out, pad, outLength, cout);
        for (int o = 0; o < cout; o++) {
            scale[o] = qScale[o] * sx;
        }
        int tapStep = dilation * cin;
        for (int t = 0; t < outLength; t++) {
            int row = (pad + t * stride - padSamples) * cin;
            if (exactInFloat) {
                java.util.Arrays.fill(acc, 0, cout, 0f);
                for (int i = 0; i < cin; i++) {
                    int x = row + i;
                    int wb = i * k * cout;
                    if (k == 5) {
                        qtaps5(acc, w, wb, cout, qin[x], qin[x + tapStep], qin[x + 2 * tapStep],
                                qin[x + 3 * tapStep], qin[x + 4 * tapStep]);
                    } else {
                        for (int kk = 0; kk < k; kk++) {
                            float xv = qin[x + kk * tapStep];
                            int wk = wb + kk * cout;
                            for (int o = 0; o < cout; o++) {
                                acc[o] += w[wk + o] * xv;
                            }
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
                            iacc[o] += w[wk + o] * xv;
                        }
                    }
                }
                for (int o = 0; o < cout; o++) {
                    acc[o] = iacc[o];
                }
            }
            int ob = (pad + t) * cout;
            for (int o = 0; o < cout; o++) {
                float v = acc[o] * scale[o] + bias[o];
                out[ob + o] = v > 0f ? v : 0f;
            }
        }
    }

    /** {@code acc[o] += q0[o] x0 + ... + q4[o] x4}: integer-valued, exact in float (see class doc). */
    private static void qtaps5(float[] acc, byte[] w, int wb, int cout, float x0, float x1, float x2, float x3,
            float x4) {
        int w1 = wb + cout;
        int w2 = w1 + cout;
        int w3 = w2 + cout;
        int w4 = w3 + cout;
        for (int o = 0; o < cout; o++) {
            acc[o] += w[wb + o] * x0 + w[w1 + o] * x1 + w[w2 + o] * x2 + w[w3 + o] * x3 + w[w4 + o] * x4;
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
