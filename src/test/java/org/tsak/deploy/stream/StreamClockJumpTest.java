package org.tsak.deploy.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tsak.data.Recording;
import org.tsak.data.openpack.OpenPackOptions;
import org.tsak.data.openpack.OpenPackReader;
import org.tsak.data.window.WindowSpec;
import org.tsak.deploy.RandomArtifacts;
import org.tsak.deploy.StudentArtifact;
import org.tsak.testing.SharedDatasets;

/**
 * Issue 11, kind 1: a device clock that jumps back in a live stream (a reset, an hourly wrap)
 * restarts the window with one warning and recognition goes on; a late sample costs only itself.
 */
class StreamClockJumpTest {

    private static final long T0 = 1_700_000_000_000L; // a whole second
    private static final long HOUR_MS = 3_600_000L;
    private static final StudentArtifact ART = RandomArtifacts.rightWristAcc(3L, 30.0, 60, 30);

    private static long at30Hz(long base, long i) {
        return base + Math.round(i * 1000.0 / 30.0);
    }

    private static float[] sample(Random r) {
        return new float[] {(float) r.nextGaussian(), (float) r.nextGaussian() - 0.8f, (float) r.nextGaussian()};
    }

    @Test
    void anHourlyWrapRestartsTheWindowWithOneWarningAndRecognitionGoesOn() {
        CollectingListener l = new CollectingListener();
        StreamRecognizer rec = new StreamRecognizer(ART, new StreamSettings(2, 10), l);
        Random r = new Random(1);
        int before = 30 * 35; // 35 s
        for (int i = 0; i < before; i++) {
            assertTrue(rec.accept(at30Hz(T0, i), sample(r), i + 1));
        }
        assertEquals(3, l.metricsReports, "at 10, 20 and 30 s");
        int secondsBefore = l.seconds.size();
        long last = at30Hz(T0, before - 1);
        long wrapped = T0 - HOUR_MS;
        float[][] after = new float[30 * 25][];
        for (int j = 0; j < after.length; j++) {
            after[j] = sample(r);
            boolean used = rec.accept(at30Hz(wrapped, j), after[j], before + j + 1);
            if (j == 0) {
                assertFalse(used, "the first sample back in time is held until the next one");
                assertEquals(60, rec.bufferedSamples(), "nothing restarted yet");
                assertEquals(0, rec.warnings().count(WarningKind.CLOCK_BACK));
            } else if (j == 1) {
                assertTrue(used);
                assertEquals(1, rec.warnings().count(WarningKind.CLOCK_BACK));
                assertEquals(2, rec.bufferedSamples(), "ring restarted with the held sample and this one");
                assertEquals(secondsBefore + 1, l.seconds.size(), "pending second reported at the jump");
                assertEquals(T0 + 35_000, l.segments.get(l.segments.size() - 1).endMs(),
                        "open segment closed at the jump");
            }
        }
        rec.finish();
        assertEquals(before + after.length, rec.samplesAccepted(), "no sample lost");
        assertEquals(0, rec.warnings().count(WarningKind.OUT_OF_ORDER));
        assertEquals(1, rec.warnings().count(WarningKind.CLOCK_BACK));
        assertEquals("line " + (before + 1) + ": the clock jumped back by " + (last - wrapped) + " ms (timestamp_ms "
                + wrapped + " after " + last + " ms) and goes on from there, as after a device reset or a clock wrap;"
                + " window restarted in the new time base, recognition goes on", l.warnings.get(0));
        assertTrue(l.warnings.get(l.warnings.size() - 1).contains("1 backward clock jumps"), l.warnings.toString());
        // windows: (1050 - 60) / 30 + 1 = 34 before, (750 - 60) / 30 + 1 = 24 after
        assertEquals(34 + 24, rec.windowsRun());
        assertEquals(3 + 2 + 1, l.metricsReports, "periodic metrics re-timed to the new clock: 10 and 20 s after it");

        // the seconds after the jump are exactly those of a fresh stream of the same samples
        CollectingListener fresh = new CollectingListener();
        StreamRecognizer alone = new StreamRecognizer(ART, new StreamSettings(2, 10), fresh);
        for (int j = 0; j < after.length; j++) {
            alone.accept(at30Hz(wrapped, j), after[j], 0);
        }
        alone.finish();
        assertEquals(fresh.seconds, l.seconds.subList(secondsBefore + 1, l.seconds.size()));
        assertEquals(wrapped + 24_000, l.seconds.get(l.seconds.size() - 1).secondMs());
    }

    @Test
    void aLateSampleCostsOnlyItselfAndTheRestIsUnchanged() {
        Random r = new Random(2);
        float[][] s = new float[150][];
        for (int i = 0; i < s.length; i++) {
            s[i] = sample(r);
        }
        CollectingListener clean = new CollectingListener();
        StreamRecognizer ref = new StreamRecognizer(ART, StreamSettings.defaults(), clean);
        CollectingListener l = new CollectingListener();
        StreamRecognizer rec = new StreamRecognizer(ART, StreamSettings.defaults(), l);
        for (int i = 0; i < s.length; i++) {
            ref.accept(at30Hz(T0, i), s[i], i + 1);
            rec.accept(at30Hz(T0, i), s[i], i + 1);
            if (i == 80) {
                assertFalse(rec.accept(at30Hz(T0, 75), sample(r), 0), "a late sample, 5 samples old");
            }
        }
        ref.finish();
        rec.finish();
        assertEquals(1, rec.warnings().count(WarningKind.OUT_OF_ORDER));
        assertEquals(0, rec.warnings().count(WarningKind.CLOCK_BACK));
        assertEquals(150, rec.samplesAccepted());
        assertEquals(clean.seconds, l.seconds);
        assertEquals(clean.segments, l.segments);
    }

