package org.tsak.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-LayerNorm transformer encoder layer over a sequence, written out with Linear
 * projections and batch matrix products:
 *
 * <pre>
 *   x = x + Dropout(Out(MHSA(LN1(x))))          MHSA: softmax(Q K^T / sqrt(E/H)) V per head
 *   x = x + Dropout(W2 ReLU(W1 LN2(x)))          W1: E -> F, W2: F -> E
 * </pre>
 *
 * <p>Input and output: {@code N x L x E} (batch, time, embedding). Every position attends to
 * every position (no mask). LayerNorm normalises over the last axis (E) only.
 * Parameters: {@code 4 (E*E + E)} for Q, K, V, Out; {@code 2 * 2E} for the two LayerNorms;
 * {@code E*F + F + F*E + E} for the feed-forward network.
 */
public final class SelfAttentionLayer extends AbstractBlock {

    private final int embedChannels;
    private final int heads;
    private final int feedForwardSize;
    private final LayerNorm attentionNorm;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;
    private final Dropout attentionDropout;
    private final LayerNorm feedForwardNorm;
    private final Linear feedForwardIn;
    private final Linear feedForwardOut;
    private final Dropout feedForwardDropout;

    /**
     * @param embedChannels   width {@code E}
     * @param heads           number of heads {@code H}, dividing {@code E}
     * @param feedForwardSize hidden width {@code F} of the feed-forward network
     * @param dropout         drop rate on both residual branches (training only)
     */
    public SelfAttentionLayer(int embedChannels, int heads, int feedForwardSize, double dropout) {
        if (heads <= 0 || embedChannels % heads != 0) {
            throw new IllegalArgumentException("attention heads " + heads
                    + " must be positive and divide embedChannels " + embedChannels);
        }
        this.embedChannels = embedChannels;
        this.heads = heads;
        this.feedForwardSize = feedForwardSize;
        attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
        query = addChildBlock("query", Linear.builder().setUnits(embedChannels).build());
        key = addChildBlock("key", Linear.builder().setUnits(embedChannels).build());
        value = addChildBlock("value", Linear.builder().setUnits(embedChannels).build());
        output = addChildBlock("output", Linear.builder().setUnits(embedChannels).build());
        attentionDropout = addChildBlock("attentionDropout",
                Dropout.builder().optRate((float) dropout).build());
        feedForwardNorm = addChildBlock("feedForwardNorm", LayerNorm.builder().axis(2).build());
        feedForwardIn = addChildBlock("feedForwardIn",
                Linear.builder().setUnits(feedForwardSize).build());
        feedForwardOut = addChildBlock("feedForwardOut",
                Linear.builder().setUnits(embedChannels).build());
        feedForwardDropout = addChildBlock("feedForwardDropout",
                Dropout.builder().optRate((float) dropout).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        NDArray normed = Forward.one(attentionNorm, ps, x, training, params);
        NDArray q = splitHeads(Forward.one(query, ps, normed, training, params), batch, length);
        NDArray k = splitHeads(Forward.one(key, ps, normed, training, params), batch, length);
        NDArray v = splitHeads(Forward.one(value, ps, normed, training, params), batch, length);
        float scale = (float) (1.0 / Math.sqrt((double) embedChannels / heads));
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale); // N x H x L x L
        NDArray weights = scores.softmax(-1); // over keys
        NDArray context = weights.matMul(v) // N x H x L x Dh
                .transpose(0, 2, 1, 3)
                .reshape(batch, length, embedChannels);
        NDArray attended = Forward.one(output, ps, context, training, params);
        x = x.add(Forward.one(attentionDropout, ps, attended, training, params));

        NDArray hidden = Activation.relu(Forward.one(feedForwardIn, ps,
                Forward.one(feedForwardNorm, ps, x, training, params), training, params));
        NDArray fed = Forward.one(feedForwardOut, ps, hidden, training, params);
        return new NDList(x.add(Forward.one(feedForwardDropout, ps, fed, training, params)));
    }

    private NDArray splitHeads(NDArray x, long batch, long length) {
        return x.reshape(batch, length, heads, embedChannels / heads).transpose(0, 2, 1, 3);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape seq = inputShapes[0];
        if (seq.dimension() != 3 || seq.get(2) != embedChannels) {
            throw new IllegalArgumentException("SelfAttentionLayer expects N x L x "
                    + embedChannels + ", got " + seq);
        }
        Shape hidden = new Shape(seq.get(0), seq.get(1), feedForwardSize);
        attentionNorm.initialize(manager, dataType, seq);
        query.initialize(manager, dataType, seq);
        key.initialize(manager, dataType, seq);
        value.initialize(manager, dataType, seq);
        output.initialize(manager, dataType, seq);
        attentionDropout.initialize(manager, dataType, seq);
        feedForwardNorm.initialize(manager, dataType, seq);
        feedForwardIn.initialize(manager, dataType, seq);
        feedForwardOut.initialize(manager, dataType, hidden);
        feedForwardDropout.initialize(manager, dataType, seq);
    }
}
