package org.tsak.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.deploy.RandomArtifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code tsak stream --worker-column}: several workers in one input file, and the bound on workers. */
class StreamWorkersCommandTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path model;

    @BeforeAll
    static void writeModel() throws Exception {
        model = dir.resolve("student.tsak");
        RandomArtifacts.rightWristAcc(21L, 30.0, 60, 30).write(model);
    }

    /** {@code workers} workers (W0, W1, ...) of {@code seconds} s at 30 Hz, round robin, clocks 7 s apart. */
    private static Path input(String name, int workers, int seconds) throws Exception {
        StringBuilder sb = new StringBuilder("worker,timestamp_ms,right_wrist/acc_x,right_wrist/acc_y,right_wrist/acc_z\n");
        for (int i = 0; i < seconds * 30; i++) {
            for (int w = 0; w < workers; w++) {
                sb.append('W').append(w).append(',').append(T0 - w * 7000L + Math.round(i * 1000.0 / 30.0)).append(',')
                        .append((float) Math.sin(i * 0.1 + w)).append(',').append((float) Math.cos(i * 0.05) - 0.8f)
                        .append(',').append((float) Math.sin(i * 0.02 * (w + 1))).append('\n');
            }
        }
        Path in = dir.resolve(name);
        Files.writeString(in, sb);
        return in;
    }

    @Test
    void everyLineCarriesItsWorker() throws Exception {
        Path in = input("three.csv", 3, 12);
        CommandRunner.Result r = CommandRunner.run("stream", "--model", model.toString(), "--input", in.toString(),
                "--worker-column", "worker");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err(), "no warnings: time order is checked per worker");
        Map<String, Integer> seconds = new TreeMap<>();
        Map<String, Integer> finals = new TreeMap<>();
        for (String line : r.out().split("\n")) {
            JsonNode n = JSON.readTree(line);
            String w = n.get("worker").asText();
            if (n.has("operation")) {
                seconds.merge(w, 1, Integer::sum);
            }
            if (n.has("metrics") && n.get("metrics").get("final").asBoolean()) {
                finals.merge(w, 1, Integer::sum);
            }
        }
        assertEquals(Map.of("W0", 11, "W1", 11, "W2", 11), seconds);
        assertEquals(Map.of("W0", 1, "W1", 1, "W2", 1), finals);
    }

    @Test
    void theWorkerBoundAndTheOptionsAreChecked() throws Exception {
        Path in = input("two.csv", 2, 3);
        CommandRunner.Result r = CommandRunner.run("stream", "--model", model.toString(), "--input", in.toString(),
                "--worker-column", "worker", "--max-workers", "1");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("line 3: worker 'W1' would be worker 2 of this stream, but at most 1"), r.err());
        r = CommandRunner.run("stream", "--model", model.toString(), "--input", in.toString(), "--max-workers", "4");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--max-workers needs --worker-column"), r.err());
        r = CommandRunner.run("stream", "--model", model.toString(), "--input", in.toString(),
                "--worker-column", "operator");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("the header lacks the worker column 'operator'"), r.err());
        List<String> help = List.of(CommandRunner.run("stream", "--help").out().split("\n"));
        assertTrue(help.stream().anyMatch(l -> l.contains("--worker-column=NAME")), String.join("\n", help));
    }
}
