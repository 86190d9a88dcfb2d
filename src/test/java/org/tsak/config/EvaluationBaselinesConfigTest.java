package org.tsak.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code evaluation.baselines} and {@code evaluation.baselineTrees}: defaults, choices and errors. */
class EvaluationBaselinesConfigTest {

    private static ExperimentConfig parse(String evaluation, String context) {
        return ConfigLoader.parse("model: {context: {seconds: " + context + "}}\nevaluation: " + evaluation + "\n",
                "test.yaml");
    }

    @Test
    void defaultTrainsEveryBaselineThatApplies() {
        EvaluationConfig plain = parse("{}", "0").evaluation();
        assertEquals(List.of("random-forest-student-channels", "random-forest-all-channels"),
                plain.baselinesFor(false));
        assertEquals(EvaluationConfig.BASELINES, plain.baselinesFor(true));
        assertEquals(100, plain.baselineTrees());
    }

    @Test
    void listedBaselinesComeInTableOrderAndEmptyMeansNone() {
        EvaluationConfig e = parse("{baselines: [random-forest-all-channels, random-forest-student-channels],"
                + " baselineTrees: 7}", "0").evaluation();
        assertEquals(List.of("random-forest-student-channels", "random-forest-all-channels"), e.baselinesFor(false));
        assertEquals(7, e.baselineTrees());
        assertEquals(List.of(), parse("{baselines: []}", "0").evaluation().baselinesFor(false));
    }

    @Test
    void unknownRepeatedOrInapplicableBaselinesAreNamed() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> parse("{baselines: [random-forest-student-channels, random-forest]}", "0"));
        assertTrue(unknown.getMessage().contains("evaluation.baselines[1]")
                && unknown.getMessage().contains("random-forest-all-channels"), unknown.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> parse("{baselines: [random-forest-all-channels, random-forest-all-channels]}", "0"));
        assertTrue(twice.getMessage().contains("listed twice"), twice.getMessage());
        IllegalArgumentException context = assertThrows(IllegalArgumentException.class,
                () -> parse("{baselines: [random-forest-student-channels+context]}", "0"));
        assertTrue(context.getMessage().contains("model.context.seconds"), context.getMessage());
        IllegalArgumentException trees = assertThrows(IllegalArgumentException.class,
                () -> parse("{baselineTrees: 0}", "0"));
        assertTrue(trees.getMessage().contains("evaluation.baselineTrees"), trees.getMessage());
    }
}
