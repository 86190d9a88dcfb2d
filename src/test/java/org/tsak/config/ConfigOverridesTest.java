package org.tsak.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code --set key.path=value}: overrides reach the config and are checked like the file. */
class ConfigOverridesTest {

    private static final ExperimentConfig BASE = ConfigLoader.parse("""
            name: x
            training:
              teacher: {epochs: 8}
            distillation: {strategies: [none, logit, sc-logit]}
            """, "x.yaml");

    @Test
    void valuesListsAndNewKeysOfKnownSectionsApply() {
        ExperimentConfig c = ConfigLoader.withOverrides(BASE, List.of("training.teacher.epochs=1",
                "distillation.strategies=[none, sc-logit]", "model.student.widths=[0.5, 1]", "seed=9"));
        assertEquals(1, c.training().teacher().epochs());
        assertEquals(List.of("none", "sc-logit"), c.distillation().strategies());
        assertEquals(List.of(0.5, 1.0), c.model().student().widths());
        assertEquals(9, c.seed());
        assertEquals(8, BASE.training().teacher().epochs(), "the original is unchanged");
        assertSame(BASE, ConfigLoader.withOverrides(BASE, List.of()));
    }

    @Test
    void wrongKeysValuesAndFormsFailNamingTheOverride() {
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.withOverrides(BASE, List.of("training.teacher.epoch=1"))).getMessage();
        assertTrue(unknown.contains("--set training.teacher.epoch=1") && unknown.contains("epoch"), unknown);
        String range = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.withOverrides(BASE, List.of("training.teacher.epochs=0"))).getMessage();
        assertTrue(range.contains("training.teacher.epochs: must be > 0, got 0"), range);
        String form = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.withOverrides(BASE, List.of("training.teacher.epochs"))).getMessage();
        assertTrue(form.contains("expected key.path=value"), form);
        String section = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.withOverrides(BASE, List.of("seed.x=1"))).getMessage();
        assertTrue(section.contains("seed is a value, not a section"), section);
    }
}
