package org.tsak.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The TSAK multi-modal teacher (stage 1).
 *
 * <p>Input: one NCW array {@code N x C x L} (batch, all channels, window samples), float32.
 * Layers ({@code E} = embedChannels, {@code d} = representationSize, {@code K} = classes):
 * <ol>
 *   <li>Embedding: convLayers x (Conv1d kernel k, padding k/2, BatchNorm, ReLU):
 *       {@code N x C x L -> N x E x L}, then transposed to {@code N x L x E}.</li>
 *   <li>Attn-Rep: attentionLayers x {@link SelfAttentionLayer} (pre-LayerNorm), a final
 *       LayerNorm over E, mean over time, Linear(E -> d): {@code N x d}.</li>
 *   <li>Causal-Rep: one unidirectional LSTM layer (batch first, hidden d) over the embedded
 *       sequence; the hidden state of the last time step: {@code N x d}.</li>
 *   <li>Combi-Rep: ReLU(Linear(concat(Attn-Rep, Causal-Rep)): 2d -> d): {@code N x d}.</li>
 *   <li>Classifier: Dropout, Linear(d -> K): logits {@code N x K}.</li>
 * </ol>
 * Output: {@code NDList(logits, attnRep, causalRep, combiRep)} at indices {@link #LOGITS},
 * {@link #ATTN_REP}, {@link #CAUSAL_REP}, {@link #COMBI_REP}.
 */
public final class TeacherBlock extends AbstractBlock {

    /** Index of the logits ({@code N x K}) in the output list. */
    public static final int LOGITS = 0;
    /** Index of Attn-Rep ({@code N x d}) in the output list. */
    public static final int ATTN_REP = 1;
    /** Index of Causal-Rep ({@code N x d}) in the output list. */
    public static final int CAUSAL_REP = 2;
    /** Index of Combi-Rep ({@code N x d}) in the output list. */
    public static final int COMBI_REP = 3;

    private final TeacherSpec spec;
    private final SequentialBlock embedding;
    private final SequentialBlock attention;
    private final LayerNorm attentionNorm;
    private final Linear attentionProjection;
    private final LSTM lstm;
    private final Linear combiProjection;
    private final Dropout classifierDropout;
    private final Linear classifier;

    /** Builds an uninitialised teacher; see {@link #create} for a seeded, initialised one. */
    public TeacherBlock(TeacherSpec spec) {
        this.spec = spec;
        embedding = addChildBlock("embedding",
                ConvStack.of(ConvStack.repeat(spec.embedChannels(), spec.convLayers()),
                        spec.kernelSize()));
        attention = new SequentialBlock();
        for (int i = 0; i < spec.attentionLayers(); i++) {
            attention.add(new SelfAttentionLayer(spec.embedChannels(), spec.attentionHeads(),
                    spec.feedForwardSize(), spec.dropout()));
        }
        addChildBlock("attention", attention);
        attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
        attentionProjection = addChildBlock("attentionProjection",
                Linear.builder().setUnits(spec.representationSize()).build());
        lstm = addChildBlock("lstm", LSTM.builder()
                .setStateSize(spec.representationSize())
                .setNumLayers(1)
                .optBatchFirst(true)
                .build());
        combiProjection = addChildBlock("combiProjection",
                Linear.builder().setUnits(spec.representationSize()).build());
        classifierDropout = addChildBlock("classifierDropout",
                Dropout.builder().optRate((float) spec.dropout()).build());
        classifier = addChildBlock("classifier",
                Linear.builder().setUnits(spec.classes()).build());
    }

    /**
     * A teacher with parameters initialised for input {@code N x inputChannels x windowSamples}
     * from {@code seed} (see {@link SeededInitialization}: same seed, same weights).
     */
    public static TeacherBlock create(TeacherSpec spec, NDManager manager, long seed) {
        return SeededInitialization.initialize(new TeacherBlock(spec), manager, seed,
                new Shape(1, spec.inputChannels(), spec.windowSamples()));
    }

    /** The spec this teacher was built from. */
    public TeacherSpec spec() {
        return spec;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray embedded = embedding.forward(ps, new NDList(x), training, params)
                .singletonOrThrow(); // N x E x L
        NDArray sequence = embedded.transpose(0, 2, 1); // N x L x E

        NDArray attended = attention.forward(ps, new NDList(sequence), training, params)
                .singletonOrThrow();
        attended = Forward.one(attentionNorm, ps, attended, training, params);
        NDArray attnRep = Forward.one(attentionProjection, ps,
                attended.mean(new int[] {1}), training, params);

        NDArray states = lstm.forward(ps, new NDList(sequence), training, params).head();
        NDArray causalRep = states.get(":, -1, :"); // last step: N x d

        NDArray combiRep = Activation.relu(Forward.one(combiProjection, ps,
                attnRep.concat(causalRep, 1), training, params));
        NDArray logits = Forward.one(classifier, ps,
                Forward.one(classifierDropout, ps, combiRep, training, params),
                training, params);
        return new NDList(logits, attnRep, causalRep, combiRep);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        long n = inputs[0].get(0);
        long d = spec.representationSize();
        return new Shape[] {new Shape(n, spec.classes()), new Shape(n, d), new Shape(n, d),
            new Shape(n, d)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape in = inputShapes[0];
        if (in.dimension() != 3 || in.get(1) != spec.inputChannels()) {
            throw new IllegalArgumentException("TeacherBlock expects N x " + spec.inputChannels()
                    + " x L (NCW), got " + in);
        }
        long n = in.get(0);
        long e = spec.embedChannels();
        long d = spec.representationSize();
        Shape sequence = new Shape(new long[] {n, in.get(2), e}, "NTC");
        embedding.initialize(manager, dataType, in);
        attention.initialize(manager, dataType, sequence);
        attentionNorm.initialize(manager, dataType, sequence);
        attentionProjection.initialize(manager, dataType, new Shape(n, e));
        lstm.initialize(manager, dataType, sequence);
        combiProjection.initialize(manager, dataType, new Shape(n, 2 * d));
        classifierDropout.initialize(manager, dataType, new Shape(n, d));
        classifier.initialize(manager, dataType, new Shape(n, d));
    }
}
