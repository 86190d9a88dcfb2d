package org.tsak.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import org.tsak.config.Seeds;

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

    /**
     * A head initialised from {@code seed} (same seed, same weights, in any thread): see
     * {@link #initialize(ProjectionHead, NDManager, long)}.
     */
    public static ProjectionHead create(int studentRepresentationSize,
            int teacherRepresentationSize, NDManager manager, long seed) {
        return initialize(new ProjectionHead(studentRepresentationSize, teacherRepresentationSize),
                manager, seed);
    }

    /**
     * Initialises a head that has no weights yet (for example one built inside a
     * {@code StudentTrainingBlock}) from {@code seed}, with arrays in {@code manager} (for
     * training, the model's manager). Drawn from a Java {@code SplittableRandom}, not the
     * engine's generator ({@link JavaRandomInitialization}: weight He normal with fan-in
     * {@code studentRepresentationSize}, bias 0), so the same seed gives bit-identical weights in
     * any thread; a later {@code Trainer.initialize(...)} keeps them.
     *
     * @return {@code head}
     * @throws IllegalStateException if the head is already initialised
     */
    public static ProjectionHead initialize(ProjectionHead head, NDManager manager, long seed) {
        return JavaRandomInitialization.initialize(head, manager, seed,
                new Shape(1, head.studentRepresentationSize));
    }

    /**
     * Initialises every {@link ProjectionHead} among {@code block}'s direct children (the heads
     * of a {@code StudentTrainingBlock}, named {@code projection-<target>}): the head named
     * {@code n} gets the seed {@code Seeds.derive(seed, n)}, where {@code n} is the name given to
     * {@code addChildBlock} without the position prefix DJL adds ({@code 02projection-combi-rep}
     * -> {@code projection-combi-rep}), so a head's weights do not depend on which other heads the
     * strategy has. Call it before {@code Trainer.initialize}.
     *
     * @return the number of heads initialised
     */
    public static int initializeHeads(Block block, NDManager manager, long seed) {
        int n = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            if (child.getValue() instanceof ProjectionHead head) {
                String name = child.getKey().replaceFirst("^[0-9]+", "");
                initialize(head, manager, Seeds.derive(seed, name));
                n++;
            }
        }
        return n;
    }

    /** Input size: the student representation {@code h_s}. */
    public int studentRepresentationSize() {
        return studentRepresentationSize;
    }

    /** Output size: the teacher's representation {@code d}. */
    public int teacherRepresentationSize() {
        return teacherRepresentationSize;
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
