package org.tsak.deploy;

import java.util.Arrays;

/**
 * One convolution block of the student, as trained: {@code Conv1d(in -> out, kernel k, stride s,
 * dilation d, zero padding p = d (k - 1) / 2 on both sides, with bias) -> BatchNorm1d (inference)
 * -> ReLU}.
 *
 * <p>Layout NCW. The kernel size must be odd so that the taps centre on a sample: output
 * {@code t} reads inputs {@code t * s + kk * d - p}, {@code kk < k}, and the output length is
 * {@code floor((L_in + 2p - d (k - 1) - 1) / s) + 1 = ceil(L_in / s)} ({@link #outputLength(int)};
 * {@code L_in} when {@code s = 1}). Batch norm at inference:
 * {@code y = gamma * (x - mean) / sqrt(var + eps) + beta}. Immutable: arrays are copied in and out.
 *
 * @param inChannels  input channels
 * @param outChannels output channels
 * @param kernelSize  kernel size in samples, odd
 * @param stride      step between output positions, in input samples, at least 1
 * @param dilation    spacing between kernel taps, in input samples, at least 1
 * @param weight      {@code [out][in][k]} row-major, length {@code out * in * k}
 * @param bias        conv bias, length {@code out}
 * @param bnGamma     batch-norm scale, length {@code out}
 * @param bnBeta      batch-norm shift, length {@code out}
 * @param bnMean      batch-norm running mean, length {@code out}
 * @param bnVar       batch-norm running variance, length {@code out}, each at least 0
 * @param bnEps       batch-norm epsilon, greater than 0 (PyTorch and DJL default 1e-5)
 */
