package org.tsak.deploy;

import java.util.Arrays;

/**
 * Runs a trained student on single windows in pure Java: no DJL, no native code, and no
 * allocation per call after construction (except the convenience methods that return a new
 * logits array).
 *
 * <p>Input: one window in NCW order without the batch axis, {@code x[c * L + t]}, {@code C}
 * channels in the artifact's channel order and {@code L = windowSamples}. {@link #logits(float[])}
 * takes raw sensor units and applies the artifact's z-score first; {@link #logitsNormalised(float[])}
 * takes an already normalised window. Computation: batch norm folded into the conv weights
 * ({@link FoldedStudent}); activations live in two zero-padded ping-pong buffers (rows of
 * {@code L + 2 P} floats, {@code P} the largest padding) so the convolution's inner loop is a
 * bounds-free multiply-add over time that the JIT can vectorise. Conv layer l with stride
 * {@code s}, dilation {@code d} and padding {@code p = d (k - 1) / 2} writes
 * {@code L_out = ceil(L_in / s)} samples per channel and zeroes the {@code P} samples after them,
 * so a shorter activation never reads a longer one's leftovers as padding.
 * Summation order (which the C export copies): per output channel, out starts at the folded
 * bias; for each input channel, the k taps {@code w[kk] * x[t * s + kk * d - p]} are summed left to
 * right and the sum is added to out; then ReLU. Pooling sums the last activation over its time in
 * order and divides by its length; the linear layer starts at the bias and adds
 * {@code w[o][j] * rep[j]} in order.
 *
 * <p>Two variants: {@link #of(StudentArtifact)} (float32) and {@link #quantised(StudentArtifact)}
 * (int8 weights per output channel, int8 activations re-quantised per layer per window, int32
 * accumulation; see {@link QuantisedStudent}). The same arithmetic, in the same order, is what
 * {@link CExporter} writes to C, so Java and C agree to the last bit on IEEE-754 hardware.
 *
 * <p>Not thread-safe (it owns its buffers): give each thread its own {@link #copy()}.
 * Suitable as the subject of a JMH benchmark: construct in {@code @Setup}, call
 * {@link #logits(float[], float[])} in the benchmark method.
 */
public final class StudentRuntime {

    private final FoldedStudent folded;
    private final QuantisedStudent quantised;
    private final int c0;
    private final int lengthSamples;
    private final int padSamples;
    private final int rowStride;
    private final float[] means;
    private final float[] invStds;
    private final int[] channels;
    private final int[] kernels;
    private final int[] strides;
    private final int[] dilations;
    private final int[] lengths;
    private final float[][] weights;
    private final float[][] biases;
    private final float[] linearWeight;
    private final float[] linearBias;
    private final byte[][] qWeights;
    private final float[][] qScales;
    private final byte[] qLinearWeight;
    private final float[] qLinearScales;
    private final float[] bufferA;
    private final float[] bufferB;
    private final float[] rep;
    private final float[] scratchLogits;
    private final int[] qActivation;
    private final int[] accumulator;
    private final byte[] qRep;

    private StudentRuntime(FoldedStudent f, QuantisedStudent q) {
        this.folded = f;
        this.quantised = q;
        this.c0 = f.inputChannels();
        this.lengthSamples = f.windowSamples();
        this.padSamples = f.maxPadSamples();
        this.rowStride = lengthSamples + 2 * padSamples;
        this.means = f.inputMeans();
        this.invStds = f.inputInvStds();
        int n = f.convLayerCount();
        channels = new int[n + 1];
        kernels = new int[n];
        strides = new int[n];
        dilations = new int[n];
        lengths = new int[n + 1];
        weights = new float[n][];
        biases = new float[n][];
        int maxChannels = 0;
        for (int a = 0; a <= n; a++) {
            channels[a] = f.channels(a);
            lengths[a] = f.length(a);
            maxChannels = Math.max(maxChannels, channels[a]);
        }
        for (int l = 0; l < n; l++) {
            kernels[l] = f.kernelSize(l);
            strides[l] = f.stride(l);
            dilations[l] = f.dilation(l);
            weights[l] = f.convWeight(l);
            biases[l] = f.convBias(l);
        }
        linearWeight = f.linearWeight();
        linearBias = f.linearBias();
        bufferA = new float[f.bufferChannels(0) * rowStride];
        bufferB = new float[Math.max(1, f.bufferChannels(1)) * rowStride];
        rep = new float[f.representationSize()];
        scratchLogits = new float[f.classCount()];
        if (q != null) {
            qWeights = new byte[n][];
            qScales = new float[n][];
            for (int l = 0; l < n; l++) {
                qWeights[l] = q.convWeight(l);
                qScales[l] = q.convScales(l);
            }
            qLinearWeight = q.linearWeight();
            qLinearScales = q.linearScales();
            qActivation = new int[maxChannels * rowStride];
            accumulator = new int[lengthSamples];
            qRep = new byte[rep.length];
        } else {
            qWeights = null;
            qScales = null;
            qLinearWeight = null;
            qLinearScales = null;
            qActivation = null;
            accumulator = null;
            qRep = null;
        }
    }

