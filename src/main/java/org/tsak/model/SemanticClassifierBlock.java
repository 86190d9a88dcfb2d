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
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The TSAK semantic classifier (stage 2), trained on the frozen teacher's representations.
 *
 * <p>Input: {@code NDList(attnRep, causalRep, combiRep)}, each {@code N x d} (the teacher's
 * outputs {@link TeacherBlock#ATTN_REP}, {@link TeacherBlock#CAUSAL_REP},
 * {@link TeacherBlock#COMBI_REP}). Layers: concat ({@code N x 3d}) -> Linear(3d -> hidden) ->
 * ReLU -> Dropout -> Linear(hidden -> K). Output: {@code NDList(logits)}, {@code N x K}.
 * Using the SC at inference needs the teacher's forward pass first.
 */
public final class SemanticClassifierBlock extends AbstractBlock {

    private final SemanticSpec spec;
    private final Linear hidden;
    private final Dropout dropout;
    private final Linear classifier;

    /** Builds an uninitialised SC; see {@link #create} for a seeded, initialised one. */
    public SemanticClassifierBlock(SemanticSpec spec) {
        this.spec = spec;
        hidden = addChildBlock("hidden", Linear.builder().setUnits(spec.hiddenSize()).build());
        dropout = addChildBlock("dropout", Dropout.builder().optRate((float) spec.dropout()).build());
        classifier = addChildBlock("classifier", Linear.builder().setUnits(spec.classes()).build());
    }

    /** An SC initialised for three {@code N x d} inputs from {@code seed} (same seed, same weights). */
    public static SemanticClassifierBlock create(SemanticSpec spec, NDManager manager, long seed) {
        Shape rep = new Shape(1, spec.representationSize());
        return SeededInitialization.initialize(new SemanticClassifierBlock(spec), manager, seed,
                rep, rep, rep);
    }

    /** The spec this SC was built from. */
    public SemanticSpec spec() {
        return spec;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        if (inputs.size() != 3) {
            throw new IllegalArgumentException("SemanticClassifierBlock expects NDList(attnRep, "
                    + "causalRep, combiRep), got " + inputs.size() + " arrays");
        }
        NDArray merged = inputs.get(0).concat(inputs.get(1), 1).concat(inputs.get(2), 1);
        NDArray h = Activation.relu(Forward.one(hidden, ps, merged, training, params));
        h = Forward.one(dropout, ps, h, training, params);
        return new NDList(Forward.one(classifier, ps, h, training, params));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), spec.classes())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        if (inputShapes.length != 3) {
            throw new IllegalArgumentException("SemanticClassifierBlock needs 3 input shapes "
                    + "(attn, causal, combi), got " + inputShapes.length);
        }
        long n = inputShapes[0].get(0);
        hidden.initialize(manager, dataType, new Shape(n, 3L * spec.representationSize()));
        dropout.initialize(manager, dataType, new Shape(n, spec.hiddenSize()));
        classifier.initialize(manager, dataType, new Shape(n, spec.hiddenSize()));
    }
}
