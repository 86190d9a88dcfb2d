package org.tsak.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.deploy.RandomArtifacts;
import org.tsak.deploy.StudentArtifact;

/**
 * {@code tsak stream} with timestamps in seconds instead of ms (whole or fractional) fails with
 * exit 1 naming the line and value instead of skipping nearly every sample and exiting 0; a
 * refused stream prints no zeroed final metrics line before its error.
 */
class StreamTimestampCommandTest {

    @TempDir
    static Path dir;
    private static Path model;

    @BeforeAll
    static void writeModel() throws Exception {
        StudentArtifact a = RandomArtifacts.rightWristAcc(21L, 30.0, 60, 30);
        model = dir.resolve("student.tsak");
        a.write(model);
    }

    private static Path input(String name, boolean fractional) throws Exception {
        StringBuilder sb = new StringBuilder("timestamp_ms,right_wrist/acc_x,right_wrist/acc_y,right_wrist/acc_z\n");
        for (int i = 0; i < 300; i++) {
            double seconds = 1_700_000_000 + i / 30.0;
            sb.append(fractional ? String.format(java.util.Locale.ROOT, "%.3f", seconds)
                    : String.valueOf((long) seconds)).append(",0.1,0.2,9.8\n");
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void wholeSecondsAreRefusedNamingLineAndValue() throws Exception {
        CommandRunner.Result r = CommandRunner.run("stream", "--model", model.toString(), "--input",
                input("seconds.csv", false).toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("line 2: column 'timestamp_ms' value '1700000000' looks like unixtime in seconds"),
                r.err());
        assertFalse(r.out().contains("\"final\""), "no final line before the error: " + r.out());
    }

    @Test
    void fractionalSecondsAreRefusedToo() throws Exception {
        CommandRunner.Result r = CommandRunner.run("stream", "--model", model.toString(), "--input",
                input("fractional.csv", true).toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("line 2: column 'timestamp_ms' value '1700000000.000' looks like unixtime in"
                + " seconds"), r.err());
        assertTrue(r.err().contains("multiply the timestamps by 1000"), r.err());
    }

    @Test
    void headerLackingAChannelPrintsNoFinalLineBeforeTheError() throws Exception {
        Path f = dir.resolve("bad-header.csv");
        Files.writeString(f, "timestamp_ms,right_wrist/acc_x,right_wrist/acc_y\n1700000000000,1,2\n");
        CommandRunner.Result r = CommandRunner.run("stream", "--model", model.toString(), "--input", f.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("", r.out().strip(), "nothing on stdout before the error");
    }
}