    /** A float32 runtime for the artifact's student. */
    public static StudentRuntime of(StudentArtifact artifact) {
        return of(FoldedStudent.of(artifact));
    }

    /** A float32 runtime for a folded student. */
    public static StudentRuntime of(FoldedStudent folded) {
        return new StudentRuntime(folded, null);
    }

    /** An int8 runtime (post-training quantisation, see {@link QuantisedStudent}) for the artifact's student. */
    public static StudentRuntime quantised(StudentArtifact artifact) {
        return quantised(FoldedStudent.of(artifact));
    }

    /** An int8 runtime for a folded student. */
    public static StudentRuntime quantised(FoldedStudent folded) {
        return new StudentRuntime(folded, QuantisedStudent.of(folded));
    }

    /** A fresh runtime with the same model and its own buffers, for another thread. */
    public StudentRuntime copy() {
        return new StudentRuntime(folded, quantised);
    }

    /** True for the int8 variant. */
    public boolean isQuantised() {
        return quantised != null;
    }

    /** Input channels {@code C}. */
    public int inputChannels() {
        return c0;
    }

    /** Window length {@code L}, samples. */
    public int windowSamples() {
        return lengthSamples;
    }

    /** Expected input array length, {@code C * L}. */
    public int inputLength() {
        return c0 * lengthSamples;
    }

    /** Number of logits. */
    public int classCount() {
        return linearBias.length;
    }

    /** Logits of one raw window ({@code C * L} values, NCW), as a new array. */
    public float[] logits(float[] rawWindow) {
        float[] out = new float[classCount()];
        logits(rawWindow, out);
        return out;
    }

    /** Logits of one raw window into {@code logitsOut} (length {@link #classCount()}); allocates nothing. */
    public void logits(float[] rawWindow, float[] logitsOut) {
        checkInput(rawWindow, logitsOut);
        int w = rowStride;
        int p = padSamples;
        int len = lengthSamples;
        for (int c = 0; c < c0; c++) {
            float m = means[c];
            float s = invStds[c];
            int src = c * len;
            int dst = c * w + p;
            for (int t = 0; t < len; t++) {
                bufferA[dst + t] = (rawWindow[src + t] - m) * s;
            }
        }
        forward(logitsOut);
    }

    /** Logits of one already normalised window, as a new array. */
    public float[] logitsNormalised(float[] normalisedWindow) {
        float[] out = new float[classCount()];
        logitsNormalised(normalisedWindow, out);
        return out;
    }

    /** Logits of one already normalised window into {@code logitsOut}; allocates nothing. */
    public void logitsNormalised(float[] normalisedWindow, float[] logitsOut) {
        checkInput(normalisedWindow, logitsOut);
        for (int c = 0; c < c0; c++) {
            System.arraycopy(normalisedWindow, c * lengthSamples, bufferA, c * rowStride + padSamples,
                    lengthSamples);
        }
        forward(logitsOut);
    }

    /** Class index with the largest logit for one raw window (lowest index on ties); allocates nothing. */
    public int predictClass(float[] rawWindow) {
        logits(rawWindow, scratchLogits);
        return argmax(scratchLogits);
    }

