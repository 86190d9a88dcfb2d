package org.tsak.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;
import org.tsak.distill.DistillationLoss;

/** Gradients reach every learnable parameter and plain SGD fits a tiny batch. */
class TrainabilityTest {

    @Test
    void teacherFitsATinyBatch() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            TeacherBlock teacher = TeacherBlock.create(TeacherBlockTest.tiny(), manager, 1);
            NDArray x = manager.randomNormal(new Shape(6, 4, 6));
            NDArray y = manager.create(new int[] {0, 1, 2, 0, 1, 2});
            float first = step(teacher, x, y, manager, true);
            float last = first;
            for (int i = 0; i < 40; i++) {
                last = step(teacher, x, y, manager, false);
            }
            assertTrue(last < 0.5f * first, "loss " + first + " -> " + last);
        }
    }

    private static float step(Block block, NDArray x, NDArray y, NDManager manager,
            boolean checkAllGradients) {
        float loss;
        try (NDManager batch = manager.newSubManager()) {
            ParameterStore ps = new ParameterStore(batch, false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // the PyTorch engine accumulates gradients across backward calls: zero first
                gc.zeroGradients();
                NDArray logits = block.forward(ps, new NDList(x), true).get(0);
                NDArray value = DistillationLoss.crossEntropy(logits, y);
                loss = value.getFloat();
                gc.backward(value);
            }
            for (Parameter p : block.getParameters().values()) {
                if (!p.requiresGradient()) {
                    continue; // BatchNorm running statistics
                }
                NDArray grad = p.getArray().getGradient();
                if (checkAllGradients) {
                    assertTrue(grad.abs().sum().getFloat() > 0, "no gradient for " + p.getName());
                }
                p.getArray().subi(grad.mul(0.05f));
            }
        }
        return loss;
    }
}
