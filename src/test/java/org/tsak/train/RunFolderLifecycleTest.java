package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.config.ConfigLoader;
import org.tsak.eval.ComparisonRow;

/** A run folder stays usable: unreadable data leaves no config behind; extra strategies reach the table. */
class RunFolderLifecycleTest {

    @TempDir
    Path tmp;

    @Test
    void dataThatCannotBeReadLeavesNoConfigThatWouldNeedForce() {
        String yaml = "name: broken\ndata:\n  source: openpack\n  path: " + tmp.resolve("no-such-folder") + "\n";
        Path run = tmp.resolve("run");
        assertThrows(Exception.class, () -> new ExperimentRunner(ConfigLoader.parse(yaml, "broken.yaml"), run,
                ProgressListener.NONE).train());
        assertFalse(Files.exists(run.resolve("config.yaml")), "config.yaml written although the data did not read");
    }

    @Test
    void aStrategyDistilledOutsideTheConfigListAppearsInTheTable() throws IOException {
        String yaml = ExperimentRunnerTest.TINY.replace("distillation: {seeds: 1}",
                "distillation: {seeds: 1, strategies: [none, sc-logit]}");
        Path run = tmp.resolve("extra");
        new ExperimentRunner(ConfigLoader.parse(yaml, "tiny"), run, ProgressListener.NONE).run();
        ExperimentRunner again = ExperimentRunner.open(run, ProgressListener.NONE);
        again.distill(List.of("logit"));
        List<String> labels = ExperimentRunner.open(run, ProgressListener.NONE).evaluate().table().rows().stream()
                .map(ComparisonRow::label).toList();
        assertTrue(labels.contains("student [logit]"), labels.toString());
        assertTrue(labels.contains("student [sc-logit]"), labels.toString());
    }
}
