package org.tsak.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The learned projection {@code P} of feature distillation: Linear(c_last -> d) maps the
 * student representation {@code h_s} ({@code N x c_last}) to the teacher's representation size
 * ({@code N x d}). Used only while training the student; not part of the deployed student and
 * not counted in its size. Input {@code NDList(rep)}, output {@code NDList(projected)}.
 */
public final class ProjectionHead extends AbstractBlock {

    private final int studentRepresentationSize;
    private final int teacherRepresentationSize;
    private final Linear projection;

    /**
     * @param studentRepresentationSize size of {@code h_s} (the student's last conv channels)
     * @param teacherRepresentationSize the teacher's {@code d}
     */
    public ProjectionHead(int studentRepresentationSize, int teacherRepresentationSize) {
        SpecChecks.positive("ProjectionHead", "studentRepresentationSize",
                studentRepresentationSize);
        SpecChecks.positive("ProjectionHead", "teacherRepresentationSize",
                teacherRepresentationSize);
        this.studentRepresentationSize = studentRepresentationSize;
        this.teacherRepresentationSize = teacherRepresentationSize;
        projection = addChildBlock("projection",
                Linear.builder().setUnits(teacherRepresentationSize).build());
    }

    /** A head initialised from {@code seed} (same seed, same weights). */
    public static ProjectionHead create(int studentRepresentationSize,
            int teacherRepresentationSize, NDManager manager, long seed) {
        return SeededInitialization.initialize(
                new ProjectionHead(studentRepresentationSize, teacherRepresentationSize), manager,
                seed, new Shape(1, studentRepresentationSize));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(Forward.one(projection, ps, inputs.singletonOrThrow(), training, params));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), teacherRepresentationSize)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        if (inputShapes[0].get(inputShapes[0].dimension() - 1) != studentRepresentationSize) {
            throw new IllegalArgumentException("ProjectionHead expects N x "
                    + studentRepresentationSize + ", got " + inputShapes[0]);
        }
        projection.initialize(manager, dataType, inputShapes[0]);
    }
}
