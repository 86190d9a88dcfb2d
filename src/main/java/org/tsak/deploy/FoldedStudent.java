package org.tsak.deploy;

/**
 * A student prepared for inference: batch norm folded into each conv layer and the input
 * z-score kept as a per-channel mean and reciprocal std. The runtime and both exporters work
 * from this one form, so they compute the same function.
 *
 * <p>Folding, per output channel {@code o} with {@code s = gamma / sqrt(var + eps)}:
 * {@code w'[o][i][k] = s * w[o][i][k]} and {@code b'[o] = s * (b[o] - mean) + beta}. The square
 * root is taken in double and the products rounded once to float.
 * Normalisation: {@code x' = (x - mean[c]) * invStd[c]} with {@code invStd = (float) (1.0 / std)}.
 *
 * <p>Activation {@code a} (0 = the normalised window, {@code l + 1} = conv layer {@code l}'s output)
 * has {@link #channels(int)} channels and {@link #length(int)} samples: {@code length(0) = L},
 * {@code length(l + 1) = ceil(length(l) / stride(l))}.
 *
 * <p>A student with a temporal context head keeps it as it is ({@link #contextHead()}): it works
 * on the pooled representation, after every folded layer. {@link #storedValueCount()} and
 * {@link #multiplyAddsPerWindow()} count the student without it.
 */
public final class FoldedStudent {

    private final int inputChannels;
    private final int windowSamples;
    private final float[] inputMeans;
    private final float[] inputInvStds;
    private final int[] channels;
    private final int[] kernelSizes;
    private final int[] strides;
    private final int[] dilations;
    private final int[] lengths;
    private final float[][] convWeights;
    private final float[][] convBiases;
    private final float[] linearWeight;
    private final float[] linearBias;
    private final int classCount;
    private final ContextHead contextHead;

    private FoldedStudent(StudentWeights w, float[] means, float[] stds, int windowSamples) {
        this.inputChannels = w.inputChannels();
        this.windowSamples = windowSamples;
        if (windowSamples < 1) {
            throw new IllegalArgumentException("windowSamples must be >= 1, got " + windowSamples);
        }
        this.inputMeans = Checks.copy("channelMeans", means, inputChannels);
        float[] s = Checks.copy("channelStds", stds, inputChannels);
        this.inputInvStds = new float[inputChannels];
        for (int c = 0; c < inputChannels; c++) {
            if (!(s[c] > 0)) {
                throw new IllegalArgumentException("channelStds[" + c + "] is " + s[c] + "; must be > 0");
            }
            inputInvStds[c] = (float) (1.0 / s[c]);
        }
        int n = w.convLayers().size();
        channels = new int[n + 1];
        kernelSizes = new int[n];
        strides = new int[n];
        dilations = new int[n];
        lengths = new int[n + 1];
        convWeights = new float[n][];
        convBiases = new float[n][];
        channels[0] = inputChannels;
        lengths[0] = windowSamples;
        for (int l = 0; l < n; l++) {
            ConvLayer c = w.convLayers().get(l);
            channels[l + 1] = c.outChannels();
            kernelSizes[l] = c.kernelSize();
            strides[l] = c.stride();
            dilations[l] = c.dilation();
            lengths[l + 1] = c.outputLength(lengths[l]);
            float[] wt = c.weight();
            float[] b = c.bias();
            float[] g = c.bnGamma();
            float[] beta = c.bnBeta();
            float[] mu = c.bnMean();
            float[] var = c.bnVar();
            int per = c.inChannels() * c.kernelSize();
            float[] fw = new float[wt.length];
            float[] fb = new float[c.outChannels()];
            for (int o = 0; o < c.outChannels(); o++) {
                double scale = g[o] / Math.sqrt((double) var[o] + c.bnEps());
                for (int j = 0; j < per; j++) {
                    fw[o * per + j] = (float) (scale * wt[o * per + j]);
                }
                fb[o] = (float) (scale * ((double) b[o] - mu[o]) + beta[o]);
            }
            convWeights[l] = fw;
            convBiases[l] = fb;
        }
        linearWeight = w.linear().weight();
        linearBias = w.linear().bias();
        classCount = w.classCount();
        contextHead = w.contextHead();
    }

    /** Folds the student of an artifact. */
    public static FoldedStudent of(StudentArtifact a) {
        return new FoldedStudent(a.weights(), a.channelMeans(), a.channelStds(), a.windowSamples());
    }

