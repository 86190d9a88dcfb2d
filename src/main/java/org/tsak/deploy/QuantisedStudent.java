package org.tsak.deploy;

/**
 * Post-training int8 quantisation of a {@link FoldedStudent}, shared by
 * {@link StudentRuntime#quantised(StudentArtifact)} and the int8 variant of {@link CExporter} so
 * that both compute bit-identical results.
 *
 * <p><b>Weights</b>: symmetric, per output channel (conv and linear):
 * {@code sw[o] = max_j |w[o][j]| / 127}, {@code q[o][j] = clamp(round(w[o][j] / sw[o]), -127, 127)}
 * (a channel of zeros gets {@code sw = 0}, {@code q = 0}). Biases stay float.
 *
 * <p><b>Activations</b>: symmetric, per tensor, computed per window at run time (dynamic
 * quantisation): each layer's input (the normalised window, each conv output, the pooled vector)
 * is re-quantised with {@code amax = max |x|}, {@code q = clamp(floor(x * (127 / amax) + 0.5), -127, 127)}
 * ({@code amax <= AMAX_FLOOR} gives all zeros). Products are accumulated in int32 and dequantised per output
 * channel: {@code y = acc * (sw[o] * sx) + b[o]} with {@code sx = amax / 127}, then ReLU.
 * Pooling stays float. Accumulators cannot overflow: {@code |acc| <= 127 * 127 * in * k}.
 */
public final class QuantisedStudent {

    /** Largest int8 magnitude used (symmetric range, -128 unused). */
    public static final int QMAX = 127;

    private final FoldedStudent folded;
    private final byte[][] convWeights;
    private final float[][] convScales;
    private final byte[] linearWeight;
    private final float[] linearScales;

    private QuantisedStudent(FoldedStudent f) {
        this.folded = f;
        int n = f.convLayerCount();
        convWeights = new byte[n][];
        convScales = new float[n][];
        for (int l = 0; l < n; l++) {
            int out = f.channels(l + 1);
            float[] w = f.convWeight(l);
            convScales[l] = new float[out];
            convWeights[l] = quantiseRows(w, out, convScales[l]);
        }
        linearScales = new float[f.classCount()];
        linearWeight = quantiseRows(f.linearWeight(), f.classCount(), linearScales);
    }

    /** Quantises a folded student. */
    public static QuantisedStudent of(FoldedStudent folded) {
        return new QuantisedStudent(folded);
    }

    private static byte[] quantiseRows(float[] w, int rows, float[] scales) {
        int per = w.length / rows;
        byte[] q = new byte[w.length];
        for (int o = 0; o < rows; o++) {
            float amax = 0;
            for (int j = 0; j < per; j++) {
                amax = Math.max(amax, Math.abs(w[o * per + j]));
            }
            float s = amax / QMAX;
            scales[o] = s;
            for (int j = 0; j < per; j++) {
                int v = s == 0 ? 0 : Math.round(w[o * per + j] / s);
                q[o * per + j] = (byte) Math.max(-QMAX, Math.min(QMAX, v));
            }
        }
        return q;
    }

    /**
     * The activation rounding rule, written without a math library so that C reproduces it:
     * {@code clamp(floor(x * inv + 0.5f), -127, 127)} in float arithmetic.
     */
    static int quantiseActivation(float x, float inv) {
        float t = x * inv + 0.5f;
        int i = (int) t;
        if (t < i) {
            i--;
        }
        return Math.max(-QMAX, Math.min(QMAX, i));
    }

    /**
     * Activations whose largest magnitude is at or below this are quantised to all zeros
     * (avoids an infinite {@code 127 / amax}).
     */
    public static final float AMAX_FLOOR = 1e-30f;

    /** {@code 127 / amax}, or 0 when {@code amax <= AMAX_FLOOR}. */
    static float inverseScale(float amax) {
        return amax > AMAX_FLOOR ? QMAX / amax : 0f;
    }

    /** The folded float student this was quantised from. */
    public FoldedStudent folded() {
        return folded;
    }

    /** Int8 weights of conv layer {@code l}, {@code [out][in][k]} (copy). */
    public byte[] convWeight(int l) {
        return convWeights[l].clone();
    }

    /** Per-output-channel weight scales of conv layer {@code l} (copy). */
    public float[] convScales(int l) {
        return convScales[l].clone();
    }

    /** Int8 linear weights {@code [classes][rep]} (copy). */
    public byte[] linearWeight() {
        return linearWeight.clone();
    }

    /** Per-class weight scales of the linear layer (copy). */
    public float[] linearScales() {
        return linearScales.clone();
    }
}
