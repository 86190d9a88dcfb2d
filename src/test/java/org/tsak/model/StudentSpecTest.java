package org.tsak.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tsak.config.ConfigLoader;
import org.tsak.config.ExperimentConfig;
import org.tsak.config.ModelConfig;

class StudentSpecTest {

    private static StudentSpec strided(int window) {
        return new StudentSpec(3, window, new int[] {16, 32, 32}, 5, new int[] {2, 2, 2}, new int[] {1, 1, 1}, 11);
    }

    private static StudentSpec dilated(int window) {
        return new StudentSpec(3, window, new int[] {24, 32, 48}, 5, new int[] {1, 1, 1}, new int[] {1, 2, 4}, 11);
    }

    @Test
    void lengthsAndReceptiveFieldsByHand() {
        // default: k 5, stride 1: RF = 1 + 4 + 4 = 9 samples (0.3 s at 30 Hz); every layer keeps 60
        StudentSpec d = StudentSpec.defaults(60);
        assertEquals(9, d.receptiveFieldSamples());
        assertEquals(60, d.pooledLength());
        assertEquals(2, d.padding(1));
        // strides [2, 2, 2]: 60 -> 30 -> 15 -> 8; RF = 1 + 4*1 + 4*2 + 4*4 = 29
        StudentSpec s = strided(60);
        assertEquals(30, s.outputLength(1));
        assertEquals(15, s.outputLength(2));
        assertEquals(8, s.outputLength(3));
        assertEquals(29, s.receptiveFieldSamples());
        // odd window: 61 -> 31 -> 16 -> 8 (ceil)
        assertEquals(8, strided(61).pooledLength());
        assertEquals(31, strided(61).outputLength(1));
        // dilations [1, 2, 4]: pads 2, 4, 8; length kept; RF = 1 + 4 + 8 + 16 = 29
        StudentSpec t = dilated(240);
        assertEquals(240, t.pooledLength());
        assertEquals(8, t.padding(2));
        assertEquals(29, t.receptiveFieldSamples());
        // k 7 strides [2, 2, 2]: RF = 1 + 6 + 12 + 24 = 43
        assertEquals(43, new StudentSpec(3, 240, new int[] {32, 48, 64}, 7, new int[] {2, 2, 2},
                new int[] {1, 1, 1}, 11).receptiveFieldSamples());
        assertThrows(IndexOutOfBoundsException.class, () -> s.outputLength(4));
    }

    @Test
    void djlLayerLengthsMatchTheSpec() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (StudentSpec spec : List.of(strided(60), strided(61), strided(7), dilated(60), dilated(5),
                    new StudentSpec(3, 240, new int[] {8, 8}, 3, new int[] {3, 1}, new int[] {2, 3}, 4))) {
                StudentBlock block = StudentBlock.create(spec, manager, 1);
                Block features = block.getChildren().get("01features");
                NDList out = features.forward(new ParameterStore(manager, false),
                        new NDList(manager.randomNormal(new Shape(2, 3, spec.windowSamples()))), false);
                assertEquals(new Shape(2, spec.representationSize(), spec.pooledLength()),
                        out.singletonOrThrow().getShape(), spec.toString());
                assertEquals(new Shape(2, spec.classes()),
                        block.forward(new ParameterStore(manager, false),
                                new NDList(manager.randomNormal(new Shape(2, 3, spec.windowSamples()))), false)
                                .get(StudentBlock.LOGITS).getShape());
            }
        }
    }

    @Test
    void defaultsKeepTheOldStudentAndItsParameterLayout() {
        StudentSpec old = new StudentSpec(3, 60, new int[] {16, 32}, 5, 11);
        assertEquals(StudentSpec.defaults(60), old);
        assertArrayEquals(new int[] {1, 1}, old.strides());
        assertArrayEquals(new int[] {1, 1}, old.dilations());
        assertEquals(old, StudentSpec.of(new ModelConfig.Student(null, null), 3, 60, 11));
        try (NDManager manager = NDManager.newBaseManager()) {
            List<String> plain = names(StudentBlock.create(old, manager, 1));
            List<String> strided = names(StudentBlock.create(new StudentSpec(3, 60, new int[] {16, 32}, 5,
                    new int[] {2, 2}, new int[] {1, 3}, 11), manager, 1));
            // same parameter names, order and shapes: weights saved by earlier versions still load
            assertEquals(plain, strided);
            assertEquals(List.of("01features_04Conv1d_weight (32, 16, 5)", "01features_04Conv1d_bias (32)"),
                    plain.subList(6, 8));
        }
    }

    private static List<String> names(StudentBlock block) {
        return block.getParameters().stream()
                .map(p -> p.getKey() + " " + p.getValue().getArray().getShape()).toList();
    }

    @Test
    void configFactoryAndKeyPathErrors() {
        ExperimentConfig c = ConfigLoader.parse("""
                model:
                  student: {convChannels: [16, 32, 32], kernelSize: 5, strides: [2, 2, 2]}
                """, "s.yaml");
        StudentSpec spec = StudentSpec.of(c.model().student(), 3, 60, 11);
        assertEquals(strided(60), spec);
        assertEquals(List.of(1, 1, 1), c.model().student().dilations());
        String yaml = ConfigLoader.toYaml(c);
        assertTrue(yaml.contains("strides:") && yaml.contains("dilations:"), yaml);
        assertEquals(c.model().student(), ConfigLoader.parse(yaml, "again").model().student());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.parse("""
                model:
                  student: {convChannels: [16, 32, 32], strides: [2, 2]}
                """, "s.yaml"));
        assertTrue(e.getMessage().contains("model.student.strides: 2 entries for 3 conv layers"), e.getMessage());
        assertTrue(e.getMessage().contains("s.yaml"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ModelConfig.Student(List.of(8), 5, null,
                List.of(0)));
        assertTrue(e.getMessage().contains("model.student.dilations[0]: must be an integer >= 1, got 0"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ModelConfig.Student(List.of(8), 4, null, null));
        assertTrue(e.getMessage().contains("model.student.kernelSize: must be odd"), e.getMessage());
    }

    @Test
    void specValidatesAndPrints() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StudentSpec(3, 60, new int[] {8, 8, 8}, 5, new int[] {2, 2}, new int[] {1, 1, 1}, 11));
        assertTrue(e.getMessage().contains("StudentSpec.strides has 2 entries for 3 conv layers"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new StudentSpec(3, 60, new int[] {8}, 5, new int[] {1}, new int[] {-1}, 11));
        assertTrue(e.getMessage().contains("StudentSpec.dilations[0] must be positive, was -1"), e.getMessage());
        assertEquals("StudentSpec[3x60 -> conv [16, 32, 32] k5 strides [2, 2, 2] dilations [1, 1, 1] -> 11 classes;"
                + " receptive field 29 samples, pool over 8]", strided(60).toString());
        int[] s = {2, 2, 2};
        StudentSpec spec = new StudentSpec(3, 60, new int[] {16, 32, 32}, 5, s, new int[] {1, 1, 1}, 11);
        s[0] = 9;
        spec.strides()[1] = 9;
        assertArrayEquals(new int[] {2, 2, 2}, spec.strides());
        assertTrue(spec.stridedOrDilated());
        assertTrue(!StudentSpec.defaults(60).stridedOrDilated());
    }
}
