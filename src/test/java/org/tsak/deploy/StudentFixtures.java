package org.tsak.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random students, artifacts and windows for deploy tests, and a by-the-definition reference forward pass. */
final class StudentFixtures {

    /** The default student of the brief: 3 -> 16 -> 32 channels, k = 5, L = 60, 11 classes. */
    static final int[] DEFAULT_CONV_CHANNELS = {16, 32};
    static final int DEFAULT_KERNEL = 5;
    static final int DEFAULT_WINDOW = 60;
    static final float[] MEANS_G = {0.12f, -0.85f, 0.31f};
    static final float[] STDS_G = {0.35f, 0.27f, 0.42f};

    private StudentFixtures() {
    }

    /** Random weights with He-style uniform init and non-trivial batch-norm statistics. */
    static StudentWeights randomWeights(long seed, int inChannels, int[] convChannels, int kernelSize, int classes) {
        int[] ones = new int[convChannels.length];
        java.util.Arrays.fill(ones, 1);
        return randomWeights(seed, inChannels, convChannels, kernelSize, ones, ones, classes);
    }

    /** As {@link #randomWeights(long, int, int[], int, int)} with a stride and a dilation per layer. */
    static StudentWeights randomWeights(long seed, int inChannels, int[] convChannels, int kernelSize, int[] strides,
            int[] dilations, int classes) {
        Random r = new Random(seed);
        List<ConvLayer> layers = new ArrayList<>();
        int in = inChannels;
        for (int l = 0; l < convChannels.length; l++) {
            int out = convChannels[l];
            float a = (float) Math.sqrt(6.0 / (in * kernelSize));
            layers.add(new ConvLayer(in, out, kernelSize, strides[l], dilations[l], uniform(r, out * in * kernelSize, a),
                    uniform(r, out, 0.1f), shifted(r, out, 1f, 0.5f), uniform(r, out, 0.2f), uniform(r, out, 0.3f),
                    shifted(r, out, 1.25f, 0.75f), ConvLayer.DEFAULT_BN_EPS));
            in = out;
        }
        float a = (float) Math.sqrt(6.0 / in);
        return new StudentWeights(layers, new LinearLayer(in, classes, uniform(r, classes * in, a),
                uniform(r, classes, 0.1f)));
    }

    /** The default student as an OpenPack artifact with realistic right-wrist normalisation. */
    static StudentArtifact defaultArtifact(long seed) {
        return artifact(randomWeights(seed, 3, DEFAULT_CONV_CHANNELS, DEFAULT_KERNEL, 11), DEFAULT_WINDOW, seed);
    }

    /** A random strided/dilated right-wrist student on windows of {@code windowSamples}. */
    static StudentArtifact artifact(long seed, int[] convChannels, int kernelSize, int[] strides, int[] dilations,
            int windowSamples) {
        return artifact(randomWeights(seed, 3, convChannels, kernelSize, strides, dilations, 11), windowSamples, seed);
    }

    /** {@code w} as an OpenPack right-wrist artifact with realistic normalisation and test provenance. */
    static StudentArtifact artifact(StudentWeights w, int windowSamples, long seed) {
        Map<String, String> prov = new LinkedHashMap<>();
        prov.put(StudentArtifact.PROVENANCE_RUN, "test-run");
        prov.put(StudentArtifact.PROVENANCE_SEED, Long.toString(seed));
        prov.put(StudentArtifact.PROVENANCE_GIT_COMMIT, "0123456789abcdef0123456789abcdef01234567");
        prov.put(StudentArtifact.PROVENANCE_DATA_FINGERPRINT, "sha256:feedbeef");
        prov.put(StudentArtifact.PROVENANCE_CREATED, "2026-11-25T10:00:00Z");
        return StudentArtifact.forOperations(w, List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z"),
                30.0, windowSamples, 30, MEANS_G, STDS_G, prov);
    }

    /** A random context head of {@code steps} windows and projection {@code h} for a student's {@code e} and {@code k}. */
    static ContextHead randomHead(long seed, int steps, int e, int h, int k) {
        Random r = new Random(seed);
        return new ContextHead(steps, e, h, k, uniform(r, h * e, (float) Math.sqrt(6.0 / e)), uniform(r, h, 0.2f),
                uniform(r, k * steps * h, (float) Math.sqrt(6.0 / (steps * h))), uniform(r, k, 0.1f));
    }

