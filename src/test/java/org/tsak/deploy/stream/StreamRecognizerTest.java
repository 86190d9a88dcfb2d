package org.tsak.deploy.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tsak.deploy.RandomArtifacts;
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentRuntime;

/** Window timing, the 1 Hz rule, gaps, rate warnings and bounded memory, with hand-worked times. */
class StreamRecognizerTest {

    private static final long T0 = 1_700_000_000_000L; // a whole second
    private static final StudentArtifact ART = RandomArtifacts.rightWristAcc(3L, 30.0, 60, 30);

    /** Sample i at 30 Hz: T0 + round(i * 1000 / 30). */
    private static long at30Hz(long i) {
        return T0 + Math.round(i * 1000.0 / 30.0);
    }

    private static float[] sample(Random r) {
        return new float[] {(float) r.nextGaussian(), (float) r.nextGaussian() - 0.8f, (float) r.nextGaussian()};
    }

    @Test
    void firstWindowAtSample59ThenEveryStrideAndASecondIsReportedWhenTheNextStarts() {
        CollectingListener l = new CollectingListener();
        StreamRecognizer rec = new StreamRecognizer(ART, StreamSettings.defaults(), l);
        Random r = new Random(1);
        for (int i = 0; i < 59; i++) {
            rec.accept(at30Hz(i), sample(r), i + 1);
        }
        assertEquals(0, rec.windowsRun());
        rec.accept(at30Hz(59), sample(r), 60); // 1967 ms: first full window, second 1000 pending
        assertEquals(1, rec.windowsRun());
        assertEquals(0, l.seconds.size(), "second 1000 is not final until a sample of a later second arrives");
        rec.accept(at30Hz(60), sample(r), 61); // 2000 ms
        assertEquals(1, l.seconds.size());
        SecondPrediction s = l.seconds.get(0);
        assertEquals(T0 + 1000, s.secondMs());
        assertEquals(T0 + 1967, s.windowEndMs());
        for (int i = 61; i < 150; i++) {
            rec.accept(at30Hz(i), sample(r), i + 1);
        }
        // windows end at samples 59, 89, 119, 149 (1967, 2967, 3967, 4967 ms)
        assertEquals(4, rec.windowsRun());
        assertEquals(3, l.seconds.size());
        rec.finish();
        assertEquals(4, l.seconds.size());
        assertEquals(T0 + 4000, l.seconds.get(3).secondMs());
        assertEquals(T0 + 4967, l.seconds.get(3).windowEndMs());
        assertEquals(1, l.finalReports);
        assertEquals(1, l.metricsReports, "5 s of stream: no periodic report, just the final one");
    }

    @Test
    void predictionIsTheRuntimeOnTheLastWindowOldestFirstWithSoftmaxConfidence() {
        CollectingListener l = new CollectingListener();
        StreamRecognizer rec = new StreamRecognizer(ART, StreamSettings.defaults(), l);
        Random r = new Random(2);
        float[][] samples = new float[90][];
        for (int i = 0; i < 90; i++) {
            samples[i] = sample(r);
            rec.accept(at30Hz(i), samples[i], 0);
        }
        rec.finish();
        // second window: samples 30..89 in NCW order
        float[] x = new float[3 * 60];
        for (int c = 0; c < 3; c++) {
            for (int t = 0; t < 60; t++) {
                x[c * 60 + t] = samples[30 + t][c];
            }
        }
        float[] logits = StudentRuntime.of(ART).logits(x);
        int best = StudentRuntime.argmax(logits);
        double z = 0;
        for (float v : logits) {
            z += Math.exp((double) v - logits[best]);
        }
        SecondPrediction p = l.seconds.get(1);
        assertEquals(ART.classIds().get(best), p.operationId());
        assertEquals(ART.classNames().get(best), p.name());
        assertEquals(1 / z, p.confidence(), 1e-12);
    }

