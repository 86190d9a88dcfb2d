package org.tsak.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code distillation.temperature} with {@code distillation.temperatures} (and alpha with alphas):
 * a single value outside the list was silently ignored; now it is refused, a value in the list is
 * accepted, and without a single value the list's first stands for it (so the run folder's saved
 * config, which writes both, reads back).
 */
class DistillationGridConfigTest {

    @Test
    void temperatureOutsideTheListIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.parse(
                "distillation: {strategies: [none, logit], temperature: 3, temperatures: [1, 2]}", "x.yaml"));
        assertTrue(e.getMessage().contains("distillation.temperature: 3.0 is not in distillation.temperatures"
                + " [1.0, 2.0]"), e.getMessage());
    }

    @Test
    void alphaOutsideTheListIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.parse(
                "distillation: {strategies: [none, logit], alpha: 0.7, alphas: [0.5, 0.9]}", "x.yaml"));
        assertTrue(e.getMessage().contains("distillation.alpha: 0.7 is not in distillation.alphas"), e.getMessage());
    }

    @Test
    void valueInTheListOrNoValueIsAcceptedAndSurvivesTheSavedCopy() {
        ExperimentConfig in = ConfigLoader.parse(
                "distillation: {strategies: [none, logit], temperature: 2, temperatures: [1, 2]}", "x.yaml");
        assertEquals(2.0, in.distillation().temperature());
        ExperimentConfig none = ConfigLoader.parse(
                "distillation: {strategies: [none, logit], temperatures: [1, 2], alphas: [0.5, 0.9]}", "x.yaml");
        assertEquals(1.0, none.distillation().temperature());
        assertEquals(0.5, none.distillation().alpha());
        assertEquals(List.of(1.0, 2.0), none.distillation().temperatures());
        ExperimentConfig saved = ConfigLoader.parse(ConfigLoader.toYaml(none), "run/config.yaml");
        assertEquals(none, saved);
        assertEquals(4.0, ConfigLoader.parse("name: x\n", "x").distillation().temperature());
    }
}
