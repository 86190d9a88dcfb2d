package org.tsak.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.Recording;
import org.tsak.data.csv.CsvRecordingWriter;
import org.tsak.data.sim.FactorySimulator;
import org.tsak.data.sim.SimulatorConfig;
import org.tsak.deploy.RandomArtifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 11, kind 1: {@code tsak stream} on a simulated recording whose device resets half-way
 * (its clock restarts at 0): one warning on stderr, exit code 0, and per-second predictions on
 * both sides of the reset (before the fix every later sample was skipped as out of order).
 */
class StreamClockJumpCommandTest {

    @TempDir
    Path dir;

    @Test
    void aDeviceResetHalfWayWarnsOnceAndRecognitionGoesOn() throws Exception {
        Recording sim = new FactorySimulator(new SimulatorConfig(1, 1, 2, 7L)).simulate().get(0);
        StringWriter w = new StringWriter();
        new CsvRecordingWriter().write(sim, w);
        List<String> lines = new ArrayList<>(List.of(w.toString().split("\n")));
        int header = 0;
        while (!lines.get(header).startsWith("timestamp_ms")) {
            header++;
        }
        long[] t = sim.timestampsMs();
        int reset = t.length / 2;
        for (int i = reset; i < t.length; i++) {
            String line = lines.get(header + 1 + i);
            lines.set(header + 1 + i, (t[i] - t[reset]) + line.substring(line.indexOf(',')));
        }
        Path in = Files.writeString(dir.resolve("reset.csv"), String.join("\n", lines) + "\n");
        Path model = dir.resolve("student.tsak");
        RandomArtifacts.rightWristAcc(21L, 30.0, 60, 30).write(model);

        CommandRunner.Result r = CommandRunner.run("stream", "--model", model.toString(), "--input", in.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("line " + (header + 1 + reset + 1) + ": the clock jumped back by "
                + (t[reset - 1] - 0) + " ms"), r.err());
        assertTrue(r.err().contains("skipped or flagged: 1 backward clock jumps"), r.err());
        assertTrue(!r.err().contains("out-of-order"), r.err());
        ObjectMapper json = new ObjectMapper();
        long before = 0;
        long after = 0;
        for (String line : r.out().split("\n")) {
            JsonNode n = json.readTree(line);
            if (n.has("t") && n.has("operation")) {
                if (n.get("t").asLong() >= t[0]) {
                    before++;
                } else {
                    after++;
                }
            }
        }
        long secondsBefore = (t[reset - 1] - t[0]) / 1000;
        long secondsAfter = (t[t.length - 1] - t[reset]) / 1000;
        assertTrue(Math.abs(before - secondsBefore) <= 2, before + " seconds predicted before the reset, of "
                + secondsBefore);
        assertTrue(Math.abs(after - secondsAfter) <= 2, after + " seconds predicted after the reset, of "
                + secondsAfter);
    }
}
