package org.tsak.eval;

import org.tsak.model.SemanticSpec;
import org.tsak.model.StudentSpec;
import org.tsak.model.TeacherSpec;

/**
 * Parameter counts and FLOPs per window of the TSAK models, computed by hand formulas from the
 * specs (no DJL types, no model needed).
 *
 * <h2>Parameters</h2>
 * Learnable values: weights, biases, and BatchNorm/LayerNorm gamma and beta. BatchNorm's running
 * mean and variance are statistics, not parameters, and are excluded (DJL stores them as
 * parameters of type RUNNING_MEAN/RUNNING_VAR; {@code org.tsak.model.BlockParameters} counts
 * the same set). Per layer: Conv1d {@code Cin*K*Cout + Cout}; BatchNorm {@code 2C};
 * Linear {@code in*out + out}; LayerNorm {@code 2E}; LSTM (PyTorch layout, two bias vectors)
 * {@code 4d*in + 4d*d + 2*4d}.
 *
 * <h2>FLOPs per window (batch 1, window length L)</h2>
 * A multiply-add is 2 FLOPs. Matrix products count {@code 2 * in} per output value, which
 * includes the bias add ({@code in} multiplies, {@code in - 1} adds, 1 bias add):
 * <ul>
 *   <li>Conv1d: {@code 2*Cin*K*Cout*Lout}, with {@code Lout} the layer's output length
 *       ({@code L} for the teacher's same-padded layers; {@code ceil(Lin / stride)} for a student
 *       layer, see {@link StudentSpec#outputLength(int)}). Dilation spreads the K taps but does not
 *       add any; taps that fall on zero padding are counted, as the runtimes compute them.</li>
 *   <li>Linear: {@code 2*in*out} per position.</li>
 *   <li>BatchNorm: counted, not folded: {@code 2} per element (inference affine
 *       {@code x*s + t}), {@code 2*C*Lout}.</li>
 *   <li>LayerNorm: {@code 7} per element: sum for the mean, subtract mean, square, sum for the
 *       variance, multiply by 1/std, gamma multiply, beta add.</li>
 *   <li>Attention layer (E embedding, H heads, F feed-forward): Q, K, V, Out projections
 *       {@code 4*2*L*E*E}; scores {@code 2*L*L*E}; scaling {@code H*L*L}; softmax {@code 2} per
 *       score (sum, divide) = {@code 2*H*L*L}; weighted sum {@code 2*L*L*E}; two residual adds
 *       {@code 2*L*E}; feed-forward {@code 2*L*E*F + 2*L*F*E}; two LayerNorms.</li>
 *   <li>LSTM per time step: {@code 2*4d*(in + d)} for the two gate products (with their
 *       biases) plus {@code 8d} elementwise: {@code 4d} to add the two products, {@code 3d} for
 *       {@code c = f*c + i*g}, {@code d} for {@code h = o*tanh(c)}; times L steps.</li>
 *   <li>Mean / global average pool over time: {@code C*L} (one add per element; for the student,
 *       {@code L} is the last conv layer's output length).</li>
 *   <li>Not counted (0 FLOPs): activation functions (ReLU, sigmoid, tanh, exp in softmax),
 *       dropout (identity at inference), transpose, concat, reshape.</li>
 * </ul>
 * The semantic classifier's figures are for the SC alone. Using the SC at inference also needs
 * the teacher's forward pass for its inputs: see {@link #semanticWithTeacherFlops}.
 */
public final class CostModel {

    /** FLOPs per element of a LayerNorm (see class comment). */
    public static final long LAYER_NORM_FLOPS_PER_ELEMENT = 7;
    /** FLOPs per element of an inference-mode BatchNorm (multiply, add). */
    public static final long BATCH_NORM_FLOPS_PER_ELEMENT = 2;
    /** FLOPs per attention score of the softmax (sum, divide; exp not counted). */
    public static final long SOFTMAX_FLOPS_PER_SCORE = 2;

    private CostModel() {
    }

    // ---------------------------------------------------------------- teacher

    /** Learnable parameters of the teacher (BatchNorm running statistics excluded). */
    public static long teacherParams(TeacherSpec s) {
        long e = s.embedChannels();
        long d = s.representationSize();
        long f = s.feedForwardSize();
        long params = 0;
        long in = s.inputChannels();
        for (int i = 0; i < s.convLayers(); i++) {
            params += convParams(in, s.kernelSize(), e) + batchNormParams(e);
            in = e;
        }
        long attentionLayer = 4 * linearParams(e, e) + 2 * layerNormParams(e)
                + linearParams(e, f) + linearParams(f, e);
        params += s.attentionLayers() * attentionLayer + layerNormParams(e);
        params += linearParams(e, d);
        params += lstmParams(e, d);
        params += linearParams(2 * d, d);
        params += linearParams(d, s.classes());
        return params;
    }

