package org.tsak.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tsak.model.BlockParameters;
import org.tsak.model.SemanticClassifierBlock;
import org.tsak.model.SemanticSpec;
import org.tsak.model.StudentBlock;
import org.tsak.model.StudentSpec;
import org.tsak.model.TeacherBlock;
import org.tsak.model.TeacherSpec;

class CostModelTest {

    /** 2 channels, L = 4, E = 4, 1 conv layer k = 3, 2 heads, 1 attention layer, d = 3, 2 classes. */
    private static final TeacherSpec TINY_TEACHER = new TeacherSpec(2, 4, 4, 1, 3, 2, 1, 3, 0.0, 2);
    /** 3 channels, L = 4, conv {2, 4}, k = 3, 2 classes. */
    private static final StudentSpec TINY_STUDENT = new StudentSpec(3, 4, new int[] {2, 4}, 3, 2);
    /** d = 3, hidden 5, 2 classes. */
    private static final SemanticSpec TINY_SC = new SemanticSpec(3, 5, 0.0, 2);

    @Test
    void tinyTeacherParamsByHand() {
        // conv 2*3*4 + 4 = 28, BN gamma+beta 2*4 = 8                              -> 36
        // attention: Q,K,V,Out 4*(4*4 + 4) = 80, 2 LayerNorms 2*(2*4) = 16,
        //   FFN (F = 2E = 8): 4*8 + 8 = 40 and 8*4 + 4 = 36                        -> 172
        // final LayerNorm 2*4                                                      -> 8
        // Attn projection 4*3 + 3                                                  -> 15
        // LSTM 4*3*4 + 4*3*3 + 2*4*3 = 48 + 36 + 24                                -> 108
        // Combi 6*3 + 3                                                            -> 21
        // classifier 3*2 + 2                                                       -> 8
        // total 36 + 172 + 8 + 15 + 108 + 21 + 8 = 368
        assertEquals(368, CostModel.teacherParams(TINY_TEACHER));
    }

    @Test
    void tinyTeacherFlopsByHand() {
        // conv 2*Cin*K*Cout*L = 2*2*3*4*4 = 192, BN 2*4*4 = 32                     -> 224
        // attention layer (L = 4, E = 4, H = 2, F = 8):
        //   2 LayerNorms 2*7*4*4 = 224, Q,K,V,Out 4*2*4*4*4 = 512, scores 2*4*4*4 = 128,
        //   scaling H*L*L = 32, softmax 2*H*L*L = 64, weighted sum 128, residuals 2*4*4 = 32,
        //   FFN 2*4*4*8 + 2*4*8*4 = 512                                            -> 1632
        // final LayerNorm 7*4*4                                                    -> 112
        // mean over time 4*4                                                       -> 16
        // Attn projection 2*4*3                                                    -> 24
        // LSTM L*(2*4*3*(4 + 3) + 8*3) = 4*(168 + 24)                              -> 768
        // Combi 2*6*3                                                              -> 36
        // classifier 2*3*2                                                         -> 12
        // total 224 + 1632 + 112 + 16 + 24 + 768 + 36 + 12 = 2824
        assertEquals(2824, CostModel.teacherFlops(TINY_TEACHER));
    }

    @Test
    void tinyStudentByHand() {
        // params: conv1 3*3*2 + 2 = 20, BN 4; conv2 2*3*4 + 4 = 28, BN 8; linear 4*2 + 2 = 10
        //   20 + 4 + 28 + 8 + 10 = 70
        assertEquals(70, CostModel.studentParams(TINY_STUDENT));
        // FLOPs: conv1 2*3*3*2*4 = 144, BN 2*2*4 = 16; conv2 2*2*3*4*4 = 192, BN 2*4*4 = 32;
        //   pool 4*4 = 16; linear 2*4*2 = 16 -> 144 + 16 + 192 + 32 + 16 + 16 = 416
        assertEquals(416, CostModel.studentFlops(TINY_STUDENT));
        // projection to d = 3: 4*3 + 3 = 15
        assertEquals(15, CostModel.projectionParams(TINY_STUDENT, 3));
    }

    @Test
    void tinySemanticByHand() {
        // params: Linear(9 -> 5) 45 + 5 = 50, Linear(5 -> 2) 10 + 2 = 12 -> 62
        assertEquals(62, CostModel.semanticParams(TINY_SC));
        // FLOPs: 2*9*5 + 2*5*2 = 90 + 20 = 110; with the teacher 2824 + 110 = 2934
        assertEquals(110, CostModel.semanticFlops(TINY_SC));
        assertEquals(2934, CostModel.semanticWithTeacherFlops(TINY_TEACHER, TINY_SC));
    }

    @Test
    void paramsMatchDjlBlocksForTinyAndDefaultModels() {
        TeacherSpec defaultTeacher = TeacherSpec.defaults(50, 60);
        TeacherSpec twoLayers = new TeacherSpec(7, 9, 12, 3, 5, 3, 2, 10, 0.1, 4);
        StudentSpec defaultStudent = StudentSpec.defaults(60);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (TeacherSpec spec : new TeacherSpec[] {TINY_TEACHER, twoLayers, defaultTeacher}) {
                TeacherBlock teacher = TeacherBlock.create(spec, manager, 1);
                assertEquals(CostModel.teacherParams(spec), BlockParameters.learnableCount(teacher),
                        spec.toString());
                // BatchNorm running mean + variance: 2 per channel per conv layer, not counted
                assertEquals(2L * spec.embedChannels() * spec.convLayers(),
                        BlockParameters.runningStatisticsCount(teacher));
            }
            for (SemanticSpec spec : new SemanticSpec[] {TINY_SC,
                SemanticSpec.defaults(defaultTeacher)}) {
                assertEquals(CostModel.semanticParams(spec), BlockParameters.learnableCount(
                        SemanticClassifierBlock.create(spec, manager, 1)), spec.toString());
            }
            for (StudentSpec spec : new StudentSpec[] {TINY_STUDENT, defaultStudent}) {
                StudentBlock student = StudentBlock.create(spec, manager, 1);
                assertEquals(CostModel.studentParams(spec), BlockParameters.learnableCount(student),
                        spec.toString());
                // running mean + variance per conv channel: tiny 2*(2 + 4), default 2*(16 + 32)
                assertEquals(spec == TINY_STUDENT ? 12 : 96,
                        BlockParameters.runningStatisticsCount(student));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 14})
    void defaultStudentIsSmallAgainstDefaultTeacher(int teacherChannels) {
        TeacherSpec teacher = TeacherSpec.defaults(teacherChannels, 60);
        SemanticSpec sc = SemanticSpec.defaults(teacher);
        StudentSpec student = StudentSpec.defaults(60);
        double paramRatio = (double) CostModel.studentParams(student)
                / CostModel.teacherParams(teacher);
        double flopRatio = (double) CostModel.studentFlops(student)
                / CostModel.teacherFlops(teacher);
        System.out.printf("cost (C=%d, L=60): teacher %,d params %,d FLOPs; SC %,d params "
                + "%,d FLOPs; student %,d params %,d FLOPs; student/teacher params %.2f%% "
                + "FLOPs %.2f%%%n", teacherChannels, CostModel.teacherParams(teacher),
                CostModel.teacherFlops(teacher), CostModel.semanticParams(sc),
                CostModel.semanticFlops(sc), CostModel.studentParams(student),
                CostModel.studentFlops(student), 100 * paramRatio, 100 * flopRatio);
        assertTrue(paramRatio <= 0.10, "params ratio " + paramRatio);
        assertTrue(flopRatio <= 0.02, "FLOPs ratio " + flopRatio);
    }
}
