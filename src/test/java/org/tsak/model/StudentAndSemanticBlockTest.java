package org.tsak.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;

class StudentAndSemanticBlockTest {

    @Test
    void studentOutputsLogitsAndPooledRep() {
        StudentSpec spec = new StudentSpec(3, 8, new int[] {4, 6}, 3, 5);
        try (NDManager manager = NDManager.newBaseManager()) {
            StudentBlock student = StudentBlock.create(spec, manager, 11);
            NDArray x = manager.randomNormal(new Shape(2, 3, 8));
            NDList out = student.forward(new ParameterStore(manager, false), new NDList(x), false);
            assertEquals(new Shape(2, 5), out.get(StudentBlock.LOGITS).getShape());
            assertEquals(new Shape(2, 6), out.get(StudentBlock.REP).getShape());
            // the rep is an average of ReLU outputs, so it is non-negative
            assertTrue(out.get(StudentBlock.REP).gte(0).all().getBoolean());
            // the window length is free: the pool removes time
            NDList longer = student.forward(new ParameterStore(manager, false),
                    new NDList(manager.randomNormal(new Shape(1, 3, 20))), false);
            assertEquals(new Shape(1, 5), longer.get(StudentBlock.LOGITS).getShape());
        }
    }

    @Test
    void studentSeedingIsReproducible() {
        StudentSpec spec = new StudentSpec(3, 8, new int[] {4, 6}, 3, 5);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(new Shape(2, 3, 8));
            ParameterStore ps = new ParameterStore(manager, false);
            float[] a = StudentBlock.create(spec, manager, 5).forward(ps, new NDList(x), false)
                    .get(0).toFloatArray();
            float[] b = StudentBlock.create(spec, manager, 5).forward(ps, new NDList(x), false)
                    .get(0).toFloatArray();
            float[] c = StudentBlock.create(spec, manager, 6).forward(ps, new NDList(x), false)
                    .get(0).toFloatArray();
            assertArrayEquals(a, b, 0f);
            assertTrue(!java.util.Arrays.equals(a, c));
        }
    }

    @Test
    void semanticClassifierConcatenatesThreeRepresentations() {
        SemanticSpec spec = new SemanticSpec(4, 6, 0.5, 3);
        try (NDManager manager = NDManager.newBaseManager()) {
            SemanticClassifierBlock sc = SemanticClassifierBlock.create(spec, manager, 2);
            NDArray a = manager.randomNormal(new Shape(2, 4));
            ParameterStore ps = new ParameterStore(manager, false);
            NDList out = sc.forward(ps, new NDList(a, a.neg(), a.abs()), false);
            assertEquals(1, out.size());
            assertEquals(new Shape(2, 3), out.singletonOrThrow().getShape());
            // inference is deterministic (dropout off)
            assertArrayEquals(out.head().toFloatArray(),
                    sc.forward(ps, new NDList(a, a.neg(), a.abs()), false).head().toFloatArray(),
                    0f);
            assertThrows(IllegalArgumentException.class,
                    () -> sc.forward(ps, new NDList(a, a), false));
            // the hidden layer reads all 3 * d = 12 inputs
            assertEquals(12L * 6 + 6 + 6 * 3 + 3, BlockParameters.learnableCount(sc));
        }
    }

    @Test
    void projectionHeadMapsStudentRepToTeacherSize() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ProjectionHead head = ProjectionHead.create(6, 10, manager, 3);
            NDArray rep = manager.randomNormal(new Shape(2, 6));
            NDArray projected = head.forward(new ParameterStore(manager, false), new NDList(rep),
                    false).singletonOrThrow();
            assertEquals(new Shape(2, 10), projected.getShape());
            assertEquals(6L * 10 + 10, BlockParameters.learnableCount(head));
        }
    }

    @Test
    void specsValidateAndNameTheField() {
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class,
                () -> new TeacherSpec(4, 6, 10, 1, 3, 4, 1, 5, 0.1, 3));
        assertTrue(heads.getMessage().contains("attentionHeads (4)"), heads.getMessage());
        IllegalArgumentException kernel = assertThrows(IllegalArgumentException.class,
                () -> new StudentSpec(3, 60, new int[] {8}, 4, 11));
        assertTrue(kernel.getMessage().contains("StudentSpec.kernelSize"), kernel.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new StudentSpec(3, 60, new int[] {}, 5, 11));
        assertThrows(IllegalArgumentException.class, () -> new SemanticSpec(4, 6, 1.0, 3));
        // the student copies its channel array in and out
        int[] channels = {16, 32};
        StudentSpec spec = new StudentSpec(3, 60, channels, 5, 11);
        channels[0] = 99;
        spec.convChannels()[1] = 99;
        assertArrayEquals(new int[] {16, 32}, spec.convChannels());
        assertEquals(StudentSpec.defaults(60), spec);
        assertEquals(11, TeacherSpec.defaults(50, 60).classes());
    }
}
