package org.tsak.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tsak experiment} and {@code tsak train} with a config whose data folder is missing. */
class ConfigDataPathCommandTest {

    @TempDir
    Path dir;

    @Test
    void missingDataFolderIsNamedWithKeyAndConfigAndNothingIsWritten() throws IOException {
        Path file = dir.resolve("op.yaml");
        Files.writeString(file, "name: op\ndata:\n  source: openpack\n  path: datasets/none\n");
        for (String cmd : new String[] {"experiment", "train"}) {
            Path out = dir.resolve("run-" + cmd);
            CommandRunner.Result r = CommandRunner.run(cmd, "--config", file.toString(), "--out", out.toString());
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().contains("no such folder: " + dir.resolve("datasets/none").toAbsolutePath().normalize()
                    + " (data.path in " + file.toAbsolutePath().normalize()), r.err());
            assertFalse(r.err().contains("not an OpenPack root"), r.err());
        }
    }
}
