package org.tsak.deploy;

import java.util.Locale;

/**
 * The C function of one conv layer of a {@link CExporter} export, with the layer's sizes, stride,
 * dilation and kernel taps written in as constants.
 *
 * <p>Layout: activation {@code a} is stored as {@code channels(a)} rows of
 * {@link #rowSamples(FoldedStudent, int)} values, its samples with {@code TSAK_PAD} zeros on each side
 * (the runtime's layout, but a strided student's shorter activations get shorter rows); conv weights are stored tap-major,
 * {@code w[(i * k + kk) * out + o]} (see {@link #tapMajor(float[], FoldedStudent, int)}). Loop
 * order: for each output time step {@code t}, an accumulator per output channel starts at the
 * folded bias; for each input channel {@code i} the k input taps are loaded once and, for every
 * output channel {@code o} (the innermost loop, contiguous weights: what compilers vectorise),
 * {@code acc[o] += w0 * x0 + w1 * x1 + ...}, the taps summed left to right; then ReLU. Per output
 * value that is the runtime's order (bias, then per input channel the left-to-right tap sum), so
 * float results are bit-identical to Java's without fused multiply-add contraction. int8 layers
 * accumulate exact int32 sums over int8 activations quantised by {@code tsak_quantise_rows}.
 */
final class CConvKernels {

    private CConvKernels() {
    }

    /**
     * Length of the int8 export's static int32 accumulator ({@code tsak_acc}): at least the widest
     * layer's output channels (one time step's accumulators), and never below the window length
     * {@code L}, the per-channel accumulator of earlier exports, so the computed footprint stays
     * comparable.
     */
    static int accumulatorLength(FoldedStudent f) {
        int m = f.windowSamples();
        for (int l = 0; l < f.convLayerCount(); l++) {
            m = Math.max(m, f.channels(l + 1));
        }
        return m;
    }

    /** Values per channel row of activation {@code a}: its length plus {@code TSAK_PAD} zeros on each side. */
    static int rowSamples(FoldedStudent f, int a) {
        return f.length(a) + 2 * f.maxPadSamples();
    }

    /**
     * Floats of ping-pong buffer {@code buffer} (0: A, the input and every even activation; 1: B, the
     * odd ones): the largest {@code channels(a) * rowSamples(a)} it holds, at least one row.
     */
    static long bufferFloats(FoldedStudent f, int buffer) {
        long m = rowSamples(f, 0);
        for (int a = buffer; a <= f.convLayerCount(); a += 2) {
            m = Math.max(m, (long) f.channels(a) * rowSamples(f, a));
        }
        return m;
    }

    /**
     * Bytes of the int8 export's quantised activation ({@code tsak_qact}): the largest
     * {@code channels(a) * rowSamples(a)} over all activations (a conv layer's input is one of them).
     */
    static long quantisedActivationBytes(FoldedStudent f) {
        long m = 0;
        for (int a = 0; a <= f.convLayerCount(); a++) {
            m = Math.max(m, (long) f.channels(a) * rowSamples(f, a));
        }
        return m;
    }

