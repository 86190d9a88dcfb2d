package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tsak.config.ConfigLoader;
import org.tsak.config.DistillationConfig;
import org.tsak.distill.DistillationStrategy;
import org.tsak.distill.KdWeights;

class StudentVariantsTest {

    private static List<DistillationStrategy> strategies(String... names) {
        return java.util.Arrays.stream(names).map(DistillationStrategy::parse).toList();
    }

    @Test
    void withoutGridsOneStudentPerStrategyUnderTheConfiguredWeights() {
        DistillationConfig d = new DistillationConfig(List.of("none", "sc-logit"), 3.0, 0.6, 2.0, 1);
        List<StudentVariant> v = StudentVariants.of(d, strategies("none", "sc-logit"), new KdWeights(3, 0.6, 2));
        assertEquals(List.of("none", "sc-logit"), v.stream().map(StudentVariant::name).toList());
        assertEquals(new KdWeights(3, 0.6, 2), v.get(1).kd());
    }

    @Test
    void gridsExpandLogitStrategiesOnlyAndNameTheGriddedSettings() {
        DistillationConfig d = new DistillationConfig(List.of("none", "logit", "combi-rep"), null, 0.7, null, 1,
                List.of(2.0, 8.0), null, List.of(0.2));
        List<StudentVariant> v = StudentVariants.of(d, strategies("none", "logit", "combi-rep"), KdWeights.DEFAULTS);
        assertEquals(List.of("none", "logit@T=2", "logit@T=8", "combi-rep", "ls=0.2"),
                v.stream().map(StudentVariant::name).toList());
        assertEquals(8.0, v.get(2).kd().temperature());
        assertEquals(0.7, v.get(2).kd().alpha());
        StudentVariant control = v.get(4);
        assertTrue(control.strategy().isNone());
        assertEquals(0.2, control.kd().labelSmoothing());

        DistillationConfig both = new DistillationConfig(List.of("none", "sc-logit"), null, null, null, 1,
                List.of(2.0, 4.0), List.of(0.5, 0.9), null);
        assertEquals(List.of("none", "sc-logit@T=2,a=0.5", "sc-logit@T=2,a=0.9", "sc-logit@T=4,a=0.5",
                "sc-logit@T=4,a=0.9"), StudentVariants.of(both, strategies("none", "sc-logit"), KdWeights.DEFAULTS)
                        .stream().map(StudentVariant::name).toList());
    }

    @Test
    void badGridValuesNameTheKeyAndIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("distillation: {strategies: [none], temperatures: [2, -1]}", "grid"));
        assertTrue(e.getMessage().contains("distillation.temperatures[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("distillation: {strategies: [none], labelSmoothingControls: [0]}", "grid"));
        assertTrue(e.getMessage().contains("distillation.labelSmoothingControls[0]"), e.getMessage());
    }
}
