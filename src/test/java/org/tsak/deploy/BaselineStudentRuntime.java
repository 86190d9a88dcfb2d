package org.tsak.deploy;

/**
 * The pure-Java runtime as it was before the kernels of {@link PackedConv} were restructured
 * (commit 998e8c8): the same forward pass as {@link StudentRuntime} over {@link BaselinePackedConv},
 * kept in test code as the benchmark baseline ({@code StudentKernelBenchmark}) and as the reference
 * that the current kernels must reproduce bit for bit ({@code PackedConvBitParityTest}), since the
 * C export copies this arithmetic. Float32 and int8; one window per call; not thread-safe.
 */
public final class BaselineStudentRuntime {

    private final QuantisedStudent quantised;
    private final int c0;
    private final int lengthSamples;
    private final int padSamples;
    private final float[] means;
    private final float[] invStds;
    private final BaselinePackedConv[] layers;
    private final int repSize;
    private final int classes;
    /** Linear weight transposed to {@code [rep][class]}. */
    private final float[] linearWeightT;
    private final float[] linearBias;
    /** Int8 linear weight transposed to {@code [rep][class]}, or null. */
    private final byte[] qLinearWeightT;
    private final float[] qLinearScales;
    private final float[] bufferA;
    private final float[] bufferB;
    private final float[] qActivation;
    private final float[] channelScratch;
    private final float[] scaleScratch;
    private final int[] intScratch;
    private final float[] rep;

    private BaselineStudentRuntime(FoldedStudent f, QuantisedStudent q) {
        this.quantised = q;
        this.c0 = f.inputChannels();
        this.lengthSamples = f.windowSamples();
        this.padSamples = f.maxPadSamples();
        this.means = f.inputMeans();
        this.invStds = f.inputInvStds();
        int n = f.convLayerCount();
        layers = new BaselinePackedConv[n];
        int maxActivation = 0;
        int maxChannels = 0;
        for (int a = 0; a <= n; a++) {
            maxActivation = Math.max(maxActivation, (f.length(a) + 2 * padSamples) * f.channels(a));
            maxChannels = Math.max(maxChannels, f.channels(a));
        }
        for (int l = 0; l < n; l++) {
            layers[l] = new BaselinePackedConv(f, q, l);
        }
        repSize = f.representationSize();
        classes = f.classCount();
        linearWeightT = transpose(f.linearWeight(), classes, repSize);
        linearBias = f.linearBias();
        bufferA = new float[maxActivation];
        bufferB = new float[maxActivation];
        channelScratch = new float[maxChannels];
        scaleScratch = new float[maxChannels];
        intScratch = new int[Math.max(maxChannels, classes)];
        rep = new float[repSize];
        if (q != null) {
            byte[] lw = q.linearWeight();
            qLinearWeightT = new byte[lw.length];
            for (int o = 0; o < classes; o++) {
                for (int j = 0; j < repSize; j++) {
                    qLinearWeightT[j * classes + o] = lw[o * repSize + j];
                }
            }
            qLinearScales = q.linearScales();
            qActivation = new float[maxActivation];
        } else {
            qLinearWeightT = null;
            qLinearScales = null;
            qActivation = null;
        }
    }