    @Test
    void twoWindowsInOneSecondTheLastOneWins() {
        StudentArtifact stride10 = RandomArtifacts.rightWristAcc(3L, 30.0, 60, 10);
        CollectingListener l = new CollectingListener();
        StreamRecognizer rec = new StreamRecognizer(stride10, StreamSettings.defaults(), l);
        Random r = new Random(3);
        for (int i = 0; i < 90; i++) {
            rec.accept(at30Hz(i), sample(r), 0);
        }
        rec.finish();
        // windows end at samples 59, 69, 79, 89 = 1967, 2300, 2633, 2967 ms
        assertEquals(4, rec.windowsRun());
        assertEquals(2, l.seconds.size());
        assertEquals(T0 + 2967, l.seconds.get(1).windowEndMs());
    }

    @Test
    void outOfOrderSamplesAreSkippedAndTheStreamGoesOn() {
        CollectingListener l = new CollectingListener();
        StreamRecognizer rec = new StreamRecognizer(ART, StreamSettings.defaults(), l);
        Random r = new Random(4);
        assertTrue(rec.accept(at30Hz(0), sample(r), 1));
        assertTrue(rec.accept(at30Hz(1), sample(r), 2));
        assertFalse(rec.accept(at30Hz(1), sample(r), 3));
        assertFalse(rec.accept(at30Hz(0), sample(r), 4));
        assertEquals(2, rec.samplesAccepted());
        assertEquals("line 3: timestamp_ms " + at30Hz(1) + " is not after the previous sample's " + at30Hz(1)
                + " ms; sample skipped", l.warnings.get(0));
        assertThrows(IllegalArgumentException.class, () -> rec.accept(at30Hz(5), new float[2], 5));
    }

    @Test
    void aGapLongerThanAWindowRestartsTheWindowAndClosesTheSegment() {
        CollectingListener l = new CollectingListener();
        StreamRecognizer rec = new StreamRecognizer(ART, StreamSettings.defaults(), l);
        Random r = new Random(5);
        for (int i = 0; i < 150; i++) {
            rec.accept(at30Hz(i), sample(r), 0);
        }
        assertEquals(4, rec.windowsRun());
        long resume = at30Hz(149) + 2001; // window = 60 / 30 Hz = 2000 ms
        float[][] after = new float[60][];
        for (int i = 0; i < 60; i++) {
            after[i] = sample(r);
            rec.accept(resume + Math.round(i * 1000.0 / 30.0), after[i], 0);
            if (i == 0) {
                assertEquals(1, rec.bufferedSamples(), "ring cleared at the gap");
                assertEquals(4, l.seconds.size(), "pending second reported at the gap");
                assertEquals(1, l.segments.size(), "open segment closed at the gap");
                assertEquals(T0 + 5000, l.segments.get(0).endMs());
            }
        }
        assertEquals(5, rec.windowsRun(), "the next window needs 60 new samples");
        assertEquals(1, rec.warnings().count(WarningKind.GAP));
        assertTrue(l.warnings.get(0).contains("gap of 2001 ms"), l.warnings.get(0));
        rec.finish();
        float[] x = new float[180];
        for (int c = 0; c < 3; c++) {
            for (int t = 0; t < 60; t++) {
                x[c * 60 + t] = after[t][c];
            }
        }
        SecondPrediction last = l.seconds.get(l.seconds.size() - 1);
        assertEquals(ART.classIds().get(StudentRuntime.of(ART).predictClass(x)), last.operationId(),
                "the first window after the gap holds only samples after it");

        // exactly one window duration is not a gap
        CollectingListener l2 = new CollectingListener();
        StreamRecognizer rec2 = new StreamRecognizer(ART, StreamSettings.defaults(), l2);
        rec2.accept(T0, sample(r), 0);
        rec2.accept(T0 + 2000, sample(r), 0);
        assertEquals(2, rec2.bufferedSamples());
        assertEquals(0, rec2.warnings().count(WarningKind.GAP));
    }

