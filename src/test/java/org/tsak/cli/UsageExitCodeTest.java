package org.tsak.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad option value is a usage error, exit 2, in every command (README: 0 success, 1 failure while
 * running, 2 usage error), found before anything is read or written.
 */
class UsageExitCodeTest {

    @TempDir
    Path dir;

    @Test
    void workersBelowOneIsAUsageErrorInEveryCommandThatTakesIt() {
        String config = dir.resolve("missing.yaml").toString();
        String run = dir.resolve("run").toString();
        String[][] commands = {
            {"demo", "--workers", "0", "--out", run},
            {"experiment", "--config", config, "--workers", "0"},
            {"experiment", "--resume", run, "--workers", "-1"},
            {"train", "--config", config, "--workers", "0"},
            {"distill", "--run", run, "--workers", "0"},
            {"distill", "--run", run, "--workers", "two"},
        };
        for (String[] args : commands) {
            CommandRunner.Result r = CommandRunner.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("--workers"), String.join(" ", args) + ": " + r.err());
        }
    }

    @Test
    void unknownStrategyForDistillIsAUsageError() {
        CommandRunner.Result r = CommandRunner.run("distill", "--run", dir.toString(), "--strategy", "none,sc-logitt");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--strategy sc-logitt"), r.err());
    }

    @Test
    void streamOptionErrorsNameTheOptionNotTheField() {
        for (String[] a : new String[][] {{"--metrics-every", "-1"}, {"--min-segment-seconds", "-2"}}) {
            CommandRunner.Result r = CommandRunner.run("stream", "--model", dir.resolve("m.tsak").toString(), a[0],
                    a[1]);
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().startsWith(a[0] + " must be a number of seconds"), r.err());
        }
    }
}