public record ConvLayer(int inChannels, int outChannels, int kernelSize, int stride, int dilation,
        float[] weight, float[] bias,
        float[] bnGamma, float[] bnBeta, float[] bnMean, float[] bnVar, float bnEps) {

    /** Batch-norm epsilon used by PyTorch and DJL by default. */
    public static final float DEFAULT_BN_EPS = 1e-5f;

    /**
     * Validates sizes and values.
     *
     * @throws IllegalArgumentException naming the array and what is wrong
     */
    public ConvLayer {
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("conv layer needs at least 1 input and 1 output channel, got in="
                    + inChannels + " out=" + outChannels);
        }
        if (kernelSize < 1 || kernelSize % 2 == 0) {
            throw new IllegalArgumentException("conv kernelSize must be odd and >= 1 so that the taps centre on "
                    + "a sample, got " + kernelSize);
        }
        if (stride < 1 || dilation < 1) {
            throw new IllegalArgumentException("conv stride and dilation must be >= 1, got stride=" + stride
                    + " dilation=" + dilation);
        }
        if ((long) dilation * (kernelSize - 1) / 2 > MAX_PAD_SAMPLES) {
            throw new IllegalArgumentException("conv padding dilation*(k-1)/2 = " + (long) dilation * (kernelSize - 1) / 2
                    + " samples exceeds " + MAX_PAD_SAMPLES + " (dilation " + dilation + ", kernel " + kernelSize + ")");
        }
        weight = Checks.copy("conv weight [out][in][k]", weight, (long) outChannels * inChannels * kernelSize);
        bias = Checks.copy("conv bias", bias, outChannels);
        bnGamma = Checks.copy("bnGamma", bnGamma, outChannels);
        bnBeta = Checks.copy("bnBeta", bnBeta, outChannels);
        bnMean = Checks.copy("bnMean", bnMean, outChannels);
        bnVar = Checks.copy("bnVar", bnVar, outChannels);
        for (int o = 0; o < outChannels; o++) {
            if (bnVar[o] < 0) {
                throw new IllegalArgumentException("bnVar[" + o + "] is negative (" + bnVar[o]
                        + "); a running variance must be >= 0");
            }
        }
        if (!(bnEps > 0) || !Float.isFinite(bnEps)) {
            throw new IllegalArgumentException("bnEps must be finite and > 0, got " + bnEps);
        }
    }

    /** Largest padding accepted, samples (a bound that keeps buffer sizes in int range). */
    public static final int MAX_PAD_SAMPLES = 1 << 20;

    /** A layer with stride 1 and dilation 1 (output length = input length), the layer of format version 1. */
    public ConvLayer(int inChannels, int outChannels, int kernelSize, float[] weight, float[] bias, float[] bnGamma,
            float[] bnBeta, float[] bnMean, float[] bnVar, float bnEps) {
        this(inChannels, outChannels, kernelSize, 1, 1, weight, bias, bnGamma, bnBeta, bnMean, bnVar, bnEps);
    }

    /**
     * A conv layer whose batch norm is the identity ({@code gamma=1, beta=0, mean=0, var=1-eps}).
     */
    public static ConvLayer withIdentityNorm(int inChannels, int outChannels, int kernelSize, float[] weight,
            float[] bias) {
        return withIdentityNorm(inChannels, outChannels, kernelSize, 1, 1, weight, bias);
    }

    /** As {@link #withIdentityNorm(int, int, int, float[], float[])} with a stride and a dilation. */
    public static ConvLayer withIdentityNorm(int inChannels, int outChannels, int kernelSize, int stride, int dilation,
            float[] weight, float[] bias) {
        float[] ones = new float[outChannels];
        float[] var = new float[outChannels];
        Arrays.fill(ones, 1f);
        Arrays.fill(var, 1f - DEFAULT_BN_EPS);
        return new ConvLayer(inChannels, outChannels, kernelSize, stride, dilation, weight, bias, ones,
                new float[outChannels], new float[outChannels], var, DEFAULT_BN_EPS);
    }

    /** Zero padding on each side, {@code dilation * (kernelSize - 1) / 2} samples. */
    public int padSamples() {
        return dilation * (kernelSize - 1) / 2;
    }

    /**
     * Output length for an input of {@code inputSamples}:
     * {@code floor((L + 2p - d (k - 1) - 1) / s) + 1}, which is {@code ceil(L / s)}.
     */
    public int outputLength(int inputSamples) {
        return (int) (((long) inputSamples + 2L * padSamples() - (long) dilation * (kernelSize - 1) - 1) / stride + 1);
    }

    /** True for stride 1 and dilation 1, the only layer format version 1 of the artifact can hold. */
    public boolean isPlain() {
        return stride == 1 && dilation == 1;
    }

    /** Number of trainable values: conv weight and bias plus batch-norm gamma and beta. */
    public long parameterCount() {
        return (long) outChannels * inChannels * kernelSize + 3L * outChannels;
    }

    @Override
    public float[] weight() {
        return weight.clone();
    }

    @Override
    public float[] bias() {
        return bias.clone();
    }

    @Override
    public float[] bnGamma() {
        return bnGamma.clone();
    }

    @Override
    public float[] bnBeta() {
        return bnBeta.clone();
    }

    @Override
    public float[] bnMean() {
        return bnMean.clone();
    }

    @Override
    public float[] bnVar() {
        return bnVar.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvLayer c && inChannels == c.inChannels && outChannels == c.outChannels
                && kernelSize == c.kernelSize && stride == c.stride && dilation == c.dilation && Arrays.equals(weight, c.weight) && Arrays.equals(bias, c.bias)
                && Arrays.equals(bnGamma, c.bnGamma) && Arrays.equals(bnBeta, c.bnBeta)
                && Arrays.equals(bnMean, c.bnMean) && Arrays.equals(bnVar, c.bnVar)
                && Float.compare(bnEps, c.bnEps) == 0;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(new int[] {inChannels, outChannels, kernelSize, stride, dilation});
        h = 31 * h + Arrays.hashCode(weight);
        h = 31 * h + Arrays.hashCode(bias);
        h = 31 * h + Arrays.hashCode(bnGamma);
        h = 31 * h + Arrays.hashCode(bnBeta);
        h = 31 * h + Arrays.hashCode(bnMean);
        h = 31 * h + Arrays.hashCode(bnVar);
        return 31 * h + Float.hashCode(bnEps);
    }

    @Override
    public String toString() {
        return "ConvLayer[" + inChannels + "->" + outChannels + ", k=" + kernelSize
                + (isPlain() ? "" : ", stride=" + stride + ", dilation=" + dilation) + ", bnEps=" + bnEps + "]";
    }
}