    /** Class index with the largest logit for one normalised window (lowest index on ties). */
    public int predictClassNormalised(float[] normalisedWindow) {
        logitsNormalised(normalisedWindow, scratchLogits);
        return argmax(scratchLogits);
    }

    /** Index of the largest value, lowest index on ties. */
    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private void checkInput(float[] window, float[] logitsOut) {
        if (window.length != c0 * lengthSamples) {
            throw new IllegalArgumentException("window has " + window.length + " values, expected channels x "
                    + "samples = " + c0 + " x " + lengthSamples + " = " + c0 * lengthSamples + " (NCW, one window)");
        }
        if (logitsOut.length != linearBias.length) {
            throw new IllegalArgumentException("logits array has length " + logitsOut.length + ", expected "
                    + linearBias.length);
        }
    }

    private void forward(float[] logitsOut) {
        float[] in = bufferA;
        float[] out = bufferB;
        for (int l = 0; l < kernels.length; l++) {
            if (quantised == null) {
                convFloat(l, in, out);
            } else {
                convInt8(l, in, out);
            }
            float[] t = in;
            in = out;
            out = t;
        }
        pool(in, channels[kernels.length], lengths[kernels.length]);
        if (quantised == null) {
            linearFloat(logitsOut);
        } else {
            linearInt8(logitsOut);
        }
    }

    private void convFloat(int l, float[] in, float[] out) {
        int cin = channels[l];
        int cout = channels[l + 1];
        int k = kernels[l];
        int st = strides[l];
        int dl = dilations[l];
        int shift = padSamples - dl * (k - 1) / 2;
        int w = rowStride;
        int len = lengths[l + 1];
        boolean plain = st == 1 && dl == 1;
        float[] wt = weights[l];
        float[] b = biases[l];
        for (int o = 0; o < cout; o++) {
            int ob = o * w + padSamples;
            Arrays.fill(out, ob, ob + len, b[o]);
            for (int i = 0; i < cin; i++) {
                int wb = (o * cin + i) * k;
                int ib = i * w + shift;
                if (plain && k == 5) {
                    taps5(out, ob, in, ib, wt[wb], wt[wb + 1], wt[wb + 2], wt[wb + 3], wt[wb + 4], len);
                } else if (plain && k == 3) {
                    taps3(out, ob, in, ib, wt[wb], wt[wb + 1], wt[wb + 2], len);
                } else {
                    for (int t = 0; t < len; t++) {
                        int j = ib + t * st;
                        float s = wt[wb] * in[j];
                        for (int kk = 1; kk < k; kk++) {
                            s += wt[wb + kk] * in[j + kk * dl];
                        }
                        out[ob + t] += s;
                    }
                }
            }
            for (int t = 0; t < len; t++) {
                float v = out[ob + t];
                out[ob + t] = v > 0f ? v : 0f;
            }
            // the next layer reads up to P samples past the end as zero padding
            Arrays.fill(out, ob + len, ob + len + padSamples, 0f);
        }
    }

    /**
     * {@code out[ob+t] += w0*in[ib+t] + ... + w4*in[ib+t+4]} for t in [0, len): the taps are summed
     * left to right first, then added to {@code out}. This is the float summation order that the C
     * export reproduces (integer sums are exact in any order).
     */
    private static void taps5(float[] out, int ob, float[] in, int ib, float w0, float w1, float w2, float w3,
            float w4, int len) {
        for (int t = 0; t < len; t++) {
            int j = ib + t;
            out[ob + t] += w0 * in[j] + w1 * in[j + 1] + w2 * in[j + 2] + w3 * in[j + 3] + w4 * in[j + 4];
        }
    }

    /** Three-tap version of {@link #taps5}. */
    private static void taps3(float[] out, int ob, float[] in, int ib, float w0, float w1, float w2, int len) {
        for (int t = 0; t < len; t++) {
            int j = ib + t;
            out[ob + t] += w0 * in[j] + w1 * in[j + 1] + w2 * in[j + 2];
        }
    }

