package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsak.config.ConfigLoader;
import org.tsak.config.ExperimentConfig;
import org.tsak.config.TrainingConfig;
import org.tsak.train.LearningRateSchedule.Kind;

/** The schedule and selection keys of training.<stage>: defaults, validation messages, mapping to settings. */
class StageSettingsConfigTest {

    private static String error(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> ConfigLoader.parse(yaml, "my.yaml")).getMessage();
    }

    @Test
    void defaultsKeepTheOldRecipe() {
        TrainingConfig.Stage s = ConfigLoader.parse("name: x\n", "test").training().student();
        assertEquals("constant", s.schedule());
        assertEquals(0.0, s.minLearningRate());
        assertEquals(0, s.warmupEpochs());
        assertEquals("best-validation", s.selection());
        assertEquals(5, s.averageEpochs());
        StageSettings st = StageSettings.of("student", s, 17);
        assertEquals(new StageSettings("student", 30, 64, 0.002, 1e-4, 6, 17), st);
        assertTrue(st.usesEngineRandomness());
    }

    @Test
    void configuredKeysReachTheSettings() {
        ExperimentConfig c = ConfigLoader.parse("""
                training:
                  student: {epochs: 40, batchSize: 32, learningRate: 0.003, weightDecay: 0.0001, patience: 8,
                            schedule: cosine, minLearningRate: 0.0001, warmupEpochs: 2, selection: average-last,
                            averageEpochs: 4}
                """, "test");
        StageSettings st = StageSettings.of("student none", c.training().student(), 5).withEngineRandomness(false);
        assertEquals(new StageSettings("student none", 40, 32, 0.003, 1e-4, 8, 5, Kind.COSINE, 1e-4, 2,
                WeightSelection.AVERAGE_LAST, 4, false), st);
        assertFalse(st.usesEngineRandomness());
        assertTrue(st.withEngineRandomness(true).usesEngineRandomness());
        // the teacher keeps its defaults
        assertEquals(new StageSettings("teacher", 30, 64, 0.002, 1e-4, 6, 1),
                StageSettings.of("teacher", c.training().teacher(), 1));
        // written into run folders and read back unchanged
        assertEquals(c.training(), ConfigLoader.parse(ConfigLoader.toYaml(c), "again").training());
    }

    @Test
    void badValuesNameTheKeyPathAndTheValue() {
        String selection = error("training:\n  student: {selection: foo}\n");
        assertTrue(selection.contains("training.student.selection: 'foo' is not one of best-validation, last,"
                + " average-last"), selection);
        String schedule = error("training:\n  teacher: {schedule: linear}\n");
        assertTrue(schedule.contains("training.teacher.schedule: 'linear' is not one of constant, cosine"), schedule);
        String floor = error("training:\n  semantic: {learningRate: 0.001, minLearningRate: 0.01}\n");
        assertTrue(floor.contains("training.semantic.minLearningRate") && floor.contains("0.01"), floor);
        String warmup = error("training:\n  student: {epochs: 3, warmupEpochs: 3}\n");
        assertTrue(warmup.contains("training.student.warmupEpochs: must be in [0, epochs - 1] = [0, 2], got 3"),
                warmup);
        String negative = error("training:\n  student: {warmupEpochs: -1}\n");
        assertTrue(negative.contains("training.student.warmupEpochs") && negative.contains("-1"), negative);
        String average = error("training:\n  student: {epochs: 3, selection: average-last, averageEpochs: 5}\n");
        assertTrue(average.contains("training.student.averageEpochs: 5 epochs to average but only 3 epochs"), average);
        String zero = error("training:\n  student: {averageEpochs: 0}\n");
        assertTrue(zero.contains("training.student.averageEpochs: must be > 0, got 0"), zero);
        // averageEpochs beyond epochs is fine when nothing is averaged
        assertEquals(5, ConfigLoader.parse("training:\n  student: {epochs: 3}\n", "t").training().student()
                .averageEpochs());
    }

    @Test
    void onlyTheTeacherTakesSeveralSeeds() {
        assertEquals(1, ConfigLoader.parse("name: x\n", "t").training().teacher().seeds());
        assertEquals(3, ConfigLoader.parse("training:\n  teacher: {seeds: 3}\n", "t").training().teacher().seeds());
        String student = error("training:\n  student: {seeds: 3}\n");
        assertTrue(student.contains("training.student.seeds: only the teacher takes several seeds")
                && student.contains("distillation.seeds"), student);
        String zero = error("training:\n  teacher: {seeds: 0}\n");
        assertTrue(zero.contains("training.teacher.seeds: must be > 0, got 0"), zero);
    }

    @Test
    void settingsRefuseWhatTheConfigRefuses() {
        assertThrows(IllegalArgumentException.class, () -> new StageSettings("s", 3, 16, 0.01, 0, 1, 1, Kind.COSINE,
                0.02, 0, WeightSelection.LAST, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new StageSettings("s", 3, 16, 0.01, 0, 1, 1, Kind.COSINE,
                0, 3, WeightSelection.LAST, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new StageSettings("s", 3, 16, 0.01, 0, 1, 1, Kind.COSINE,
                0, 0, WeightSelection.AVERAGE_LAST, 4, true));
        assertThrows(IllegalArgumentException.class, () -> new StageSettings("s", 3, 16, 0.01, 0, 1, 1, null,
                0, 0, WeightSelection.LAST, 1, true));
    }
}
