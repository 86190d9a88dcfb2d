package org.tsak.train;

import org.tsak.config.ModelConfig;
import org.tsak.data.Operations;
import org.tsak.model.SemanticSpec;
import org.tsak.model.StudentSpec;
import org.tsak.model.TeacherSpec;

/**
 * The one mapping from the config's model sizes and the data's shape to the model specs.
 */
final class ModelSpecs {

    private ModelSpecs() {
    }

    /** The teacher for {@code channels x windowSamples} windows. */
    static TeacherSpec teacher(ModelConfig mc, int channels, int windowSamples) {
        ModelConfig.Teacher t = mc.teacher();
        return new TeacherSpec(channels, windowSamples, t.embedChannels(), t.convLayers(), t.kernelSize(),
                t.attentionHeads(), t.attentionLayers(), t.representationSize(), t.dropout(),
                Operations.CLASS_COUNT);
    }

    /** The semantic classifier on the teacher's representations. */
    static SemanticSpec semantic(ModelConfig mc, TeacherSpec teacher) {
        return new SemanticSpec(teacher.representationSize(), mc.semantic().hiddenSize(), mc.semantic().dropout(),
                Operations.CLASS_COUNT);
    }

    /** The student for {@code channels x windowSamples} windows. */
    static StudentSpec student(ModelConfig.Student s, int channels, int windowSamples) {
        return StudentSpec.of(s, channels, windowSamples, Operations.CLASS_COUNT);
    }
}