    /**
     * Reorders conv layer {@code l}'s weights from {@code [out][in][k]} to {@code [in][k][out]}.
     *
     * @throws IllegalArgumentException if {@code w} does not have {@code out * in * k} entries
     */
    static float[] tapMajor(float[] w, FoldedStudent f, int l) {
        int out = f.channels(l + 1);
        int in = f.channels(l);
        int k = f.kernelSize(l);
        checkLength(w.length, out, in, k, l);
        float[] r = new float[w.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int kk = 0; kk < k; kk++) {
                    r[(i * k + kk) * out + o] = w[(o * in + i) * k + kk];
                }
            }
        }
        return r;
    }

    /** As {@link #tapMajor(float[], FoldedStudent, int)} for int8 weights. */
    static byte[] tapMajor(byte[] w, FoldedStudent f, int l) {
        int out = f.channels(l + 1);
        int in = f.channels(l);
        int k = f.kernelSize(l);
        checkLength(w.length, out, in, k, l);
        byte[] r = new byte[w.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int kk = 0; kk < k; kk++) {
                    r[(i * k + kk) * out + o] = w[(o * in + i) * k + kk];
                }
            }
        }
        return r;
    }

    /** The float32 function {@code static void tsak_conv<l>(const float *in, float *out)}. */
    static String float32(FoldedStudent f, int l) {
        StringBuilder s = new StringBuilder();
        head(s, f, l, "float32");
        s.append("    float acc[COUT];\n");
        s.append("    int t, i, o;\n");
        s.append("    for (t = 0; t < LEN_OUT; t++) {\n");
        s.append("        const float *x = in + t * STRIDE + SHIFT;\n");
        s.append("        for (o = 0; o < COUT; o++) {\n");
        s.append("            acc[o] = B[o];\n");
        s.append("        }\n");
        inputLoop(s, f, l, "float", "const float ");
        s.append("        for (o = 0; o < COUT; o++) {\n");
        s.append("            out[o * ROW_OUT + TSAK_PAD + t] = acc[o] > 0.0f ? acc[o] : 0.0f;\n");
        s.append("        }\n");
        s.append("    }\n");
        tail(s);
        return s.toString();
    }

    /** The int8 function {@code static void tsak_conv<l>(const float *in, float *out)}. */
    static String int8(FoldedStudent f, int l) {
        StringBuilder s = new StringBuilder();
        head(s, f, l, "int8");
        s.append("    int32_t *restrict acc = tsak_acc;\n");
        s.append("    const float sx = tsak_quantise_rows(in, CIN, LEN_IN, ROW_IN);\n");
        s.append("    int t, i, o;\n");
        s.append("    for (t = 0; t < LEN_OUT; t++) {\n");
        s.append("        const int8_t *x = tsak_qact + t * STRIDE + SHIFT;\n");
        s.append("        for (o = 0; o < COUT; o++) {\n");
        s.append("            acc[o] = 0;\n");
        s.append("        }\n");
        inputLoop(s, f, l, "int8_t", "const int32_t ");
        s.append("        for (o = 0; o < COUT; o++) {\n");
        s.append("            const float v = (float) acc[o] * (S[o] * sx) + B[o];\n");
        s.append("            out[o * ROW_OUT + TSAK_PAD + t] = v > 0.0f ? v : 0.0f;\n");
        s.append("        }\n");
        s.append("    }\n");
        tail(s);
        return s.toString();
    }

    private static void head(StringBuilder s, FoldedStudent f, int l, String kind) {
        s.append(String.format(Locale.ROOT, "/* conv %d (%s): out[o][t] = ReLU(b[o] + sum_i (sum_kk w[i][kk][o] * in[i][t * %d + kk * %d - %d]))"
                + " for t < %d, taps summed left to right per input channel; zeroes the TSAK_PAD samples on each side. */%n",
                l, kind, f.stride(l), f.dilation(l), f.padSamples(l), f.length(l + 1)));
        s.append("#define CIN ").append(f.channels(l)).append('\n');
        s.append("#define COUT ").append(f.channels(l + 1)).append('\n');
        s.append("#define LEN_IN ").append(f.length(l)).append('\n');
        s.append("#define LEN_OUT ").append(f.length(l + 1)).append('\n');
        s.append("#define ROW_IN ").append(rowSamples(f, l)).append('\n');
        s.append("#define ROW_OUT ").append(rowSamples(f, l + 1)).append('\n');
        s.append("#define STRIDE ").append(f.stride(l)).append('\n');
        s.append("#define SHIFT (TSAK_PAD - ").append(f.padSamples(l)).append(")\n");
        s.append("#define W tsak_conv").append(l).append("_w\n");
        s.append("#define B tsak_conv").append(l).append("_b\n");
        if (kind.equals("int8")) {
            s.append("#define S tsak_conv").append(l).append("_scale\n");
        }
        s.append("static void tsak_conv").append(l).append("(const float *restrict in, float *restrict out)\n{\n");
    }

    private static void inputLoop(StringBuilder s, FoldedStudent f, int l, String elem, String tapType) {
        int k = f.kernelSize(l);
        int d = f.dilation(l);
        s.append("        for (i = 0; i < CIN; i++) {\n");
        s.append("            const ").append(elem).append(" *xi = x + i * ROW_IN;\n");
        s.append("            const ").append(elem).append(" *w = W + i * (").append(k).append(" * COUT);\n");
        for (int kk = 0; kk < k; kk++) {
            s.append("            ").append(tapType).append('x').append(kk).append(" = xi[").append(kk * d).append("];\n");
        }
        s.append("            for (o = 0; o < COUT; o++) {\n");
        s.append("                acc[o] += ");
        for (int kk = 0; kk < k; kk++) {
            s.append(kk == 0 ? "" : " + ").append("w[").append(kk == 0 ? "" : kk + " * COUT + ").append("o] * x")
                    .append(kk);
        }
        s.append(";\n");
        s.append("            }\n");
        s.append("        }\n");
    }

    private static void tail(StringBuilder s) {
        s.append("    for (o = 0; o < COUT; o++) {\n");
        s.append("        for (t = 0; t < TSAK_PAD; t++) {\n");
        s.append("            out[o * ROW_OUT + t] = 0.0f;\n");
        s.append("            out[o * ROW_OUT + TSAK_PAD + LEN_OUT + t] = 0.0f;\n");
        s.append("        }\n");
        s.append("    }\n");
        s.append("}\n");
        s.append("#undef CIN\n#undef COUT\n#undef LEN_IN\n#undef LEN_OUT\n#undef ROW_IN\n#undef ROW_OUT\n#undef STRIDE\n#undef SHIFT\n#undef W\n#undef B\n#undef S\n\n");
    }

    private static void checkLength(int length, int out, int in, int k, int l) {
        if (length != out * in * k) {
            throw new IllegalArgumentException("conv " + l + " weights have " + length + " entries, expected "
                    + out + " x " + in + " x " + k);
        }
    }
}