    /** FLOPs of one teacher forward pass over one window of {@code windowSamples}. */
    public static long teacherFlops(TeacherSpec s) {
        long len = s.windowSamples();
        long e = s.embedChannels();
        long d = s.representationSize();
        long f = s.feedForwardSize();
        long h = s.attentionHeads();
        long flops = 0;
        long in = s.inputChannels();
        for (int i = 0; i < s.convLayers(); i++) {
            flops += convFlops(in, s.kernelSize(), e, len) + BATCH_NORM_FLOPS_PER_ELEMENT * e * len;
            in = e;
        }
        long attentionLayer = 2 * layerNormFlops(e, len)
                + 4 * linearFlops(e, e) * len // Q, K, V, Out
                + 2 * len * len * e // scores Q K^T
                + h * len * len // scaling by 1/sqrt(E/H)
                + SOFTMAX_FLOPS_PER_SCORE * h * len * len
                + 2 * len * len * e // weights x V
                + 2 * len * e // residual adds
                + (linearFlops(e, f) + linearFlops(f, e)) * len;
        flops += s.attentionLayers() * attentionLayer + layerNormFlops(e, len);
        flops += e * len; // mean over time
        flops += linearFlops(e, d);
        flops += lstmFlops(e, d, len);
        flops += linearFlops(2 * d, d);
        flops += linearFlops(d, s.classes());
        return flops;
    }

    // ---------------------------------------------------------------- semantic classifier

    /** Learnable parameters of the semantic classifier alone. */
    public static long semanticParams(SemanticSpec s) {
        return linearParams(3L * s.representationSize(), s.hiddenSize())
                + linearParams(s.hiddenSize(), s.classes());
    }

    /** FLOPs of the semantic classifier alone, given the teacher's representations. */
    public static long semanticFlops(SemanticSpec s) {
        return linearFlops(3L * s.representationSize(), s.hiddenSize())
                + linearFlops(s.hiddenSize(), s.classes());
    }

    /**
     * FLOPs of classifying one window with the SC at inference: the teacher's forward pass
     * (which produces the SC's inputs) plus the SC. The teacher's own classifier is counted
     * too, since it is part of the teacher's forward pass.
     */
    public static long semanticWithTeacherFlops(TeacherSpec teacher, SemanticSpec semantic) {
        return teacherFlops(teacher) + semanticFlops(semantic);
    }

    // ---------------------------------------------------------------- student

    /** Learnable parameters of the deployed student (no projection head); strides and dilations add none. */
    public static long studentParams(StudentSpec s) {
        long params = 0;
        long in = s.inputChannels();
        for (int c : s.convChannels()) {
            params += convParams(in, s.kernelSize(), c) + batchNormParams(c);
            in = c;
        }
        return params + linearParams(s.representationSize(), s.classes());
    }

    /**
     * FLOPs of one student forward pass over one window: per conv layer {@code i}, conv
     * {@code 2*Cin*K*Cout*L_(i+1)} and BatchNorm {@code 2*Cout*L_(i+1)} with
     * {@code L_(i+1) = ceil(L_i / stride_i)}; pool {@code C_last * L_last}; linear.
     */
    public static long studentFlops(StudentSpec s) {
        long flops = 0;
        long in = s.inputChannels();
        int[] channels = s.convChannels();
        for (int i = 0; i < channels.length; i++) {
            long c = channels[i];
            long len = s.outputLength(i + 1);
            flops += convFlops(in, s.kernelSize(), c, len) + BATCH_NORM_FLOPS_PER_ELEMENT * c * len;
            in = c;
        }
        flops += (long) s.representationSize() * s.pooledLength(); // global average pool
        return flops + linearFlops(s.representationSize(), s.classes());
    }

    /** Parameters of the training-only projection head {@code Linear(c_last -> d)}. */
    public static long projectionParams(StudentSpec s, int teacherRepresentationSize) {
        return linearParams(s.representationSize(), teacherRepresentationSize);
    }

    // ---------------------------------------------------------------- layer formulas

    static long convParams(long in, long kernel, long out) {
        return in * kernel * out + out;
    }

    static long convFlops(long in, long kernel, long out, long outLength) {
        return 2 * in * kernel * out * outLength;
    }

    static long batchNormParams(long channels) {
        return 2 * channels;
    }

    static long layerNormParams(long width) {
        return 2 * width;
    }

    static long layerNormFlops(long width, long positions) {
        return LAYER_NORM_FLOPS_PER_ELEMENT * width * positions;
    }

    static long linearParams(long in, long out) {
        return in * out + out;
    }

    static long linearFlops(long in, long out) {
        return 2 * in * out;
    }

    static long lstmParams(long in, long hidden) {
        return 4 * hidden * in + 4 * hidden * hidden + 2 * 4 * hidden;
    }

    static long lstmFlops(long in, long hidden, long steps) {
        return steps * (2 * 4 * hidden * (in + hidden) + 8 * hidden);
    }
}
