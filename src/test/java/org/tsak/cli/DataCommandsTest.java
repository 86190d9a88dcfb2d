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

    /** Copies the sample's U0209 folder under {@code dir} (as user {@code user}); returns the user folder. */
    private static Path copyOfSample(Path dir, String user) throws IOException {
        Path from = SharedDatasets.openPackSampleOrSkip().resolve("U0209");
        Path to = dir.resolve(user);
        try (java.util.stream.Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        return to;
    }

    @Test
    void aMissingDeviceFileIsReportedForItsSessionAndTheRestIsInspected(@TempDir Path dir) throws IOException {
        Path user = copyOfSample(dir, "U0209");
        Files.delete(user.resolve("atr/atr03/S0500.csv"));
        CommandRunner.Result r = CommandRunner.run("data", "inspect", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.contains("U0209-S0500: 46,800 samples"), out);
        assertTrue(out.contains("36 channels"), "46 channels but atr03's 10: " + out);
        assertTrue(out.contains("left out (missing or empty, see the notes): atr03/acc atr03/gyro atr03/quat"), out);
        assertTrue(out.contains("U0209-S0500: atr03/acc: missing file atr/atr03/S0500.csv; left out of this session"), out);

        // deselecting the device, as the note advises, is now possible
        CommandRunner.Result some = CommandRunner.run("data", "inspect", dir.toString(), "--sensors",
                "atr01/acc,atr02/acc");
        assertEquals(0, some.exitCode(), some.err());
        assertTrue(some.out().contains("6 channels"), some.out());
        assertTrue(!some.out().contains("atr03"), some.out());
        assertTrue(some.out().contains("right_wrist: acc_x acc_y acc_z"), some.out());
    }

    @Test
    void aSessionThatCannotBeReadIsListedAndTheOthersInspectedWithExitCodeOne(@TempDir Path dir) throws IOException {
        copyOfSample(dir, "U0209");
        Path broken = copyOfSample(dir, "U0301").resolve("atr/atr01/S0500.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(broken));
        lines.set(9, lines.get(9).replaceFirst(",[^,]*,", ",abc,")); // line 10, acc_x
        Files.write(broken, lines);
        CommandRunner.Result r = CommandRunner.run("data", "inspect", dir.toString(), "--quiet");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("U0209-S0500: 46,800 samples"), r.out());
        assertTrue(r.out().contains("not read: 1"), r.out());
        assertTrue(r.out().contains("U0301-S0500: not read: " + broken + " line 10 column 'acc_x' value 'abc'"), r.out());
        assertTrue(r.err().contains("1 session(s) or file(s) could not be read"), r.err());
        assertTrue(!r.out().contains("\nread: "), "--quiet: no read times\n" + r.out());
    }

    @Test
    void aDropoutOfTheLeftWristCountsOnTheSessionLine(@TempDir Path dir) throws IOException {
        Path atr02 = copyOfSample(dir, "U0209").resolve("atr/atr02/S0500.csv");
        List<String> kept = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(atr02)) {
            String t = line.substring(0, line.indexOf(','));
            if (!t.matches("\\d+") || Long.parseLong(t) < 1648532000000L || Long.parseLong(t) >= 1648532010000L) {
                kept.add(line);
            }
        }
        Files.write(atr02, kept);
        CommandRunner.Result r = CommandRunner.run("data", "inspect", dir.toString(), "--verbose");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("1 gaps {atr02=1} (longest interval 30 ms); windows of 2 s (1 s stride):"
                + " 1,405 kept, 12 dropped for gaps"), r.out());
        assertTrue(r.out().contains("gaps of atr02: 1 gap(s), longest 10,020 ms"), r.out());
        assertTrue(r.out().contains("U0209-S0500 atr02: no sample from 1648531999980 to 1648532010000 ms (10020 ms)"),
                "--verbose lists every gap\n" + r.out());
    }

    @Test
    void sensorsAreCheckedAsUsageErrors(@TempDir Path dir) {
        CommandRunner.Result bad = CommandRunner.run("data", "inspect", dir.toString(), "--sensors", "atr05/acc");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("unknown OpenPack sensor 'atr05/acc'; valid keys are atr01/acc"), bad.err());
        CommandRunner.Result sim = CommandRunner.run("data", "simulate", "--out", dir.toString(), "--workers", "1",
                "--sessions", "1", "--boxes", "1", "--quiet");
        assertEquals(0, sim.exitCode(), sim.err());
        CommandRunner.Result csv = CommandRunner.run("data", "inspect", dir.toString(), "--sensors", "atr01/acc");
        assertEquals(2, csv.exitCode());
        assertTrue(csv.err().contains("holds CSV recordings"), csv.err());
    }

    @Test
    void simulateTakesQuietAndVerboseLikeTheOtherLongCommands(@TempDir Path dir) {
        CommandRunner.Result quiet = CommandRunner.run("data", "simulate", "--out", dir.toString(), "--workers", "2",
                "--sessions", "1", "--boxes", "1", "--seed", "3", "--quiet");
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertEquals(dir.resolve("W01-S01.csv") + "\n" + dir.resolve("W02-S01.csv") + "\n",
                quiet.out().replace("\r\n", "\n"), "results only: the files written");
        CommandRunner.Result verbose = CommandRunner.run("data", "simulate", "--out", dir.toString(), "--workers", "1",
                "--sessions", "1", "--boxes", "1", "--seed", "3", "-v");
        assertEquals(0, verbose.exitCode(), verbose.err());
        assertTrue(verbose.out().contains("W01-S01: "), verbose.out());
        assertTrue(verbose.out().contains("note: synthetic:"), verbose.out());
    }

    @Test
    void simulateRejectsBadArgumentsAsUsageErrors(@TempDir Path dir) {
        CommandRunner.Result r = CommandRunner.run("data", "simulate", "--out", dir.toString(), "--workers", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().toLowerCase().contains("worker"), r.err());
    }
}