    private void convInt8(int l, float[] in, float[] out) {
        int cin = channels[l];
        int cout = channels[l + 1];
        int k = kernels[l];
        int st = strides[l];
        int dl = dilations[l];
        int shift = padSamples - dl * (k - 1) / 2;
        int w = rowStride;
        int lenIn = lengths[l];
        int len = lengths[l + 1];
        float amax = 0f;
        for (int i = 0; i < cin; i++) {
            int ib = i * w + padSamples;
            for (int t = 0; t < lenIn; t++) {
                float a = Math.abs(in[ib + t]);
                amax = a > amax ? a : amax;
            }
        }
        float inv = QuantisedStudent.inverseScale(amax);
        float sx = amax / QuantisedStudent.QMAX;
        int[] qa = qActivation; // int8 values held in ints: the JIT vectorises int multiply-adds, not byte ones
        for (int i = 0; i < cin; i++) {
            int ib = i * w + padSamples;
            for (int t = 0; t < lenIn; t++) {
                qa[ib + t] = QuantisedStudent.quantiseActivation(in[ib + t], inv);
            }
            Arrays.fill(qa, ib + lenIn, ib + lenIn + padSamples, 0);
        }
        byte[] qw = qWeights[l];
        float[] sw = qScales[l];
        float[] b = biases[l];
        int[] acc = accumulator;
        for (int o = 0; o < cout; o++) {
            Arrays.fill(acc, 0, len, 0);
            for (int i = 0; i < cin; i++) {
                int wb = (o * cin + i) * k;
                int ib = i * w + shift;
                if (k == 5 && st == 1 && dl == 1) {
                    int w0 = qw[wb];
                    int w1 = qw[wb + 1];
                    int w2 = qw[wb + 2];
                    int w3 = qw[wb + 3];
                    int w4 = qw[wb + 4];
                    for (int t = 0; t < len; t++) {
                        int j = ib + t;
                        acc[t] += w0 * qa[j] + w1 * qa[j + 1] + w2 * qa[j + 2] + w3 * qa[j + 3] + w4 * qa[j + 4];
                    }
                } else {
                    for (int kk = 0; kk < k; kk++) {
                        int wv = qw[wb + kk];
                        int jb = ib + kk * dl;
                        for (int t = 0; t < len; t++) {
                            acc[t] += wv * qa[jb + t * st];
                        }
                    }
                }
            }
            float scale = sw[o] * sx;
            float bias = b[o];
            int ob = o * w + padSamples;
            for (int t = 0; t < len; t++) {
                float v = acc[t] * scale + bias;
                out[ob + t] = v > 0f ? v : 0f;
            }
            Arrays.fill(out, ob + len, ob + len + padSamples, 0f);
        }
    }

    private void pool(float[] act, int c, int len) {
        float n = len;
        for (int i = 0; i < c; i++) {
            int ib = i * rowStride + padSamples;
            float s = 0f;
            for (int t = 0; t < len; t++) {
                s += act[ib + t];
            }
            rep[i] = s / n;
        }
    }

    private void linearFloat(float[] logitsOut) {
        int r = rep.length;
        for (int o = 0; o < logitsOut.length; o++) {
            float acc = linearBias[o];
            int wb = o * r;
            for (int j = 0; j < r; j++) {
                acc += linearWeight[wb + j] * rep[j];
            }
            logitsOut[o] = acc;
        }
    }

    private void linearInt8(float[] logitsOut) {
        int r = rep.length;
        float amax = 0f;
        for (int j = 0; j < r; j++) {
            float a = Math.abs(rep[j]);
            amax = a > amax ? a : amax;
        }
        float inv = QuantisedStudent.inverseScale(amax);
        float sx = amax / QuantisedStudent.QMAX;
        for (int j = 0; j < r; j++) {
            qRep[j] = (byte) QuantisedStudent.quantiseActivation(rep[j], inv);
        }
        for (int o = 0; o < logitsOut.length; o++) {
            int acc = 0;
            int wb = o * r;
            for (int j = 0; j < r; j++) {
                acc += qLinearWeight[wb + j] * qRep[j];
            }
            logitsOut[o] = acc * (qLinearScales[o] * sx) + linearBias[o];
        }
    }
}
