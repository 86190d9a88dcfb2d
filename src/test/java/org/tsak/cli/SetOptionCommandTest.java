package org.tsak.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --set KEY=VALUE} on {@code tsak train} and {@code tsak experiment}: an override that makes
 * the config invalid is refused with the key and the override named, before a run folder exists.
 */
class SetOptionCommandTest {

    @TempDir
    Path dir;

    @Test
    void invalidOverrideIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path config = Files.writeString(dir.resolve("tiny.yaml"), "name: tiny\ndata: {source: simulator}\n");
        for (String cmd : new String[] {"train", "experiment"}) {
            Path run = dir.resolve("run-" + cmd);
            CommandRunner.Result r = CommandRunner.run(cmd, "--config", config.toString(), "--out", run.toString(),
                    "--set", "training.teacher.epochs=0");
            assertNotEquals(0, r.exitCode(), cmd + ": " + r.out());
            assertTrue(r.err().contains("training.teacher.epochs") && r.err().contains("--set"), cmd + ": " + r.err());
            assertFalse(Files.exists(run), cmd + " wrote " + run);
        }
    }
}
