package org.tsak.deploy;

import java.util.List;

/**
 * The trained parameters of a student network, independent of any deep-learning engine:
 * conv blocks ({@link ConvLayer}) applied in order, global average pooling over time, then a
 * {@link LinearLayer} to logits.
 *
 * <p>Shapes: input {@code [C0, L0]} (NCW, one window, {@code L0 = L}) -> conv i:
 * {@code [C(i+1), L(i+1)]} with {@code L(i+1) = ceil(L(i) / stride_i)} ({@link ConvLayer#outputLength(int)};
 * {@code L} throughout when every stride is 1) -> pool over the remaining time: {@code [C_last]} ->
 * logits {@code [classes]}. Immutable.
 *
 * <p>Optionally a {@link ContextHead} over the pooled representation of the current and the past
 * windows: then the student's logits are the head's base, and a deployment carries the head's
 * state from window to window.
 *
 * @param convLayers  at least one conv block; each one's input channels equal the previous output channels
 * @param linear      classifier head; its input equals the last conv block's output channels
 * @param contextHead the temporal context head, or null for a student without one
 */
public record StudentWeights(List<ConvLayer> convLayers, LinearLayer linear, ContextHead contextHead) {

    /** A student without a context head. */
    public StudentWeights(List<ConvLayer> convLayers, LinearLayer linear) {
        this(convLayers, linear, null);
    }

    /**
     * Validates that the layers chain.
     *
     * @throws IllegalArgumentException naming the layer whose shape does not fit
     */
    public StudentWeights {
        if (convLayers == null || convLayers.isEmpty()) {
            throw new IllegalArgumentException("a student needs at least one conv layer");
        }
        if (linear == null) {
            throw new IllegalArgumentException("a student needs a linear classifier layer");
        }
        convLayers = List.copyOf(convLayers);
        for (int i = 1; i < convLayers.size(); i++) {
            int prevOut = convLayers.get(i - 1).outChannels();
            int in = convLayers.get(i).inChannels();
            if (in != prevOut) {
                throw new IllegalArgumentException("conv layer " + i + " takes " + in
                        + " input channels but conv layer " + (i - 1) + " produces " + prevOut);
            }
        }
        int last = convLayers.get(convLayers.size() - 1).outChannels();
        if (linear.in() != last) {
            throw new IllegalArgumentException("linear layer takes " + linear.in()
                    + " features but the last conv layer produces " + last + " channels");
        }
        if (contextHead != null && (contextHead.representationSize() != last
                || contextHead.classes() != linear.out())) {
            throw new IllegalArgumentException("context head takes a representation of "
                    + contextHead.representationSize() + " and gives " + contextHead.classes()
                    + " logits but the student's representation has " + last + " values and it has "
                    + linear.out() + " classes");
        }
    }

    /** The same student with {@code head} (null: without a context head). */
    public StudentWeights withContextHead(ContextHead head) {
        return new StudentWeights(convLayers, linear, head);
    }

    /** True when the student has a temporal context head. */
    public boolean hasContextHead() {
        return contextHead != null;
    }

    /** Input channels of the first conv layer. */
    public int inputChannels() {
        return convLayers.get(0).inChannels();
    }

    /** Number of logits. */
    public int classCount() {
        return linear.out();
    }

    /** Size of the pooled representation (the last conv layer's channels). */
    public int representationSize() {
        return linear.in();
    }

    /** True when every conv layer has stride 1 and dilation 1 (what format version 1 of the artifact holds). */
    public boolean isPlain() {
        return convLayers.stream().allMatch(ConvLayer::isPlain);
    }

    /** Trainable parameters (conv weights and biases, batch-norm gamma and beta, linear, context head). */
    public long parameterCount() {
        long n = linear.parameterCount() + (contextHead == null ? 0 : contextHead.parameterCount());
        for (ConvLayer c : convLayers) {
            n += c.parameterCount();
        }
        return n;
    }
}