    /**
     * Folds raw weights with an explicit input normalisation and window length.
     *
     * @param stds per input channel, each &gt; 0
     */
    public static FoldedStudent of(StudentWeights weights, float[] means, float[] stds, int windowSamples) {
        return new FoldedStudent(weights, means, stds, windowSamples);
    }

    /** Input channels {@code C0}. */
    public int inputChannels() {
        return inputChannels;
    }

    /** Window length {@code L}, samples. */
    public int windowSamples() {
        return windowSamples;
    }

    /** Number of conv layers. */
    public int convLayerCount() {
        return kernelSizes.length;
    }

    /** Channels of activation {@code a}: 0 is the input, {@code l + 1} the output of conv layer {@code l}. */
    public int channels(int activation) {
        return channels[activation];
    }

    /** Kernel size of conv layer {@code l}. */
    public int kernelSize(int l) {
        return kernelSizes[l];
    }

    /** Stride of conv layer {@code l}. */
    public int stride(int l) {
        return strides[l];
    }

    /** Dilation of conv layer {@code l}. */
    public int dilation(int l) {
        return dilations[l];
    }

    /** Zero padding on each side of conv layer {@code l}'s input: {@code dilation(l) * (kernelSize(l) - 1) / 2}. */
    public int padSamples(int l) {
        return dilations[l] * (kernelSizes[l] - 1) / 2;
    }

    /** Time length of activation {@code a}: 0 is the window ({@code L}), {@code l + 1} the output of conv layer {@code l}. */
    public int length(int activation) {
        return lengths[activation];
    }

    /** Time length the global average pool averages over (the last conv layer's output length). */
    public int pooledLength() {
        return lengths[lengths.length - 1];
    }

    /** True when every conv layer has stride 1 and dilation 1. */
    public boolean isPlain() {
        for (int l = 0; l < strides.length; l++) {
            if (strides[l] != 1 || dilations[l] != 1) {
                return false;
            }
        }
        return true;
    }

    /** Largest padding {@link #padSamples(int)} over the conv layers. */
    public int maxPadSamples() {
        int p = 0;
        for (int l = 0; l < kernelSizes.length; l++) {
            p = Math.max(p, padSamples(l));
        }
        return p;
    }

    /** Number of logits. */
    public int classCount() {
        return classCount;
    }

    /** The temporal context head (not folded: it follows the pooling), or null if the student has none. */
    public ContextHead contextHead() {
        return contextHead;
    }

    /** Pooled representation size (last conv layer's channels). */
    public int representationSize() {
        return channels[channels.length - 1];
    }

    /** Input z-score means (copy). */
    public float[] inputMeans() {
        return inputMeans.clone();
    }

    /** Input reciprocal stds {@code (float) (1 / std)} (copy). */
    public float[] inputInvStds() {
        return inputInvStds.clone();
    }

    /** Folded conv weight of layer {@code l}, {@code [out][in][k]} (copy). */
    public float[] convWeight(int l) {
        return convWeights[l].clone();
    }

    /** Folded conv bias of layer {@code l} (copy). */
    public float[] convBias(int l) {
        return convBiases[l].clone();
    }

    /** Linear weight {@code [classes][rep]} (copy). */
    public float[] linearWeight() {
        return linearWeight.clone();
    }

    /** Linear bias (copy). */
    public float[] linearBias() {
        return linearBias.clone();
    }

    /** Number of stored weight and bias values after folding (normalisation constants included). */
    public long storedValueCount() {
        long n = 2L * inputChannels + linearWeight.length + linearBias.length;
        for (int l = 0; l < convWeights.length; l++) {
            n += convWeights[l].length + convBiases[l].length;
        }
        return n;
    }

    /**
     * Multiply-adds per window: conv {@code out*in*k*L_out} per layer (zero-padding taps included),
     * plus the linear layer.
     */
    public long multiplyAddsPerWindow() {
        long n = linearWeight.length;
        for (int l = 0; l < kernelSizes.length; l++) {
            n += (long) channels[l + 1] * channels[l] * kernelSizes[l] * lengths[l + 1];
        }
        return n;
    }

    /**
     * Channels of the larger ping-pong activation buffer: activations alternate between buffer A
     * (even activation index: input, conv 2 output, ...) and buffer B (odd index).
     *
     * @param buffer 0 for A, 1 for B
     */
    public int bufferChannels(int buffer) {
        int m = 0;
        for (int a = buffer; a < channels.length; a += 2) {
            m = Math.max(m, channels[a]);
        }
        return m;
    }
}
