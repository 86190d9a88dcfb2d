package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

class FiniteWeightsTest {

    private static SequentialBlock block(NDManager m) {
        SequentialBlock b = new SequentialBlock().add(Linear.builder().setUnits(4).build())
                .add(BatchNorm.builder().build());
        b.initialize(m, DataType.FLOAT32, new Shape(2, 3));
        return b;
    }

    @Test
    void finiteWeightsPass() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertDoesNotThrow(() -> FiniteWeights.require(block(m), "teacher", 1));
        }
    }

    @Test
    void aNanRunningStatisticStopsTheStageNamingIt() {
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock b = block(m);
            var running = b.getParameters().stream().filter(p -> p.getKey().endsWith("runningVar")).findFirst()
                    .orElseThrow().getValue().getArray();
            running.set(new ai.djl.ndarray.index.NDIndex("1"), Float.NaN);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> FiniteWeights.require(b, "teacher", 3));
            assertTrue(e.getMessage().contains("stage teacher, epoch 3: 1 of "), e.getMessage());
            assertTrue(e.getMessage().contains("runningVar"), e.getMessage());
        }
    }

    @Test
    void anInfiniteWeightCountsToo() {
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock b = block(m);
            var weight = b.getParameters().get(0).getValue().getArray();
            weight.set(new ai.djl.ndarray.index.NDIndex("0, 0"), Float.POSITIVE_INFINITY);
            assertThrows(IllegalStateException.class, () -> FiniteWeights.require(b, "student", 1));
        }
    }
}
