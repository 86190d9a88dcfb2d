package org.tsak.model;

/**
 * Shape of the semantic classifier ({@link SemanticClassifierBlock}): concat of the teacher's
 * three representations ({@code 3 d}) -> Linear(hidden) -> ReLU -> Dropout -> Linear(classes).
 *
 * @param representationSize size {@code d} of each teacher representation
 * @param hiddenSize         width of the hidden layer
 * @param dropout            drop rate after the hidden layer, in [0, 1); training only
 * @param classes            number of output classes
 */
public record SemanticSpec(int representationSize, int hiddenSize, double dropout, int classes) {

    /** Default hidden width. */
    public static final int DEFAULT_HIDDEN_SIZE = 128;
    /** Default drop rate. */
    public static final double DEFAULT_DROPOUT = 0.2;

    /** Validates every field; messages name the field and the value. */
    public SemanticSpec {
        SpecChecks.positive("SemanticSpec", "representationSize", representationSize);
        SpecChecks.positive("SemanticSpec", "hiddenSize", hiddenSize);
        SpecChecks.dropout("SemanticSpec", dropout);
        SpecChecks.positive("SemanticSpec", "classes", classes);
    }

    /** The default SC for a teacher: its {@code d} and classes, hidden 128, dropout 0.2. */
    public static SemanticSpec defaults(TeacherSpec teacher) {
        return new SemanticSpec(teacher.representationSize(), DEFAULT_HIDDEN_SIZE,
                DEFAULT_DROPOUT, teacher.classes());
    }
}
