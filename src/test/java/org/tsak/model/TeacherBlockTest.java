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

class TeacherBlockTest {

    /** A tiny teacher: 4 channels, L = 6, E = 8, 2 heads, d = 5, 3 classes. */
    static TeacherSpec tiny() {
        return new TeacherSpec(4, 6, 8, 2, 3, 2, 2, 5, 0.1, 3);
    }

    @Test
    void outputsHaveDocumentedShapesAndOrder() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TeacherBlock teacher = TeacherBlock.create(tiny(), manager, 7);
            NDArray x = manager.randomNormal(new Shape(2, 4, 6));
            NDList out = teacher.forward(new ParameterStore(manager, false), new NDList(x), false);
            assertEquals(4, out.size());
            assertEquals(new Shape(2, 3), out.get(TeacherBlock.LOGITS).getShape());
            assertEquals(new Shape(2, 5), out.get(TeacherBlock.ATTN_REP).getShape());
            assertEquals(new Shape(2, 5), out.get(TeacherBlock.CAUSAL_REP).getShape());
            assertEquals(new Shape(2, 5), out.get(TeacherBlock.COMBI_REP).getShape());
            // Combi-Rep passes through ReLU
            assertTrue(out.get(TeacherBlock.COMBI_REP).gte(0).all().getBoolean());
            // Causal-Rep is an LSTM hidden state: o * tanh(c) lies in (-1, 1)
            assertTrue(out.get(TeacherBlock.CAUSAL_REP).abs().lt(1).all().getBoolean());
            assertArrayEquals(new Shape[] {new Shape(2, 3), new Shape(2, 5), new Shape(2, 5),
                new Shape(2, 5)}, teacher.getOutputShapes(new Shape[] {new Shape(2, 4, 6)}));
        }
    }

    @Test
    void rowsOfABatchAreIndependentInInference() {
        // BatchNorm uses running statistics in inference, so a row's output must not depend
        // on the other rows of the batch.
        try (NDManager manager = NDManager.newBaseManager()) {
            TeacherBlock teacher = TeacherBlock.create(tiny(), manager, 7);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(2, 4, 6));
            NDArray row0Alone = teacher.forward(ps, new NDList(x.get("0:1")), false)
                    .get(TeacherBlock.LOGITS);
            NDArray both = teacher.forward(ps, new NDList(x), false).get(TeacherBlock.LOGITS);
            assertTrue(row0Alone.allClose(both.get("0:1"), 1e-5, 1e-5, false));
        }
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TeacherBlock a = TeacherBlock.create(tiny(), manager, 42);
            TeacherBlock b = TeacherBlock.create(tiny(), manager, 42);
            TeacherBlock c = TeacherBlock.create(tiny(), manager, 43);
            NDArray x = manager.randomNormal(new Shape(2, 4, 6));
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray la = a.forward(ps, new NDList(x), false).get(0);
            NDArray lb = b.forward(ps, new NDList(x), false).get(0);
            NDArray lc = c.forward(ps, new NDList(x), false).get(0);
            assertArrayEquals(la.toFloatArray(), lb.toFloatArray(), 0f);
            assertTrue(!la.allClose(lc, 1e-4, 1e-4, false));
            var pa = a.getParameters().values();
            var pb = b.getParameters().values();
            for (int i = 0; i < pa.size(); i++) {
                assertArrayEquals(pa.get(i).getArray().toFloatArray(),
                        pb.get(i).getArray().toFloatArray(), 0f, pa.get(i).getName());
            }
        }
    }

    @Test
    void rejectsWrongChannelCount() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TeacherBlock teacher = new TeacherBlock(tiny());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> teacher.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32,
                            new Shape(1, 5, 6)));
            assertTrue(e.getMessage().contains("N x 4 x L"), e.getMessage());
        }
    }
}
