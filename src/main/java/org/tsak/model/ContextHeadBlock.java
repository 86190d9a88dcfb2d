package org.tsak.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The student's temporal context head (docs/METHOD.md, "Temporal context"): a causal layer over
 * the frozen student's per-window representations {@code h_s} of the current window and the
 * {@code S - 1} windows before it in the same recording.
 *
 * <p>Inputs: {@code NDList(context, present, base)} with {@code context} {@code N x S x E} (the
 * representations, oldest first, the current window last), {@code present} {@code N x S}
 * (1 where the past window exists, 0 where it does not: before the recording's start or across
 * a gap; its row of {@code context} is then ignored) and {@code base} {@code N x K}, the
 * student's own logits for the current window. Per window {@code p = ReLU(P h_s + c) x present}
 * ({@code N x S x H}); output {@code NDList(logits)}, {@code logits = base + W flat(p) + b}
 * ({@code N x K}). {@code W} starts at zero, so an untrained head is the student without context.
 * Deployed, {@code p} of each window is computed once and kept in a ring buffer of {@code S}
 * rows: the state carried from second to second.
 */
public final class ContextHeadBlock extends AbstractBlock {

    /** Index of the logits in the output list. */
    public static final int LOGITS = 0;

    private final int steps;
    private final int representationSize;
    private final int projectionSize;
    private final int classes;
    private final Linear projection;
    private final Linear temporal;

    /**
     * @param steps              windows seen, S = past windows + 1
     * @param representationSize the student's E
     * @param projectionSize     H
     * @param classes            K
     */
    public ContextHeadBlock(int steps, int representationSize, int projectionSize, int classes) {
        SpecChecks.positive("ContextHeadBlock", "steps", steps);
        SpecChecks.positive("ContextHeadBlock", "representationSize", representationSize);
        SpecChecks.positive("ContextHeadBlock", "projectionSize", projectionSize);
        SpecChecks.positive("ContextHeadBlock", "classes", classes);
        this.steps = steps;
        this.representationSize = representationSize;
        this.projectionSize = projectionSize;
        this.classes = classes;
        projection = addChildBlock("projection", Linear.builder().setUnits(projectionSize).build());
        temporal = addChildBlock("temporal", Linear.builder().setUnits(classes).build());
    }

    /**
     * A head with weights drawn from {@code seed} ({@link JavaRandomInitialization}) and the
     * temporal weights {@code W} set to zero, arrays in {@code manager}.
     */
    public static ContextHeadBlock create(int steps, int representationSize, int projectionSize, int classes,
            NDManager manager, long seed) {
        ContextHeadBlock head = JavaRandomInitialization.initialize(
                new ContextHeadBlock(steps, representationSize, projectionSize, classes), manager, seed,
                new Shape(1, steps, representationSize), new Shape(1, steps), new Shape(1, classes));
        for (var p : head.temporal.getParameters()) {
            if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                p.getValue().getArray().muli(0);
            }
        }
        return head;
    }

    /** S. */
    public int steps() {
        return steps;
    }

    /** E. */
    public int representationSize() {
        return representationSize;
    }

    /** H. */
    public int projectionSize() {
        return projectionSize;
    }

    /** Parameters: {@code E H + H + S H K + K}. */
    public long parameterCount() {
        return parameterCount(steps, representationSize, projectionSize, classes);
    }

    /** Parameters of a head of {@code S} windows: {@code E H + H + S H K + K}. */
    public static long parameterCount(int steps, int representationSize, int projectionSize, int classes) {
        return (long) representationSize * projectionSize + projectionSize
                + (long) steps * projectionSize * classes + classes;
    }

    /** FLOPs per deployed window of a head of {@code S} windows (see {@link #flopsPerWindow()}). */
    public static long flopsPerWindow(int steps, int representationSize, int projectionSize, int classes) {
        return 2L * representationSize * projectionSize + projectionSize
                + 2L * steps * projectionSize * classes + 2L * classes;
    }

    /**
     * Multiply-adds counted as 2 FLOPs per deployed window: one projection ({@code 2 E H}, plus
     * the ReLU) and the temporal layer ({@code 2 S H K}); past projections come from the state.
     */
    public long flopsPerWindow() {
        return flopsPerWindow(steps, representationSize, projectionSize, classes);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray context = inputs.get(0);
        NDArray present = inputs.get(1);
        NDArray base = inputs.get(2);
        long n = context.getShape().get(0);
        NDArray flat = context.reshape(n * steps, representationSize);
        NDArray p = Forward.one(projection, ps, flat, training, params).maximum(0f)
                .reshape(n, steps, projectionSize)
                .mul(present.reshape(n, steps, 1));
        NDArray out = Forward.one(temporal, ps, p.reshape(n, (long) steps * projectionSize), training, params);
        return new NDList(out.add(base));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), classes)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape c = inputShapes[0];
        if (c.dimension() != 3 || c.get(1) != steps || c.get(2) != representationSize) {
            throw new IllegalArgumentException("ContextHeadBlock expects context N x " + steps + " x "
                    + representationSize + ", got " + c);
        }
        projection.initialize(manager, dataType, new Shape(1, representationSize));
        temporal.initialize(manager, dataType, new Shape(1, (long) steps * projectionSize));
    }
}
