package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.config.ConfigLoader;
import org.tsak.io.RunLayout;

/**
 * Tasks keyed by their inputs ({@link TaskKeys}): a second run does nothing; a config edited in the
 * run folder retrains exactly the models whose inputs changed, and the table refuses models made
 * with other inputs. Real DJL training on a tiny simulated line.
 */
class TaskKeysTest {

    static final String TINY = """
            name: keys
            seed: 11
            data:
              source: simulator
              simulator: {workers: 4, sessions: 1, boxes: 2}
              split: {kind: subject, train: [W01, W03], validation: [W02], test: [W04]}
            model:
              teacher: {embedChannels: 16, representationSize: 16}
              semantic: {hiddenSize: 16}
              student: {convChannels: [8, 8]}
            training:
              teacher: {epochs: 1, batchSize: 32}
              semantic: {epochs: 1, batchSize: 32}
              student: {epochs: 1, batchSize: 32}
            distillation: {seeds: 1, strategies: [none, logit], temperature: 4.0}
            evaluation: {latencyRuns: 30, warmupRuns: 10, throughputBatch: 8, baselines: []}
            """;

    @TempDir
    Path tmp;

    @Test
    void editedConfigRetrainsOnlyTheModelsWhoseInputsChanged() throws Exception {
        Path run = tmp.resolve("run");
        new ExperimentRunner(ConfigLoader.parse(TINY, "keys"), run, ProgressListener.NONE).run();
        Path none = run.resolve("students/none/seed-0");
        Path logit = run.resolve("students/logit/seed-0");
        Path teacher = run.resolve("teacher");
        for (Path dir : new Path[] {none, logit, teacher, run.resolve("semantic-classifier")}) {
            assertTrue(Files.isRegularFile(RunLayout.taskKey(dir)), dir + " has its task key");
        }
        String logitKey = TaskKeys.saved(logit);
        FileTime noneTime = Files.getLastModifiedTime(RunLayout.metrics(none));
        FileTime teacherTime = Files.getLastModifiedTime(RunLayout.metrics(teacher));
        byte[] noneWeights = Files.readAllBytes(RunLayout.studentWeights(none));

        // a second run of the same config changes nothing
        ExperimentRunner.open(run, ProgressListener.NONE).distill(null);
        assertEquals(noneTime, Files.getLastModifiedTime(RunLayout.metrics(none)));
        assertEquals(logitKey, TaskKeys.saved(logit));

        Path config = run.resolve("config.yaml");
        String yaml = Files.readString(config);
        assertTrue(yaml.contains("temperature: 4.0"), yaml);
        Files.writeString(config, yaml.replace("temperature: 4.0", "temperature: 2.0")
                .replaceAll("temperatures:\\s*\\n(\\s*)- 4.0", "temperatures:\n$1- 2.0")
                .replace("temperatures: [4.0]", "temperatures: [2.0]"));

        IllegalStateException stale = assertThrows(IllegalStateException.class,
                () -> ExperimentRunner.open(run, ProgressListener.NONE).evaluate());
        assertTrue(stale.getMessage().contains("other inputs") && stale.getMessage().contains("logit"),
                stale.getMessage());

        ExperimentRunner.open(run, ProgressListener.NONE).distill(null);
        assertNotEquals(logitKey, TaskKeys.saved(logit), "the logit student learns at another temperature");
        assertEquals(noneTime, Files.getLastModifiedTime(RunLayout.metrics(none)),
                "the student without a teacher does not depend on the temperature: kept");
        assertArrayEquals(noneWeights, Files.readAllBytes(RunLayout.studentWeights(none)));
        assertEquals(teacherTime, Files.getLastModifiedTime(RunLayout.metrics(teacher)), "teacher kept");
        ExperimentRunner.open(run, ProgressListener.NONE).evaluate();
    }

    @Test
    void aModelMadeBeforeKeysIsKeptAndAnUnreadableKeyIsNamed(@TempDir Path dir) throws IOException {
        assertTrue(TaskKeys.matches(dir, "anything"), "no task.json: made before keys, kept");
        TaskKeys.claim(dir, "abc");
        assertTrue(TaskKeys.matches(dir, "abc"));
        Files.writeString(dir.resolve("leftover.bin"), "x");
        assertTrue(TaskKeys.claim(dir, "def"), "another key empties the folder");
        assertTrue(Files.notExists(dir.resolve("leftover.bin")));
        assertEquals("def", TaskKeys.saved(dir));
        Files.writeString(RunLayout.taskKey(dir), "{\"recipe\": 1}");
        IOException bad = assertThrows(IOException.class, () -> TaskKeys.saved(dir));
        assertTrue(bad.getMessage().contains("task.json") && bad.getMessage().contains("'key'"), bad.getMessage());
    }
}