    @Test
    void twoSamplesGoingFurtherBackSkipTheFirstAndJumpWithTheSecond() {
        CollectingListener l = new CollectingListener();
        StreamRecognizer rec = new StreamRecognizer(ART, StreamSettings.defaults(), l);
        Random r = new Random(3);
        for (int i = 0; i < 100; i++) {
            rec.accept(at30Hz(T0, i), sample(r), i + 1);
        }
        assertFalse(rec.accept(T0 - 1000, sample(r), 101));
        assertFalse(rec.accept(T0 - 5000, sample(r), 102)); // earlier still: 101 was a stray sample
        for (int j = 1; j < 70; j++) {
            rec.accept(T0 - 5000 + Math.round(j * 1000.0 / 30.0), sample(r), 102 + j);
        }
        rec.finish();
        assertEquals(1, rec.warnings().count(WarningKind.OUT_OF_ORDER));
        assertEquals(1, rec.warnings().count(WarningKind.CLOCK_BACK));
        assertTrue(l.warnings.get(0).startsWith("line 101: timestamp_ms " + (T0 - 1000)), l.warnings.get(0));
        assertTrue(l.warnings.get(1).startsWith("line 102: the clock jumped back by "), l.warnings.get(1));
        assertEquals(100 + 70, rec.samplesAccepted());
        assertEquals(2 + 1, rec.windowsRun(), "(100 - 60) / 30 + 1 before, (70 - 60) / 30 + 1 after");
    }

    @Test
    void aSampleBackInTimeAtTheEndOfTheStreamIsSkippedWithAWarning() {
        CollectingListener l = new CollectingListener();
        StreamRecognizer rec = new StreamRecognizer(ART, StreamSettings.defaults(), l);
        Random r = new Random(4);
        for (int i = 0; i < 70; i++) {
            rec.accept(at30Hz(T0, i), sample(r), i + 1);
        }
        rec.accept(T0, sample(r), 71);
        rec.finish();
        assertEquals(1, rec.warnings().count(WarningKind.OUT_OF_ORDER));
        assertEquals(70, rec.samplesAccepted());
        assertTrue(l.warnings.get(0).startsWith("line 71: timestamp_ms " + T0 + " is not after"), l.warnings.get(0));
    }

    /**
     * The real OpenPack session's right wrist, replayed as CSV lines whose clock wraps back by one
     * hour half-way: every sample is used, one warning, and each half gives exactly the seconds a
     * stream of that half alone gives.
     */
    @Test
    void theOpenPackSampleWithAnHourlyWrapHalfWay() throws IOException {
        var root = SharedDatasets.openPackSampleOrSkip();
        Recording rec = new OpenPackReader(OpenPackOptions.of(List.of("atr01/acc"), List.of("U0209"), List.of()))
                .read(root).get(0);
        WindowSpec spec = new WindowSpec(2.0, 1.0);
        double rate = rec.samplingRateHz();
        StudentArtifact a = RandomArtifacts.rightWristAcc(5L, rate, spec.windowSamples(rate), spec.strideSamples(rate));
        int x = rec.channelIndex("right_wrist/acc_x");
        long[] t = rec.timestampsMs();
        int n = rec.sampleCount();
        int wrapAt = n / 2;
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder().append(i < wrapAt ? t[i] : t[i] - HOUR_MS);
            for (int c = 0; c < 3; c++) {
                sb.append(',').append(rec.channel(x + c)[i]);
            }
            (i < wrapAt ? first : second).add(sb.toString());
        }
        CollectingListener l = new CollectingListener();
        StreamSession session = new StreamSession(a, StreamSettings.defaults(), l, "openpack");
        first.forEach(session::feed);
        second.forEach(session::feed);
        session.finish();

        StreamRecognizer engine = session.recognizer();
        assertEquals(n, engine.samplesAccepted(), "no sample lost");
        assertEquals(1, engine.warnings().count(WarningKind.CLOCK_BACK));
        assertEquals(1, engine.warnings().total(), l.warnings.toString());
        assertTrue(l.warnings.get(0).startsWith("line " + (wrapAt + 1) + ": the clock jumped back by "
                + (t[wrapAt - 1] - (t[wrapAt] - HOUR_MS)) + " ms"), l.warnings.get(0));
        List<SecondPrediction> expected = new ArrayList<>(alone(a, first).seconds);
        expected.addAll(alone(a, second).seconds);
        assertEquals(expected, l.seconds);
        int w = a.windowSamples();
        int s = a.strideSamples();
        assertEquals((wrapAt - w) / s + 1 + (n - wrapAt - w) / s + 1, engine.windowsRun());
        assertTrue(l.seconds.get(l.seconds.size() - 1).secondMs() < t[0], "the last seconds are in the new time base");
    }

    private static CollectingListener alone(StudentArtifact a, List<String> lines) {
        CollectingListener l = new CollectingListener();
        StreamSession session = new StreamSession(a, StreamSettings.defaults(), l, "part");
        lines.forEach(session::feed);
        session.finish();
        assertEquals(List.of(), l.warnings);
        return l;
    }
}
