package org.tsak.deploy.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tsak.data.Recording;
import org.tsak.data.csv.CsvRecordingWriter;
import org.tsak.data.openpack.OpenPackOptions;
import org.tsak.data.openpack.OpenPackReader;
import org.tsak.data.sim.FactorySimulator;
import org.tsak.data.sim.SimulatorConfig;
import org.tsak.data.window.WindowSpec;
import org.tsak.deploy.RandomArtifacts;
import org.tsak.deploy.StudentArtifact;
import org.tsak.testing.SharedDatasets;

/**
 * Issue point 7: a recorded session replayed line by line through the stream engine gives the
 * same per-second predictions as batch evaluation (Windower + StudentRuntime + 1 Hz rule).
 */
class StreamBatchParityTest {

    private static final WindowSpec SPEC = new WindowSpec(2.0, 1.0);

    private static Recording sim;
    private static List<String> simLines;
    private static StudentArtifact simArtifact;

    @BeforeAll
    static void simulate() throws IOException {
        sim = new FactorySimulator(new SimulatorConfig(1, 1, 3, 7L)).simulate().get(0);
        StringWriter w = new StringWriter();
        new CsvRecordingWriter().write(sim, w);
        simLines = List.of(w.toString().split("\n"));
        simArtifact = RandomArtifacts.rightWristAcc(11L, 30.0, SPEC.windowSamples(30.0), SPEC.strideSamples(30.0));
    }

    @Test
    void simulatorRecordingReplayedAsCsvMatchesBatch() {
        assertEquals(60, simArtifact.windowSamples());
        assertEquals(30, simArtifact.strideSamples());
        CollectingListener l = new CollectingListener();
        StreamSession session = new StreamSession(simArtifact, StreamSettings.defaults(), l, "sim");
        long t0 = System.nanoTime();
        simLines.forEach(session::feed);
        session.finish();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("stream replay of %d simulator samples (CSV lines with header): %.0f samples/s%n",
                sim.sampleCount(), sim.sampleCount() / seconds);

        assertEquals(List.of(), l.warnings, "a clean recording gives no warning");
        assertEquals(sim.sampleCount(), session.recognizer().samplesAccepted());
        BatchReference batch = new BatchReference(sim, simArtifact, SPEC);
        assertEquals(batch.windows.size(), session.recognizer().windowsRun(), "same windows");
        assertSameSeconds(batch, l.seconds);
        assertTrue(distinct(l.seconds) >= 2, "the random model predicts more than one class here: "
                + distinct(l.seconds));
    }

    @Test
    void openPackSampleReplayedWithoutHeaderMatchesBatch() throws IOException {
        var root = SharedDatasets.openPackSampleOrSkip();
        Recording rec = new OpenPackReader(OpenPackOptions.of(List.of("atr01/acc"), List.of("U0209"), List.of()))
                .read(root).get(0);
        double rate = rec.samplingRateHz();
        assertEquals(1000.0 / 30.0, rate, 1e-9);
        StudentArtifact a = RandomArtifacts.rightWristAcc(5L, rate, SPEC.windowSamples(rate), SPEC.strideSamples(rate));
        assertEquals(67, a.windowSamples());
        assertEquals(33, a.strideSamples());
        CollectingListener l = new CollectingListener();
        StreamSession session = new StreamSession(a, StreamSettings.defaults(), l, "openpack");
        int x = rec.channelIndex("right_wrist/acc_x");
        long[] t = rec.timestampsMs();
        StringBuilder sb = new StringBuilder();
        long t0 = System.nanoTime();
        for (int i = 0; i < rec.sampleCount(); i++) {
            sb.setLength(0);
            sb.append(t[i]);
            for (int c = 0; c < 3; c++) {
                sb.append(',').append(rec.channel(x + c)[i]);
            }
            session.feed(sb.toString());
        }
        session.finish();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("stream replay of the OpenPack sample (%d samples, no header): %.0f samples/s%n",
                rec.sampleCount(), rec.sampleCount() / seconds);
        assertEquals(List.of(), l.warnings);
        BatchReference batch = new BatchReference(rec, a, SPEC);
        assertEquals(batch.windows.size(), session.recognizer().windowsRun());
        assertSameSeconds(batch, l.seconds);
        assertTrue(distinct(l.seconds) >= 2, "more than one class predicted: " + distinct(l.seconds));
    }

