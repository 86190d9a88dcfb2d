package org.tsak.deploy.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tsak.data.Recording;
import org.tsak.data.csv.CsvRecordingWriter;
import org.tsak.data.sim.FactorySimulator;
import org.tsak.data.sim.SimulatorConfig;
import org.tsak.deploy.RandomArtifacts;
import org.tsak.deploy.StudentArtifact;

/**
 * Several workers in one input ({@link WorkerStreamSession}): each worker's output is exactly what
 * a single-stream run of its lines alone gives (seconds, segments, metrics, warning counts), with
 * and without a temporal context head, whatever the interleaving and however the workers' clocks
 * differ; and the input's format errors and the bound on workers.
 */
class WorkerStreamSessionTest {

    private static final String HEADER = "timestamp_ms,right_wrist/acc_x,right_wrist/acc_y,right_wrist/acc_z";

    private static StudentArtifact plain() {
        return RandomArtifacts.rightWristAcc(11L, 30.0, 60, 30, new int[] {16, 32});
    }

    private static StudentArtifact withContext() {
        return RandomArtifacts.withContextHead(plain(), 12L, 6, 8);
    }

    /** The data lines (no header) of simulated worker {@code w} of a seeded two-worker line, time shifted. */
    private static List<String> simulated(int w, long shiftMs) throws IOException {
        Recording rec = new FactorySimulator(new SimulatorConfig(2, 1, 2, 7L)).simulate().get(w);
        StringWriter out = new StringWriter();
        new CsvRecordingWriter().write(rec, out);
        String[] lines = out.toString().lines().filter(l -> !l.startsWith("#")).toArray(String[]::new);
        assertTrue(lines[0].startsWith("timestamp_ms,"), lines[0]);
        List<String> data = new ArrayList<>();
        String[] header = lines[0].split(",");
        int[] cols = new int[4];
        List<String> names = List.of(HEADER.split(","));
        for (int i = 0; i < 4; i++) {
            cols[i] = List.of(header).indexOf(names.get(i));
        }
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            data.add((Long.parseLong(f[cols[0]]) + shiftMs) + "," + f[cols[1]] + "," + f[cols[2]] + "," + f[cols[3]]);
        }
        return data;
    }

    /** JSON lines and stderr of a single-stream run of {@code lines} (header first). */
    private static String[] single(StudentArtifact a, List<String> lines) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StreamSession s = new StreamSession(a, new StreamSettings(2, 30), new JsonLinesListener(out, err), "test");
        s.feed(HEADER);
        lines.forEach(s::feed);
        s.finish();
        return new String[] {out.toString(), s.recognizer().warnings().summary()};
    }

    /** Worker lines interleaved: worker A's line i, then worker B's lines in proportion. */
    private static List<String> interleave(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>();
        out.add("worker," + HEADER);
        int j = 0;
        for (int i = 0; i < a.size(); i++) {
            out.add("A," + a.get(i));
            long upTo = (long) (i + 1) * b.size() / a.size();
            while (j < upTo) {
                out.add("B," + b.get(j++));
            }
        }
        return out;
    }

    /** The multi-worker output of one worker, its tag removed, in order. */
    private static String ofWorker(String out, String id) {
        String tag = "{\"worker\": \"" + id + "\", ";
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n")) {
            if (line.startsWith(tag)) {
                sb.append('{').append(line.substring(tag.length())).append('\n');
            } else {
                assertTrue(line.startsWith("{\"worker\": \""), "untagged line: " + line);
            }
        }
        return sb.toString();
    }

    private static void checkSameAsSeparateRuns(StudentArtifact artifact, List<String> a, List<String> b) {
        String[] aloneA = single(artifact, a);
        String[] aloneB = single(artifact, b);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        JsonLinesListener json = new JsonLinesListener(out, err);
        WorkerStreamSession s = new WorkerStreamSession(artifact, new StreamSettings(2, 30), "worker", 4, json,
                json::forWorker, "test");
        interleave(a, b).forEach(s::feed);
        s.finish();
        assertEquals(List.of("A", "B"), s.workerIds());
        assertTrue(aloneA[0].split("\n").length > 100, aloneA[0]);
        assertNotEquals(aloneA[0], aloneB[0]);
        assertEquals(aloneA[0], ofWorker(out.toString(), "A"));
        assertEquals(aloneB[0], ofWorker(out.toString(), "B"));
        assertEquals(aloneA[1], s.recognizer("A").warnings().summary());
        assertEquals(aloneB[1], s.recognizer("B").warnings().summary());
        assertEquals(0, s.warnings().total(), err.toString());
        for (String line : err.toString().split("\n")) {
            assertTrue(line.isEmpty() || line.startsWith("warning: worker A: ") || line.startsWith("warning: worker B: "),
                    line);
        }
    }

    @Test
    void twoWorkersInterleavedGiveWhatTwoSeparateRunsGive() throws IOException {
        // B's clock is 40 s behind A's: in the input B's samples are far "out of order" against A's
        checkSameAsSeparateRuns(plain(), simulated(0, 0), simulated(1, -40_000));
    }

    @Test
    void perWorkerProblemsStayWithTheirWorker() throws IOException {
        List<String> a = new ArrayList<>(simulated(0, 0));
        List<String> b = new ArrayList<>(simulated(1, 5_000));
        a.set(300, a.get(299)); // a repeated sample: out of order for A only
        a.set(400, a.get(400).replaceFirst(",[^,]*$", ",oops"));
        b.subList(1000, 1200).clear(); // a 6.7 s gap in B only
        String[] aloneA = single(plain(), a);
        assertTrue(aloneA[1].contains("1 out-of-order samples") && aloneA[1].contains("1 malformed lines"), aloneA[1]);
        assertTrue(single(plain(), b)[1].contains("1 gaps"), single(plain(), b)[1]);
        checkSameAsSeparateRuns(plain(), a, b);
    }

    @Test
    void contextHeadStatesAreKeptPerWorker() throws IOException {
        List<String> a = simulated(0, 0);
        List<String> b = new ArrayList<>(simulated(1, 0));
        b.subList(600, 690).clear(); // 3 s lost in B: absent seconds in B's context only
        checkSameAsSeparateRuns(withContext(), a, b);
        // and the head matters here: without it, A's seconds differ
        assertNotEquals(single(plain(), a)[0], single(withContext(), a)[0]);
    }

    @Test
    void formatErrorsAndTheWorkerBound() {
        StudentArtifact a = plain();
        CollectingListener l = new CollectingListener();
        WorkerStreamSession noHeader = new WorkerStreamSession(a, StreamSettings.defaults(), "worker", 4, l, id -> l,
                "in.csv");
        StreamFormatException e = assertThrows(StreamFormatException.class,
                () -> noHeader.feed("1700000000000,W1,0.1,0.2,0.3"));
        assertTrue(e.getMessage().contains("needs a header naming the columns, among them the worker column 'worker'"),
                e.getMessage());
        WorkerStreamSession noColumn = new WorkerStreamSession(a, StreamSettings.defaults(), "worker", 4, l, id -> l,
                "in.csv");
        e = assertThrows(StreamFormatException.class, () -> noColumn.feed(HEADER));
        assertTrue(e.getMessage().contains("the header lacks the worker column 'worker'"), e.getMessage());

        WorkerStreamSession bounded = new WorkerStreamSession(a, StreamSettings.defaults(), "worker", 2, l, id -> l,
                "in.csv");
        bounded.feed("worker," + HEADER);
        bounded.feed("W1,1700000000000,0.1,0.2,0.3");
        bounded.feed(",1700000000000,0.1,0.2,0.3");
        bounded.feed("W2,1700000000000,0.1,0.2,0.3");
        bounded.feed("W1,1700000000033,0.1,0.2,0.3");
        e = assertThrows(StreamFormatException.class, () -> bounded.feed("W3,1700000000000,0.1,0.2,0.3"));
        assertTrue(e.getMessage().contains("line 6: worker 'W3' would be worker 3 of this stream, but at most 2"),
                e.getMessage());
        assertEquals(List.of("W1", "W2"), bounded.workerIds());
        assertEquals(2, bounded.recognizer("W1").samplesAccepted());
        assertEquals(1, bounded.warnings().count(WarningKind.MALFORMED));
        assertTrue(l.warnings.get(0).contains("line 3 column 'worker' value '': not a worker id"), l.warnings.get(0));
    }
}
