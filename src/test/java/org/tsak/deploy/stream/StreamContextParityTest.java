package org.tsak.deploy.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.tsak.data.Recording;
import org.tsak.data.csv.CsvRecordingWriter;
import org.tsak.data.sim.FactorySimulator;
import org.tsak.data.sim.SimulatorConfig;
import org.tsak.data.window.ChannelView;
import org.tsak.data.window.PastWindows;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.WindowSpec;
import org.tsak.data.window.Windower;
import org.tsak.deploy.RandomArtifacts;
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentRuntime;

/**
 * A student with a temporal context head in the stream: the state carried from second to second
 * gives, over a contiguous recording, exactly the batch result (Windower windows, PastWindows
 * table, the runtime fed each window's past projections explicitly); and a gap marks the lost
 * seconds absent.
 */
class StreamContextParityTest {

    private static final WindowSpec SPEC = new WindowSpec(2.0, 1.0);
    private static final int STEPS = 6;
    private static final int H = 8;

    private static StudentArtifact artifact() {
        StudentArtifact plain = RandomArtifacts.rightWristAcc(11L, 30.0, SPEC.windowSamples(30.0),
                SPEC.strideSamples(30.0), new int[] {16, 32});
        return RandomArtifacts.withContextHead(plain, 12L, STEPS, H);
    }

    /** Per second (of the window end), the batch confidence and class with context over PastWindows. */
    private static TreeMap<Long, double[]> batch(Recording rec, StudentArtifact a) {
        WindowSet ws = new Windower(SPEC).window(List.of(rec));
        ChannelView view = ChannelView.of(rec.channels(), a.channelNames());
        StudentRuntime rt = StudentRuntime.of(a);
        int n = ws.size();
        int[] all = ws.allIndices();
        float[][] raw = new float[n][rt.inputLength()];
        float[][] projection = new float[n][H];
        float[] zeros = new float[(STEPS - 1) * H];
        float[] logits = new float[11];
        for (int i = 0; i < n; i++) {
            ws.fill(all, i, 1, view, null, raw[i]);
            rt.logitsWithContext(raw[i], zeros, logits, projection[i]);
        }
        int[] table = PastWindows.table(ws, STEPS - 1);
        TreeMap<Long, double[]> out = new TreeMap<>();
        float[] past = new float[(STEPS - 1) * H];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < STEPS - 1; j++) {
                int w = table[i * STEPS + j];
                System.arraycopy(w < 0 ? new float[H] : projection[w], 0, past, j * H, H);
            }
            rt.logitsWithContext(raw[i], past, logits, null);
            int best = StudentRuntime.argmax(logits);
            double sum = 0;
            for (float l : logits) {
                sum += Math.exp((double) l - logits[best]);
            }
            out.put(Math.floorDiv(ws.get(i).endTimeMs(), 1000L) * 1000L, new double[] {best, 1.0 / sum});
        }
        return out;
    }

    private static List<SecondPrediction> stream(StudentArtifact a, List<String> lines) {
        CollectingListener l = new CollectingListener();
        StreamSession session = new StreamSession(a, StreamSettings.defaults(), l, "sim");
        lines.forEach(session::feed);
        session.finish();
        return l.seconds;
    }

    @Test
    void contiguousRecordingGivesTheBatchContextResult() throws IOException {
        Recording sim = new FactorySimulator(new SimulatorConfig(1, 1, 3, 7L)).simulate().get(0);
        StringWriter w = new StringWriter();
        new CsvRecordingWriter().write(sim, w);
        StudentArtifact a = artifact();
        List<SecondPrediction> seconds = stream(a, List.of(w.toString().split("\n")));
        TreeMap<Long, double[]> batch = batch(sim, a);
        assertEquals(batch.keySet(), new java.util.TreeSet<>(seconds.stream().map(SecondPrediction::secondMs)
                .toList()));
        int differsFromNoContext = 0;
        StudentArtifact noHead = new StudentArtifact(a.weights().withContextHead(null), a.channelNames(),
                a.samplingRateHz(), a.windowSamples(), a.strideSamples(), a.channelMeans(), a.channelStds(),
                a.classIds(), a.classNames(), a.provenance());
        TreeMap<Long, Integer> plain = new TreeMap<>();
        stream(noHead, List.of(w.toString().split("\n"))).forEach(p -> plain.put(p.secondMs(), p.classIndex()));
        for (SecondPrediction p : seconds) {
            double[] b = batch.get(p.secondMs());
            assertEquals((int) b[0], p.classIndex(), "second " + p.secondMs());
            assertEquals(b[1], p.confidence(), 1e-6, "second " + p.secondMs());
            differsFromNoContext += plain.get(p.secondMs()) != p.classIndex() ? 1 : 0;
        }
        assertTrue(seconds.size() > 100, seconds.size() + " seconds");
        assertTrue(differsFromNoContext > 0, "the context head changes some predictions");
        System.out.printf("stream with a %d-window context head: %d seconds equal batch (PastWindows); %d differ"
                + " from the student without its head%n", STEPS, seconds.size(), differsFromNoContext);
    }

    @Test
    void aGapMarksTheLostSecondsAbsent() throws IOException {
        StudentArtifact a = artifact();
        StudentRuntime rt = StudentRuntime.of(a);
        java.util.Random r = new java.util.Random(3);
        // 20 s of samples at 30 Hz, then 3 s lost, then 10 s
        List<String> lines = new ArrayList<>();
        List<long[]> times = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        long t0 = 1_700_000_000_000L;
        for (int i = 0; i < 33 * 30; i++) {
            if (i >= 20 * 30 && i < 23 * 30) {
                continue;
            }
            long t = t0 + Math.round(i * 1000.0 / 30);
            float[] v = {(float) r.nextGaussian(), (float) r.nextGaussian() - 0.8f, (float) r.nextGaussian()};
            times.add(new long[] {t});
            values.add(v);
            lines.add(t + "," + v[0] + "," + v[1] + "," + v[2]);
        }
        List<SecondPrediction> seconds = stream(a, lines);
        // expected: the windows as the stream cuts them, with the time rule for the lost windows
        float[] window = new float[3 * 60];
        float[] logits = new float[11];
        int before = 20 * 30;
        TreeMap<Long, Integer> expected = new TreeMap<>();
        for (int[] part : new int[][] {{0, before}, {before, values.size()}}) {
            for (int end = part[0] + 59; end < part[1]; end += 30) {
                for (int c = 0; c < 3; c++) {
                    for (int t = 0; t < 60; t++) {
                        window[c * 60 + t] = values.get(end - 59 + t)[c];
                    }
                }
                if (end == before + 59) {
                    // the first window after the gap ends 5 s after the last one before it: 4 windows lost
                    long gapMs = times.get(end)[0] - times.get(before - 1 - (before - 60) % 30)[0];
                    assertEquals(5, Math.round(gapMs / 1000.0), "windows between the last one before and the first after");
                    for (int k = 0; k < 4; k++) {
                        rt.skipContextWindow();
                    }
                }
                rt.logitsInContext(window, logits);
                expected.put(Math.floorDiv(times.get(end)[0], 1000L) * 1000L, StudentRuntime.argmax(logits));
            }
        }
        assertEquals(expected.size(), seconds.size());
        for (SecondPrediction p : seconds) {
            assertEquals(expected.get(p.secondMs()), p.classIndex(), "second " + p.secondMs());
        }
    }
}
