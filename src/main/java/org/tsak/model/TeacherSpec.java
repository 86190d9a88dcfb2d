package org.tsak.model;

import org.tsak.data.Operations;

/**
 * Shape of the multi-modal teacher ({@link TeacherBlock}): a Conv1d embedding, an attention
 * branch (Attn-Rep), an LSTM branch (Causal-Rep), their fusion (Combi-Rep) and a classifier.
 *
 * @param inputChannels      channels of the teacher's input window (all sensors), e.g. 50
 * @param windowSamples      window length {@code L} in samples, e.g. 60 (2 s at 30 Hz)
 * @param embedChannels      embedding width {@code E} of every conv layer and of attention
 * @param convLayers         number of Conv1d + BatchNorm + ReLU layers in the embedding
 * @param kernelSize         conv kernel size, odd (padding {@code kernelSize/2} keeps {@code L})
 * @param attentionHeads     heads of each self-attention layer; must divide {@code E}
 * @param attentionLayers    number of pre-LayerNorm transformer encoder layers
 * @param representationSize size {@code d} of Attn-Rep, Causal-Rep (LSTM hidden) and Combi-Rep
 * @param dropout            drop rate in the attention layers and before the classifier,
 *                           in [0, 1); training only
 * @param classes            number of output classes
 */
public record TeacherSpec(int inputChannels, int windowSamples, int embedChannels, int convLayers,
        int kernelSize, int attentionHeads, int attentionLayers, int representationSize,
        double dropout, int classes) {

    /** Default embedding width {@code E}. */
    public static final int DEFAULT_EMBED_CHANNELS = 96;
    /** Default number of conv layers in the embedding. */
    public static final int DEFAULT_CONV_LAYERS = 2;
    /** Default conv kernel size (docs/METHOD.md, "Stage 1: the teacher": kernel 5). */
    public static final int DEFAULT_KERNEL_SIZE = 5;
    /** Default attention heads (head width 96 / 4 = 24). */
    public static final int DEFAULT_ATTENTION_HEADS = 4;
    /** Default number of attention layers. */
    public static final int DEFAULT_ATTENTION_LAYERS = 1;
    /** Default representation size {@code d}. */
    public static final int DEFAULT_REPRESENTATION_SIZE = 96;
    /** Default drop rate. */
    public static final double DEFAULT_DROPOUT = 0.1;

    /** Validates every field; messages name the field and the value. */
    public TeacherSpec {
        String s = "TeacherSpec";
        SpecChecks.positive(s, "inputChannels", inputChannels);
        SpecChecks.positive(s, "windowSamples", windowSamples);
        SpecChecks.positive(s, "embedChannels", embedChannels);
        SpecChecks.positive(s, "convLayers", convLayers);
        SpecChecks.oddKernel(s, kernelSize);
        SpecChecks.positive(s, "attentionHeads", attentionHeads);
        if (embedChannels % attentionHeads != 0) {
            throw new IllegalArgumentException("TeacherSpec.attentionHeads (" + attentionHeads
                    + ") must divide embedChannels (" + embedChannels + ")");
        }
        SpecChecks.positive(s, "attentionLayers", attentionLayers);
        SpecChecks.positive(s, "representationSize", representationSize);
        SpecChecks.dropout(s, dropout);
        SpecChecks.positive(s, "classes", classes);
    }

    /**
     * The project's default teacher for the given input: E = 96, 2 conv layers of kernel 5,
     * 4 heads, 1 attention layer, d = 96, dropout 0.1.
     */
    public static TeacherSpec defaults(int inputChannels, int windowSamples, int classes) {
        return new TeacherSpec(inputChannels, windowSamples, DEFAULT_EMBED_CHANNELS,
                DEFAULT_CONV_LAYERS, DEFAULT_KERNEL_SIZE, DEFAULT_ATTENTION_HEADS,
                DEFAULT_ATTENTION_LAYERS, DEFAULT_REPRESENTATION_SIZE, DEFAULT_DROPOUT, classes);
    }

    /** {@link #defaults(int, int, int)} with the OpenPack classes ({@link Operations#CLASS_COUNT}). */
    public static TeacherSpec defaults(int inputChannels, int windowSamples) {
        return defaults(inputChannels, windowSamples, Operations.CLASS_COUNT);
    }

    /** Width of each attention head, {@code E / heads}. */
    public int headSize() {
        return embedChannels / attentionHeads;
    }

    /** Hidden width of each attention layer's feed-forward network, {@code 2 E}. */
    public int feedForwardSize() {
        return 2 * embedChannels;
    }
}