    @Test
    void aWrongRateIsWarnedOnce() {
        CollectingListener l = new CollectingListener();
        StreamRecognizer rec = new StreamRecognizer(ART, StreamSettings.defaults(), l);
        Random r = new Random(6);
        for (int i = 0; i < 600; i++) {
            rec.accept(T0 + i * 40L, sample(r), 0); // 25 Hz, 17% slow
        }
        assertEquals(1, rec.warnings().count(WarningKind.RATE));
        assertTrue(l.warnings.get(0).contains("about 25.00 Hz"), l.warnings.get(0));

        StreamRecognizer ok = new StreamRecognizer(ART, StreamSettings.defaults(), new CollectingListener());
        for (int i = 0; i < 600; i++) {
            ok.accept(T0 + i * 36L, sample(r), 0); // 27.8 Hz, within 10%
        }
        assertEquals(0, ok.warnings().count(WarningKind.RATE));
    }

    @Test
    void metricsAreReportedEveryPeriodOfStreamTime() {
        CollectingListener l = new CollectingListener();
        StreamRecognizer rec = new StreamRecognizer(ART, new StreamSettings(2, 10), l);
        Random r = new Random(7);
        for (int i = 0; i <= 30 * 35; i++) { // 35 s
            rec.accept(at30Hz(i), sample(r), 0);
        }
        assertEquals(3, l.metricsReports, "at 10, 20 and 30 s");
        rec.finish();
        assertEquals(4, l.metricsReports);
        assertEquals(1, l.finalReports);
    }

    @Test
    void twoMillionSamplesKeepTheStateBounded() {
        StudentArtifact tiny = RandomArtifacts.rightWristAcc(9L, 30.0, 60, 30, new int[] {4});
        long[] counts = new long[3];
        StreamListener counting = new StreamListener() {
            @Override
            public void onSecond(SecondPrediction second) {
                counts[0]++;
            }

            @Override
            public void onSegment(OperationSegment segment) {
                counts[1]++;
            }

            @Override
            public void onMetrics(long streamTimeMs, WorkMetrics metrics, boolean isFinal) {
                counts[2]++;
            }

            @Override
            public void onWarning(String message) {
                throw new AssertionError(message);
            }
        };
        StreamRecognizer rec = new StreamRecognizer(tiny, StreamSettings.defaults(), counting);
        long retained = rec.retainedBytes();
        assertEquals(60 * (3 * 4 + 8) + 3 * 4 + 180 * 4 + 11 * 4, retained, "ring + held sample + window + logits");
        Random r = new Random(8);
        float[] s = new float[3];
        Runtime rt = Runtime.getRuntime();
        long usedBefore = 0;
        int n = 2_000_000;
        for (int i = 0; i < n; i++) {
            s[0] = (float) Math.sin(i * 0.01) + 0.1f * r.nextFloat();
            s[1] = (float) Math.cos(i * 0.003) - 0.8f;
            s[2] = (float) Math.sin(i * 0.0007) * 2;
            rec.accept(at30Hz(i), s, 0);
            if (i == 100_000) {
                System.gc();
                usedBefore = rt.totalMemory() - rt.freeMemory();
            }
            if (i % 500_000 == 0) {
                assertEquals(60, rec.bufferCapacitySamples());
                assertEquals(retained, rec.retainedBytes());
            }
        }
        System.gc();
        long usedAfter = rt.totalMemory() - rt.freeMemory();
        rec.finish();
        assertEquals((n - 60) / 30 + 1, rec.windowsRun());
        assertEquals(60, rec.bufferedSamples());
        assertEquals(retained, rec.retainedBytes());
        assertTrue(counts[0] > 60_000, "about one second per 30 samples: " + counts[0]);
        assertEquals(n / 30 / 60 + 1, counts[2], "a report per 60 s of stream and the final one");
        assertTrue(usedAfter - usedBefore < 32L << 20, "heap grew by " + ((usedAfter - usedBefore) >> 20)
                + " MB over 1.9 million samples");
    }
}
