package org.tsak.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.deploy.RandomArtifacts;
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.stream.LoopbackEndpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code tsak stream} end to end: stdin, a file, a followed file, a loopback TCP client. */
class StreamCommandTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path model;

    @BeforeAll
    static void writeModel() throws Exception {
        StudentArtifact a = RandomArtifacts.rightWristAcc(21L, 30.0, 60, 30);
        model = dir.resolve("student.tsak");
        a.write(model);
    }

    /** {@code seconds} s of 30 Hz samples, without header, one malformed line at line 100. */
    private static String samples(int seconds) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < seconds * 30; i++) {
            if (i == 99) {
                sb.append(T0).append(",oops,1,2\n");
            }
            sb.append(T0 + Math.round(i * 1000.0 / 30.0)).append(',').append((float) Math.sin(i * 0.1)).append(',')
                    .append((float) Math.cos(i * 0.05) - 0.8f).append(',').append((float) Math.sin(i * 0.02))
                    .append('\n');
        }
        return sb.toString();
    }

    private static List<JsonNode> jsonLines(String out) throws Exception {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static void checkOutput(String out, int seconds) throws Exception {
        List<JsonNode> nodes = jsonLines(out);
        long perSecond = nodes.stream().filter(n -> n.has("t") && n.has("operation")).count();
        // windows end at samples 59, 89, ...: one per second from second 1 on
        assertEquals(seconds - 1, perSecond, out);
        JsonNode first = nodes.get(0);
        assertEquals(T0 + 1000, first.get("t").asLong());
        assertTrue(first.get("confidence").asDouble() > 0 && first.get("confidence").asDouble() <= 1);
        assertTrue(nodes.stream().anyMatch(n -> n.has("segment")), "at least one segment");
        JsonNode last = nodes.get(nodes.size() - 1);
        assertTrue(last.has("metrics"), out);
        assertTrue(last.get("metrics").get("final").asBoolean());
        assertEquals(seconds - 1, last.get("metrics").get("seconds").asDouble(), 1e-9,
                "segments cover every predicted second");
        assertEquals(11, last.get("metrics").get("operationSeconds").size());
    }

    @Test
    void stdinInJsonLinesOutWarningsOnStderr() throws Exception {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(samples(20).getBytes(StandardCharsets.UTF_8)));
            CommandRunner.Result r = CommandRunner.run("stream", "--model", model.toString(), "--metrics-every", "5");
            assertEquals(0, r.exitCode(), r.err());
            checkOutput(r.out(), 20);
            assertEquals(3 + 1, jsonLines(r.out()).stream().filter(n -> n.has("metrics")).count(),
                    "at 5, 10, 15 s and the final report");
            assertTrue(r.err().contains("warning: line 100 column 'right_wrist/acc_x' value 'oops'"), r.err());
            assertTrue(r.err().contains("skipped or flagged: 1 malformed lines"), r.err());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void fileInputToAnOutputFile() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, samples(12));
        Path out = dir.resolve("out/stream.jsonl");
        CommandRunner.Result r = CommandRunner.run("stream", "--model", model.toString(), "--input", in.toString(),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        checkOutput(Files.readString(out), 12);
    }

    @Test
    void aFollowedFileIsReadAsItGrows() throws Exception {
        Path in = dir.resolve("growing.csv");
        String all = samples(10);
        int half = all.indexOf('\n', all.length() / 2) + 1;
        Files.writeString(in, all.substring(0, half - 5)); // ends inside a line
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            Future<CommandRunner.Result> f = ex.submit(() -> CommandRunner.run("stream", "--model", model.toString(),
                    "--input", in.toString(), "--follow", "--poll-ms", "20", "--idle-timeout", "1"));
            Thread.sleep(150);
            Files.writeString(in, all.substring(half - 5), java.nio.file.StandardOpenOption.APPEND);
            CommandRunner.Result r = f.get(20, TimeUnit.SECONDS);
            assertEquals(0, r.exitCode(), r.err());
            checkOutput(r.out(), 10);
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void loopbackTcpClient() throws Exception {
        CommandLine cl = TsakCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> f = ex.submit(() -> cl.execute("stream", "--model", model.toString(),
                    "--input", "tcp://127.0.0.1:0"));
            Pattern listening = Pattern.compile("listening on tcp://127\\.0\\.0\\.1:(\\d+)");
            Matcher m = listening.matcher("");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(m = listening.matcher(err.toString())).find()) {
                assertTrue(System.nanoTime() < deadline, "no 'listening on' line: " + err);
                Thread.sleep(10);
            }
            int port = Integer.parseInt(m.group(1));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                    Writer w = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8)) {
                w.write("timestamp_ms,right_wrist/acc_z,right_wrist/acc_y,right_wrist/acc_x\n");
                for (String line : samples(8).split("\n")) {
                    String[] p = line.split(",");
                    w.write(p[0] + "," + p[3] + "," + p[2] + "," + p[1] + "\n");
                }
            }
            assertEquals(0, f.get(20, TimeUnit.SECONDS), err.toString());
            checkOutput(out.toString(), 8);
            assertTrue(err.toString().contains("client connected"), err.toString());
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void nonLoopbackAddressesAreRefused() {
        CommandRunner.Result r = CommandRunner.run("stream", "--model", model.toString(), "--input",
                "tcp://0.0.0.0:5000");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("not a loopback address"), r.err());
        r = CommandRunner.run("stream", "--model", model.toString(), "--input", "tcp://example.com:5000");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("listens on loopback only"), r.err());
        assertThrows(IllegalArgumentException.class, () -> LoopbackEndpoint.parse("tcp://192.168.1.2:80"));
        assertThrows(IllegalArgumentException.class, () -> LoopbackEndpoint.parse("tcp://127.0.0.1"));
        assertEquals(5000, LoopbackEndpoint.parse("tcp://localhost:5000").port());
        assertTrue(LoopbackEndpoint.parse("tcp://[::1]:5000").address().isLoopbackAddress());
        assertTrue(LoopbackEndpoint.parse("tcp://127.0.0.2:1").address().isLoopbackAddress());
    }

    @Test
    void aHeaderWithoutTheModelChannelsFailsWithExitCode1() throws Exception {
        Path in = dir.resolve("wrong.csv");
        Files.writeString(in, "timestamp_ms,left_wrist/acc_x,left_wrist/acc_y,left_wrist/acc_z\n1,2,3,4\n");
        CommandRunner.Result r = CommandRunner.run("stream", "--model", model.toString(), "--input", in.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("line 1: the header lacks the model's channels [right_wrist/acc_x,"), r.err());
        r = CommandRunner.run("stream", "--model", model.toString(), "--input", dir.resolve("none.csv").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("does not exist"), r.err());
    }
}