    @Test
    void badLinesAreSkippedWithWarningsAndTheRestStillMatches() {
        List<String> lines = new ArrayList<>(simLines);
        int header = 0;
        while (!lines.get(header).startsWith("timestamp_ms")) {
            header++;
        }
        // inserted after data lines 100, 200, ...: each must be skipped without disturbing the rest
        Map<Integer, String> inserted = new TreeMap<>();
        String firstData = lines.get(header + 1);
        String prevTs = lines.get(header + 100).split(",", 2)[0];
        inserted.put(header + 101, prevTs + ",0.1,0.2,0.3");                               // repeated timestamp
        inserted.put(header + 201, firstData);                                             // goes back in time
        inserted.put(header + 301, lines.get(header + 300).split(",", 2)[0]);             // timestamp only
        inserted.put(header + 401, replaceField(lines.get(header + 400), 1, "abc"));       // non-numeric acc_x
        inserted.put(header + 501, replaceField(lines.get(header + 500), 3, "NaN"));       // NaN acc_z
        inserted.put(header + 601, replaceField(lines.get(header + 600), 0, "12x"));       // bad timestamp
        inserted.put(header + 701, "");                                                    // blank: silently skipped
        inserted.put(header + 801, "# a comment in the middle");                           // comment: skipped
        List<String> stream = new ArrayList<>();
        Set<Integer> badLineNumbers = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String extra = inserted.get(i);
            if (extra != null) {
                stream.add(extra);
                badLineNumbers.add(stream.size()); // 1-based number of the inserted line
            }
            stream.add(lines.get(i));
        }
        CollectingListener l = new CollectingListener();
        StreamSession session = new StreamSession(simArtifact, StreamSettings.defaults(), l, "sim");
        stream.forEach(session::feed);
        session.finish();

        StreamWarnings w = session.recognizer().warnings();
        assertEquals(2, w.count(WarningKind.OUT_OF_ORDER));
        assertEquals(1, w.count(WarningKind.MISSING));
        assertEquals(3, w.count(WarningKind.MALFORMED));
        assertEquals(sim.sampleCount(), session.recognizer().samplesAccepted());
        assertEquals(7, l.warnings.size(), "six skipped lines and the end-of-stream summary: " + l.warnings);
        assertTrue(l.warnings.get(2).contains("3 fields") || l.warnings.get(2).contains("1 field,"), l.warnings.get(2));
        assertTrue(l.warnings.get(3).contains("column 'right_wrist/acc_x' value 'abc'"), l.warnings.get(3));
        assertTrue(l.warnings.get(4).contains("column 'right_wrist/acc_z' value 'NaN'"), l.warnings.get(4));
        assertTrue(l.warnings.get(5).contains("column 'timestamp_ms' value '12x'"), l.warnings.get(5));
        int named = 0;
        for (String msg : l.warnings.subList(0, 6)) {
            for (int n : badLineNumbers) {
                if (msg.startsWith("line " + n + ":") || msg.startsWith("line " + n + " ")) {
                    named++;
                }
            }
        }
        assertEquals(6, named, "each warning names its inserted line: " + l.warnings);
        assertSameSeconds(new BatchReference(sim, simArtifact, SPEC), l.seconds);
    }

    private static String replaceField(String line, int field, String value) {
        String[] f = line.split(",", -1);
        f[field] = value;
        return String.join(",", f);
    }

    /** Same seconds, same operation per second, same window behind it, and OneHzResampler agrees. */
    static void assertSameSeconds(BatchReference batch, List<SecondPrediction> stream) {
        assertEquals(batch.lastPerSecond.keySet(), secondsOf(stream), "the stream reports exactly the seconds"
                + " in which batch windows end");
        int checkedAgainstOneHz = 0;
        for (SecondPrediction p : stream) {
            assertEquals(batch.lastPerSecond.get(p.secondMs()), p.operationId(), "second " + p.secondMs());
            assertEquals(batch.lastEndPerSecond.get(p.secondMs()), p.windowEndMs(), "second " + p.secondMs());
            Integer oneHz = batch.oneHz.get(p.secondMs());
            if (oneHz != null) {
                assertEquals(oneHz, p.operationId(), "OneHzResampler at second " + p.secondMs());
                checkedAgainstOneHz++;
            }
        }
        assertTrue(checkedAgainstOneHz >= stream.size() - 3, checkedAgainstOneHz + " of " + stream.size()
                + " seconds are ground-truth seconds");
    }

    private static Set<Long> secondsOf(List<SecondPrediction> s) {
        Set<Long> out = new java.util.TreeSet<>();
        for (SecondPrediction p : s) {
            out.add(p.secondMs());
        }
        return out;
    }

    private static long distinct(List<SecondPrediction> s) {
        return s.stream().mapToInt(SecondPrediction::operationId).distinct().count();
    }
}
