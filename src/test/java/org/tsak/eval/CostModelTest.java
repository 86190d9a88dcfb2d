package org.tsak.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import java.util.List;

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
    void stridedAndDilatedStudentsByHand() {
        // strides [2, 2], L = 8 -> 4 -> 2; params unchanged (70)
        StudentSpec strided = new StudentSpec(3, 8, new int[] {2, 4}, 3, new int[] {2, 2}, new int[] {1, 1}, 2);
        assertEquals(70, CostModel.studentParams(strided));
        // conv1 2*3*3*2*4 = 144, BN 2*2*4 = 16; conv2 2*2*3*4*2 = 96, BN 2*4*2 = 16; pool 4*2 = 8;
        //   linear 2*4*2 = 16 -> 144 + 16 + 96 + 16 + 8 + 16 = 296
        assertEquals(296, CostModel.studentFlops(strided));
        // odd window L = 9 -> ceil(9/2) = 5 -> 3: conv1 2*3*3*2*5 = 180, BN 20; conv2 2*2*3*4*3 = 144, BN 24;
        //   pool 4*3 = 12; linear 16 -> 396
        assertEquals(396, CostModel.studentFlops(
                new StudentSpec(3, 9, new int[] {2, 4}, 3, new int[] {2, 2}, new int[] {1, 1}, 2)));
        // dilations [1, 2] keep L = 4 and the tap count: the same 416 FLOPs and 70 params as TINY_STUDENT
        StudentSpec dilated = new StudentSpec(3, 4, new int[] {2, 4}, 3, new int[] {1, 1}, new int[] {1, 2}, 2);
        assertEquals(70, CostModel.studentParams(dilated));
        assertEquals(416, CostModel.studentFlops(dilated));
    }

    /**
     * Receptive field, parameters and FLOPs per window of candidate students for 2 s (60 samples)
     * and 8 s (240 samples) windows at 30 Hz, 3 input channels, 11 classes. The expected numbers
     * were worked out separately from the layer formulas (class comment).
     */
    @Test
    void candidateStudentsForTwoAndEightSecondWindows() {
        record Candidate(String name, int[] channels, int kernel, int[] strides, int[] dilations, long rf,
                long params, long flops60, long flops240) {
        }
        List<Candidate> candidates = List.of(
                new Candidate("[16,32] k5 (today)", new int[] {16, 32}, 5, new int[] {1, 1}, new int[] {1, 1},
                        9, 3_307, 344_384, 1_375_424),
                new Candidate("[16,32,32] k5 strides [2,2,2]", new int[] {16, 32, 32}, 5, new int[] {2, 2, 2},
                        new int[] {1, 1, 1}, 29, 8_523, 176_512, 683_264),
                new Candidate("[24,32,48] k5 dilations [1,2,4]", new int[] {24, 32, 48}, 5, new int[] {1, 1, 1},
                        new int[] {1, 2, 4}, 29, 12_731, 1_442_016, 5_764_896),
                new Candidate("[32,48,64] k7 strides [2,2,2]", new int[] {32, 48, 64}, 7, new int[] {2, 2, 2},
                        new int[] {1, 1, 1}, 43, 34_075, 713_248, 2_762_368),
                new Candidate("[16,32,32,48] k5 strides [2,2,2,2]", new int[] {16, 32, 32, 48}, 5,
                        new int[] {2, 2, 2, 2}, new int[] {1, 1, 1, 1}, 61, 16_523, 238_624, 915_216),
                new Candidate("[16,32,32,48,64] k5 strides 2 x5", new int[] {16, 32, 32, 48, 64}, 5,
                        new int[] {2, 2, 2, 2, 2}, new int[] {1, 1, 1, 1, 1}, 125, 32_251, 300_608, 1_162_144),
                new Candidate("[16,24,32,48,64,64] k5 strides 2 x6", new int[] {16, 24, 32, 48, 64, 64}, 5,
                        new int[] {2, 2, 2, 2, 2, 2}, new int[] {1, 1, 1, 1, 1, 1}, 253, 50_979, 301_712, 1_171_680),
                new Candidate("[32,48,64] k7 strides [2,2,2] dilations [1,2,4]", new int[] {32, 48, 64}, 7,
                        new int[] {2, 2, 2}, new int[] {1, 2, 4}, 127, 34_075, 713_248, 2_762_368));
        System.out.println("| student | receptive field (samples) | params | FLOPs / 2 s window (60) | pooled over "
                + "| FLOPs / 8 s window (240) | pooled over |");
        for (Candidate c : candidates) {
            StudentSpec s60 = new StudentSpec(3, 60, c.channels(), c.kernel(), c.strides(), c.dilations(), 11);
            StudentSpec s240 = new StudentSpec(3, 240, c.channels(), c.kernel(), c.strides(), c.dilations(), 11);
            assertEquals(c.rf(), s60.receptiveFieldSamples(), c.name());
            assertEquals(c.params(), CostModel.studentParams(s60), c.name());
            assertEquals(c.flops60(), CostModel.studentFlops(s60), c.name());
            assertEquals(c.flops240(), CostModel.studentFlops(s240), c.name());
            System.out.printf(java.util.Locale.ROOT, "| %s | %d (%.2f s) | %,d | %,d | %d | %,d | %d |%n", c.name(),
                    c.rf(), c.rf() / 30.0, c.params(), c.flops60(), s60.pooledLength(), c.flops240(),
                    s240.pooledLength());
        }
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
            for (StudentSpec spec : new StudentSpec[] {
                new StudentSpec(3, 60, new int[] {16, 32, 32}, 5, new int[] {2, 2, 2}, new int[] {1, 1, 1}, 11),
                new StudentSpec(3, 240, new int[] {24, 32, 48}, 5, new int[] {1, 1, 1}, new int[] {1, 2, 4}, 11)}) {
                assertEquals(CostModel.studentParams(spec),
                        BlockParameters.learnableCount(StudentBlock.create(spec, manager, 1)), spec.toString());
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