    /** {@code a} with the context head {@code head}. */
    static StudentArtifact withHead(StudentArtifact a, ContextHead head) {
        return new StudentArtifact(a.weights().withContextHead(head), a.channelNames(), a.samplingRateHz(),
                a.windowSamples(), a.strideSamples(), a.channelMeans(), a.channelStds(), a.classIds(), a.classNames(),
                a.provenance());
    }

    /** A raw window around the artifact's means: {@code mean + std * N(0,1)} per value. */
    static float[] rawWindow(Random r, StudentArtifact a) {
        float[] m = a.channelMeans();
        float[] s = a.channelStds();
        int len = a.windowSamples();
        float[] x = new float[m.length * len];
        for (int c = 0; c < m.length; c++) {
            for (int t = 0; t < len; t++) {
                x[c * len + t] = (float) (m[c] + s[c] * r.nextGaussian());
            }
        }
        return x;
    }

    /**
     * Logits straight from the definition, in double, batch norm not folded: z-score, then per
     * layer conv + bias (output t reads input {@code t*s + kk*d - d(k-1)/2}, zero outside the
     * input; {@code floor((L + 2p - d(k-1) - 1)/s) + 1} outputs), BN, ReLU; mean over time; linear.
     */
    static double[] referenceLogits(StudentArtifact a, float[] raw) {
        int len = a.windowSamples();
        float[] m = a.channelMeans();
        float[] s = a.channelStds();
        int c = m.length;
        double[][] x = new double[c][len];
        for (int i = 0; i < c; i++) {
            for (int t = 0; t < len; t++) {
                x[i][t] = (raw[i * len + t] - (double) m[i]) / s[i];
            }
        }
        for (ConvLayer layer : a.weights().convLayers()) {
            int k = layer.kernelSize();
            int st = layer.stride();
            int d = layer.dilation();
            int p = d * (k - 1) / 2;
            int lenIn = len;
            len = (lenIn + 2 * p - d * (k - 1) - 1) / st + 1;
            float[] w = layer.weight();
            double[][] y = new double[layer.outChannels()][len];
            for (int o = 0; o < layer.outChannels(); o++) {
                double scale = layer.bnGamma()[o] / Math.sqrt((double) layer.bnVar()[o] + layer.bnEps());
                for (int t = 0; t < len; t++) {
                    double acc = layer.bias()[o];
                    for (int i = 0; i < layer.inChannels(); i++) {
                        for (int kk = 0; kk < k; kk++) {
                            int src = t * st + kk * d - p;
                            if (src >= 0 && src < lenIn) {
                                acc += w[(o * layer.inChannels() + i) * k + kk] * x[i][src];
                            }
                        }
                    }
                    double bn = scale * (acc - layer.bnMean()[o]) + layer.bnBeta()[o];
                    y[o][t] = Math.max(0, bn);
                }
            }
            x = y;
        }
        LinearLayer lin = a.weights().linear();
        double[] rep = new double[lin.in()];
        for (int i = 0; i < rep.length; i++) {
            for (int t = 0; t < len; t++) {
                rep[i] += x[i][t];
            }
            rep[i] /= len;
        }
        double[] logits = new double[lin.out()];
        float[] w = lin.weight();
        for (int o = 0; o < lin.out(); o++) {
            logits[o] = lin.bias()[o];
            for (int j = 0; j < rep.length; j++) {
                logits[o] += w[o * rep.length + j] * rep[j];
            }
        }
        return logits;
    }

    static float maxAbsDiff(float[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return (float) d;
    }

    static float maxAbsDiff(float[] a, float[] b) {
        float d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    private static float[] uniform(Random r, int n, float a) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (r.nextFloat() * 2 - 1) * a;
        }
        return v;
    }

    private static float[] shifted(Random r, int n, float centre, float halfWidth) {
        float[] v = uniform(r, n, halfWidth);
        for (int i = 0; i < n; i++) {
            v[i] += centre;
        }
        return v;
    }
}
