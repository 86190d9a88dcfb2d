package org.tsak.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.testing.SharedDatasets;

class DataCommandsTest {

    @Test
    void inspectOfTheOpenPackSampleReportsOneSessionAndTheGroundTruthSeconds() throws IOException {
        Path root = SharedDatasets.openPackSampleOrSkip();
        CommandRunner.Result r = CommandRunner.run("data", "inspect", root.toString(), "--repeat", "2");
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.contains("subjects: 1 [U0209]"), out);
        assertTrue(out.contains("sessions: 1"), out);
        assertTrue(out.contains("U0209-S0500: 46,800 samples"), out);
        assertTrue(out.contains("(23.40 min)"), out);
        // per-class seconds equal a direct count of the 1 Hz file
        Map<String, Integer> expected = new TreeMap<>();
        List<String> lines = Files.readAllLines(root.resolve("U0209/annotation/openpack-operations-1hz/S0500.csv"));
        for (String line : lines.subList(1, lines.size())) {
            expected.merge(line.split(",")[4], 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            Matcher m = Pattern.compile("(?m)^\\s+" + e.getKey() + " .*?\\s(\\d+) s ").matcher(out);
            assertTrue(m.find(), "no line for class " + e.getKey() + " in\n" + out);
            assertEquals(e.getValue().intValue(), Integer.parseInt(m.group(1)), "seconds of " + e.getKey());
        }
        assertTrue(out.contains("read: "), out);
        assertTrue(out.contains("U0209-S0500 atr01: 46,800 rows, 33.33 Hz"), out);
        assertTrue(out.matches("(?s).*U0209-S0500 e4/bvp: [0-9,]+ rows, 6[34]\\.\\d\\d Hz.*"), out);
        assertTrue(out.matches("(?s).*U0209-S0500 e4/eda: [0-9,]+ rows, 4\\.00 Hz.*"), out);
    }

    @Test
    void simulateThenInspectRoundTrips(@TempDir Path dir) {
        CommandRunner.Result sim = CommandRunner.run("data", "simulate", "--out", dir.toString(), "--workers", "2",
                "--sessions", "1", "--boxes", "1", "--seed", "3");
        assertEquals(0, sim.exitCode(), sim.err());
        assertTrue(Files.exists(dir.resolve("W01-S01.csv")), sim.out());
        CommandRunner.Result r = CommandRunner.run("data", "inspect", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("subjects: 2 [W01, W02]"), r.out());
        assertTrue(r.out().contains("right_wrist: acc_x acc_y acc_z"), r.out());
    }

    @Test
    void inspectOfAFolderThatIsNotADatasetFailsClearly(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        CommandRunner.Result r = CommandRunner.run("data", "inspect", dir.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("not a dataset"), r.err());
        assertTrue(r.err().contains(dir.toString()), r.err());
    }

    @Test
    void simulateRejectsBadArgumentsAsUsageErrors(@TempDir Path dir) {
        CommandRunner.Result r = CommandRunner.run("data", "simulate", "--out", dir.toString(), "--workers", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().toLowerCase().contains("worker"), r.err());
    }
}