    private static float[] transpose(float[] w, int rows, int cols) {
        float[] t = new float[w.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = w[r * cols + c];
            }
        }
        return t;
    }

    /** A float32 runtime for a folded student. */
    public static BaselineStudentRuntime of(FoldedStudent folded) {
        return new BaselineStudentRuntime(folded, null);
    }

    /** An int8 runtime for a folded student. */
    public static BaselineStudentRuntime quantised(FoldedStudent folded) {
        return new BaselineStudentRuntime(folded, QuantisedStudent.of(folded));
    }

    /** Logits of one raw window into {@code logitsOut} (length {@link #classCount()}); allocates nothing. */
    public void logits(float[] rawWindow, float[] logitsOut) {
        checkInput(rawWindow, logitsOut);
        loadWindow(rawWindow, 0, true);
        forward(logitsOut, 0);
    }

    private void checkInput(float[] window, float[] logitsOut) {
        if (window.length != c0 * lengthSamples) {
            throw new IllegalArgumentException("window has " + window.length + " values, expected channels x "
                    + "samples = " + c0 + " x " + lengthSamples + " = " + c0 * lengthSamples + " (NCW, one window)");
        }
        if (logitsOut.length != classes) {
            throw new IllegalArgumentException("logits array has length " + logitsOut.length + ", expected "
                    + classes);
        }
    }

    /** NCW window at {@code from} into buffer A, channel-last with zero pad rows; z-scored if {@code raw}. */
    private void loadWindow(float[] x, int from, boolean raw) {
        int len = lengthSamples;
        int c = c0;
        int p = padSamples;
        float[] a = bufferA;
        BaselinePackedConv.zeroPadRows(a, p, len, c);
        for (int ch = 0; ch < c; ch++) {
            int src = from + ch * len;
            int dst = p * c + ch;
            if (raw) {
                float m = means[ch];
                float s = invStds[ch];
                for (int t = 0; t < len; t++) {
                    a[dst + t * c] = (x[src + t] - m) * s;
                }
            } else {
                for (int t = 0; t < len; t++) {
                    a[dst + t * c] = x[src + t];
                }
            }
        }
    }

    private void forward(float[] logitsOut, int outBase) {
        float[] in = bufferA;
        float[] out = bufferB;
        for (BaselinePackedConv layer : layers) {
            if (quantised == null) {
                layer.forwardFloat(in, out, padSamples, channelScratch);
            } else {
                float sx = quantiseActivation(in, layer.inChannels, layer.inLength);
                layer.forwardInt8(qActivation, out, padSamples, sx, channelScratch, intScratch, scaleScratch);
            }
            float[] t = in;
            in = out;
            out = t;
        }
        pool(in, layers[layers.length - 1].outLength);
        if (quantised == null) {
            linearFloat(logitsOut, outBase);
        } else {
            linearInt8(logitsOut, outBase);
        }
    }

    /**
     * Quantises the valid rows of activation {@code a} into {@link #qActivation} (integer-valued
     * floats, pad rows zero) with {@code amax = max |a|}; returns the scale {@code amax / 127}.
     */
    private float quantiseActivation(float[] a, int channels, int length) {
        int from = padSamples * channels;
        int to = from + length * channels;
        float amax = 0f;
        for (int j = from; j < to; j++) {
            float v = Math.abs(a[j]);
            amax = v > amax ? v : amax;
        }
        float inv = QuantisedStudent.inverseScale(amax);
        float[] q = qActivation;
        BaselinePackedConv.zeroPadRows(q, padSamples, length, channels);
        for (int j = from; j < to; j++) {
            q[j] = QuantisedStudent.quantiseActivation(a[j], inv);
        }
        return amax / QuantisedStudent.QMAX;
    }

    /** Global average pool of the last activation (channel-last) into {@link #rep}, per channel in time order. */
    private void pool(float[] act, int len) {
        int c = repSize;
        java.util.Arrays.fill(rep, 0f);
        for (int t = 0; t < len; t++) {
            int rb = (padSamples + t) * c;
            for (int i = 0; i < c; i++) {
                rep[i] += act[rb + i];
            }
        }
        float n = len;
        for (int i = 0; i < c; i++) {
            rep[i] = rep[i] / n;
        }
    }

    private void linearFloat(float[] logitsOut, int ob) {
        int k = classes;
        System.arraycopy(linearBias, 0, logitsOut, ob, k);
        for (int j = 0; j < repSize; j++) {
            float x = rep[j];
            int wb = j * k;
            for (int o = 0; o < k; o++) {
                logitsOut[ob + o] += linearWeightT[wb + o] * x;
            }
        }
    }

    private void linearInt8(float[] logitsOut, int ob) {
        int r = repSize;
        int k = classes;
        float amax = 0f;
        for (int j = 0; j < r; j++) {
            float a = Math.abs(rep[j]);
            amax = a > amax ? a : amax;
        }
        float inv = QuantisedStudent.inverseScale(amax);
        float sx = amax / QuantisedStudent.QMAX;
        int[] acc = intScratch;
        java.util.Arrays.fill(acc, 0, k, 0);
        for (int j = 0; j < r; j++) {
            int q = QuantisedStudent.quantiseActivation(rep[j], inv);
            int wb = j * k;
            for (int o = 0; o < k; o++) {
                acc[o] += qLinearWeightT[wb + o] * q;
            }
        }
        for (int o = 0; o < k; o++) {
            logitsOut[ob + o] = acc[o] * (qLinearScales[o] * sx) + linearBias[o];
        }
    }
}
