package org.tsak.model;

import java.util.ArrayList;
import java.util.List;


import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The student as it is trained: the deployable {@link StudentBlock} plus one training-only
 * {@link ProjectionHead} per feature-distillation target, mapping the student representation
 * {@code h_s} to the teacher's representation size d.
 *
 * <p>Input: NCW window {@code N x 3 x L}. Output: {@code (logits N x K, rep N x r,
 * P_1(rep) N x d, ..., P_k(rep) N x d)} with the projections in {@link #featureTargets()}
 * order. Only the student's parameters are deployed and counted.
 */
public final class StudentTrainingBlock extends AbstractBlock {

    private final StudentBlock student;
    private final List<TargetKind> featureTargets;
    private final List<ProjectionHead> heads = new ArrayList<>();

    /**
     * @param student          the deployable student
     * @param featureTargets   representation targets needing a projection head (may be empty)
     * @param teacherRepSize   the teacher's representation size d
     */
    public StudentTrainingBlock(StudentBlock student, List<TargetKind> featureTargets, int teacherRepSize) {
        this.student = addChildBlock("student", student);
        this.featureTargets = List.copyOf(featureTargets);
        for (TargetKind k : this.featureTargets) {
            heads.add(addChildBlock("projection-" + k.key(),
                    new ProjectionHead(student.spec().representationSize(), teacherRepSize)));
        }
    }

    /** The deployable student inside. */
    public StudentBlock student() {
        return student;
    }

    /** The feature targets, in output order after (logits, rep). */
    public List<TargetKind> featureTargets() {
        return featureTargets;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList out = student.forward(ps, inputs, training, params);
        NDArray rep = out.get(StudentBlock.REP);
        NDList result = new NDList(out.get(StudentBlock.LOGITS), rep);
        for (ProjectionHead h : heads) {
            result.add(h.forward(ps, new NDList(rep), training, params).singletonOrThrow());
        }
        return result;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        student.initialize(manager, dataType, inputShapes);
        Shape rep = new Shape(inputShapes[0].get(0), student.spec().representationSize());
        for (ProjectionHead h : heads) {
            h.initialize(manager, dataType, rep);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape[] s = student.getOutputShapes(inputs);
        List<Shape> out = new ArrayList<>(List.of(s));
        for (ProjectionHead h : heads) {
            out.addAll(List.of(h.getOutputShapes(new Shape[] {s[StudentBlock.REP]})));
        }
        return out.toArray(new Shape[0]);
    }
}
