package org.tsak.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** model.context: lengths in whole window strides, head loss and projection checked with their key paths. */
class ContextConfigTest {

    @Test
    void lengthsMustBeWholeStrides() {
        String e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("model:\n  context: {seconds: 0.4}\n", "x.yaml")).getMessage();
        assertTrue(e.contains("model.context.seconds: 0.4 s is not a whole number of window strides"), e);
        String sweep = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("model:\n  context: {seconds: 4, sweepSeconds: [4, 4.2]}\n", "x.yaml"))
                .getMessage();
        assertTrue(sweep.contains("model.context.sweepSeconds[1]: 4.2 s"), sweep);
        ExperimentConfig half = ConfigLoader.parse(
                "data:\n  window: {seconds: 2.0, strideSeconds: 0.5}\nmodel:\n  context: {seconds: 1.5}\n", "x.yaml");
        assertEquals(3, ModelConfig.Context.pastWindows(half.model().context().seconds(), 0.5));
    }

    @Test
    void headLossAndProjectionAreChecked() {
        String e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("model:\n  context: {seconds: 8, headLoss: foo}\n", "x.yaml")).getMessage();
        assertTrue(e.contains("model.context.headLoss") && e.contains("foo"), e);
        assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("model:\n  context: {seconds: 8, projection: 0}\n", "x.yaml"));
        assertTrue(!ConfigLoader.parse("name: x\n", "x.yaml").model().context().enabled(), "off by default");
    }
}
