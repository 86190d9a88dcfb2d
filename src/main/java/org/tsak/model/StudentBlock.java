package org.tsak.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The TSAK student: a small 1D CNN on one hand's accelerometer.
 *
 * <p>Input: NCW {@code N x C x L} (C = 3 by default), float32. Layers: for each entry
 * {@code c_i} of convChannels, Conv1d(kernel k, stride {@code s_i}, dilation {@code d_i},
 * padding {@code d_i (k - 1) / 2}) + BatchNorm + ReLU: {@code N x c_i x L_(i+1)} with
 * {@code L_(i+1) = ceil(L_i / s_i)} ({@link StudentSpec#outputLength(int)}; {@code L} when every
 * stride is 1); global average pool over the remaining time: representation {@code h_s},
 * {@code N x c_last}; Linear(c_last -> K): logits {@code N x K}.
 * Output: {@code NDList(logits, rep)} at indices {@link #LOGITS}, {@link #REP}.
 *
 * <p>Parameter layout (names, order, shapes) depends only on the channels and kernel, not on
 * strides or dilations, and is the one earlier versions saved.
 */
public final class StudentBlock extends AbstractBlock {

    /** Index of the logits ({@code N x K}) in the output list. */
    public static final int LOGITS = 0;
    /** Index of the representation {@code h_s} ({@code N x c_last}) in the output list. */
    public static final int REP = 1;

    private final StudentSpec spec;
    private final SequentialBlock features;
    private final Linear classifier;

    /** Builds an uninitialised student; see {@link #create} for a seeded, initialised one. */
    public StudentBlock(StudentSpec spec) {
        this.spec = spec;
        features = addChildBlock("features", ConvStack.of(spec.convChannels(), spec.kernelSize(),
                spec.strides(), spec.dilations()));
        classifier = addChildBlock("classifier", Linear.builder().setUnits(spec.classes()).build());
    }

    /**
     * A student initialised for {@code N x inputChannels x windowSamples} from {@code seed}, with
     * its arrays in {@code manager} (for training, the model's manager:
     * {@code model.getNDManager()}).
     *
     * <p>Every parameter is drawn from a Java {@code SplittableRandom} in a fixed order (see
     * {@link JavaRandomInitialization}: He normal conv and linear weights, zero biases,
     * BatchNorm gamma 1, beta 0, running mean 0, running variance 1), never from the engine's
     * global generator: the same (spec, seed) gives bit-identical weights in any thread, while
     * other threads train or reseed the engine. A later {@code block.initialize(...)} or
     * {@code Trainer.initialize(...)} keeps these weights (DJL only fills parameters that have
     * no array yet).
     */
    public static StudentBlock create(StudentSpec spec, NDManager manager, long seed) {
        return JavaRandomInitialization.initialize(new StudentBlock(spec), manager, seed,
                new Shape(1, spec.inputChannels(), spec.windowSamples()));
    }

    /** The spec this student was built from. */
    public StudentSpec spec() {
        return spec;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray rep = Forward.one(features, ps, x, training, params).mean(new int[] {2});
        return new NDList(Forward.one(classifier, ps, rep, training, params), rep);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        long n = inputs[0].get(0);
        return new Shape[] {new Shape(n, spec.classes()), new Shape(n, spec.representationSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape in = inputShapes[0];
        if (in.dimension() != 3 || in.get(1) != spec.inputChannels()) {
            throw new IllegalArgumentException("StudentBlock expects N x " + spec.inputChannels()
                    + " x L (NCW), got " + in);
        }
        features.initialize(manager, dataType, in);
        classifier.initialize(manager, dataType, new Shape(in.get(0), spec.representationSize()));
    }
}
