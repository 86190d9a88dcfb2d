package org.tsak.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    @Test
    void shippedConfigsLoad() throws IOException {
        ExperimentConfig demo = ConfigLoader.load(Path.of("configs/demo.yaml"));
        assertEquals("demo", demo.name());
        assertEquals("simulator", demo.data().source());
        assertEquals(5, demo.distillation().strategies().size());
        assertEquals("leave-one-subject-out", demo.data().split().kind());
        ExperimentConfig sample = ConfigLoader.load(Path.of("configs/openpack-sample.yaml"));
        assertEquals("time-blocks", sample.data().split().kind());
        assertEquals("1-12", sample.data().split().boxes().train());
        assertTrue(Path.of(sample.data().path()).isAbsolute(), "relative data.path resolved against the config");
        ExperimentConfig full = ConfigLoader.load(Path.of("configs/openpack-full.yaml"));
        assertEquals(44, full.data().split().train().size());
        assertTrue(full.data().split().test().contains("U0102-S0300"));
        ExperimentConfig there = ConfigLoader.load(Path.of("configs/openpack-two-workers.yaml"));
        ExperimentConfig back = ConfigLoader.load(Path.of("configs/openpack-two-workers-reverse.yaml"));
        assertEquals(there.data().split().train(), back.data().split().test());
        assertEquals(there.data().split().test(), back.data().split().train());
        assertEquals(there.model(), back.model());
    }

    @Test
    void defaultsFillAnEmptySection() {
        ExperimentConfig c = ConfigLoader.parse("name: x\n", "test");
        assertEquals(42L, c.seed());
        assertEquals(2.0, c.data().window().seconds());
        assertEquals(4.0, c.distillation().temperature());
        assertEquals(0.7, c.distillation().alpha());
        assertEquals(1.0, c.distillation().beta());
        assertEquals(96, c.model().teacher().embedChannels());
    }

    @Test
    void unknownKeyNamesItsPathAndTheValidKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("training:\n  student:\n    epocs: 3\n", "my.yaml"));
        assertTrue(e.getMessage().contains("my.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("training.student.epocs"), e.getMessage());
        assertTrue(e.getMessage().contains("epochs"), e.getMessage());
    }

    @Test
    void badValueNamesKeyPathAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("data:\n  window: {seconds: -2}\n", "my.yaml"));
        assertTrue(e.getMessage().contains("data.window.seconds"), e.getMessage());
        assertTrue(e.getMessage().contains("-2"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("distillation: {alpha: 1.5}\n", "my.yaml"));
        assertTrue(e2.getMessage().contains("distillation.alpha"), e2.getMessage());
        IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("data: {source: hdf5}\n", "my.yaml"));
        assertTrue(e3.getMessage().contains("data.source") && e3.getMessage().contains("hdf5")
                && e3.getMessage().contains("simulator"), e3.getMessage());
        IllegalArgumentException e4 = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("training:\n  teacher: {epochs: many}\n", "my.yaml"));
        assertTrue(e4.getMessage().contains("training.teacher.epochs"), e4.getMessage());
    }

    @Test
    void timeBlocksNeedBoxesOrFractions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("data:\n  split: {kind: time-blocks}\n", "my.yaml"));
        assertTrue(e.getMessage().contains("time-blocks"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.parse(
                "data:\n  split: {kind: time-blocks, boxes: {train: 1-x, validation: 2, test: 3}}\n", "my.yaml"));
        assertTrue(e2.getMessage().contains("data.split.boxes.train") && e2.getMessage().contains("1-x"),
                e2.getMessage());
    }

    @Test
    void seedsAreDerivedStablyAndDifferPerName() {
        assertEquals(Seeds.derive(42, "teacher", "fold-0"), Seeds.derive(42, "teacher", "fold-0"));
        assertTrue(Seeds.derive(42, "teacher") != Seeds.derive(42, "semantic"));
        assertTrue(Seeds.derive(42, "teacher") != Seeds.derive(43, "teacher"));
        assertTrue(Seeds.derive(1, "ab", "c") != Seeds.derive(1, "a", "bc"), "path separators matter");
    }
}
