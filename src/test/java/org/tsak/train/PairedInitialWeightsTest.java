package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tsak.model.JavaRandomInitialization;
import org.tsak.model.StudentBlock;
import org.tsak.model.StudentSpec;
import org.tsak.model.StudentTrainingBlock;
import org.tsak.model.TargetKind;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Paired seeds: a student trained with projection heads (feature distillation) and one without
 * start from the same student weights for the same seed, as StudentStage initialises them.
 */
class PairedInitialWeightsTest {

    @Test
    void studentWeightsDoNotDependOnTheStrategysHeads() throws IOException {
        StudentSpec spec = StudentSpec.defaults(60);
        Shape in = new Shape(2, 3, 60);
        try (NDManager m = NDManager.newBaseManager()) {
            StudentTrainingBlock plain = new StudentTrainingBlock(new StudentBlock(spec), List.of(), 32);
            StudentTrainingBlock heads = new StudentTrainingBlock(new StudentBlock(spec),
                    List.of(TargetKind.COMBI_REP, TargetKind.ATTN_REP), 32);
            JavaRandomInitialization.initialize(plain, m, 123, in);
            JavaRandomInitialization.initialize(heads, m, 123, in);
            byte[] a = StageTrainer.weights(plain.student());
            byte[] b = StageTrainer.weights(heads.student());
            assertArrayEquals(a, b);
            StudentTrainingBlock other = new StudentTrainingBlock(new StudentBlock(spec), List.of(), 32);
            JavaRandomInitialization.initialize(other, m, 124, in);
            assertFalse(Arrays.equals(a, StageTrainer.weights(other.student())), "another seed, other weights");
        }
    }
}
