package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StudentRuntimeTest {

    @Test
    void floatRuntimeMatchesUnfoldedDoubleReference() {
        StudentArtifact a = StudentFixtures.defaultArtifact(7);
        StudentRuntime rt = StudentRuntime.of(a);
        Random r = new Random(1);
        float worst = 0;
        for (int n = 0; n < 200; n++) {
            float[] raw = StudentFixtures.rawWindow(r, a);
            double[] ref = StudentFixtures.referenceLogits(a, raw);
            worst = Math.max(worst, StudentFixtures.maxAbsDiff(rt.logits(raw), ref));
        }
        System.out.printf("float runtime vs double reference: max abs diff %.3g over 200 windows%n", worst);
        assertTrue(worst < 1e-4f, "max abs diff " + worst);
    }

    @Test
    void mixedKernelSizesAndThreeLayersMatchReference() {
        StudentWeights a3 = StudentFixtures.randomWeights(3, 3, new int[] {8}, 3, 11);
        StudentWeights b7 = StudentFixtures.randomWeights(4, 8, new int[] {12}, 7, 11);
        StudentWeights c1 = StudentFixtures.randomWeights(5, 12, new int[] {6}, 1, 5);
        StudentWeights w = new StudentWeights(List.of(a3.convLayers().get(0), b7.convLayers().get(0),
                c1.convLayers().get(0)), c1.linear());
        StudentArtifact art = new StudentArtifact(w, List.of("a/acc_x", "a/acc_y", "a/acc_z"), 50, 17, 5,
                StudentFixtures.MEANS_G, StudentFixtures.STDS_G, List.of(1, 2, 3, 4, 5), List.of("a", "b", "c", "d", "e"),
                java.util.Map.of());
        StudentRuntime rt = StudentRuntime.of(art);
        Random r = new Random(2);
        for (int n = 0; n < 20; n++) {
            float[] raw = StudentFixtures.rawWindow(r, art);
            assertTrue(StudentFixtures.maxAbsDiff(rt.logits(raw), StudentFixtures.referenceLogits(art, raw)) < 1e-4f);
        }
    }

    @Test
    void normalisedEntryAndPredictClassAgreeWithRawEntry() {
        StudentArtifact a = StudentFixtures.defaultArtifact(8);
        StudentRuntime rt = StudentRuntime.of(a);
        float[] raw = StudentFixtures.rawWindow(new Random(3), a);
        float[] norm = new float[raw.length];
        for (int c = 0; c < 3; c++) {
            for (int t = 0; t < 60; t++) {
                norm[c * 60 + t] = (raw[c * 60 + t] - a.channelMeans()[c]) / a.channelStds()[c];
            }
        }
        float[] l = rt.logits(raw);
        assertArrayEquals(l, rt.logitsNormalised(norm), 1e-5f);
        assertEquals(StudentRuntime.argmax(l), rt.predictClass(raw));
        assertArrayEquals(l, rt.copy().logits(raw), 0f);
        assertArrayEquals(l, rt.logits(raw), 0f, "a second call must not depend on leftovers of the first");
    }

    @Test
    void wrongInputLengthNamesTheExpectedShape() {
        StudentRuntime rt = StudentRuntime.of(StudentFixtures.defaultArtifact(9));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rt.logits(new float[179]));
        assertTrue(e.getMessage().contains("3 x 60 = 180"), e.getMessage());
    }

    @Test
    void quantisedRuntimeStaysCloseToFloat() {
        StudentArtifact a = StudentFixtures.defaultArtifact(10);
        StudentRuntime f = StudentRuntime.of(a);
        StudentRuntime q = StudentRuntime.quantised(a);
        assertTrue(q.isQuantised());
        Random r = new Random(4);
        int n = 1000;
        int agree = 0;
        float worst = 0;
        float spread = 0;
        for (int i = 0; i < n; i++) {
            float[] raw = StudentFixtures.rawWindow(r, a);
            float[] lf = f.logits(raw);
            float[] lq = q.logits(raw);
            worst = Math.max(worst, StudentFixtures.maxAbsDiff(lf, lq));
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float v : lf) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            spread = Math.max(spread, max - min);
            if (StudentRuntime.argmax(lf) == StudentRuntime.argmax(lq)) {
                agree++;
            }
        }
        System.out.printf("int8 vs float: argmax agreement %.1f%% over %d windows, max abs logit diff %.4f "
                + "(largest logit spread %.3f)%n", 100.0 * agree / n, n, worst, spread);
        assertTrue(agree >= 0.95 * n, "argmax agreement " + agree + "/" + n);
        assertTrue(worst < 0.05f * spread, "max abs diff " + worst + " vs spread " + spread);
    }

    /**
     * No allocation per call once warm. The scalar kernels allocate nothing from the start; the
     * Vector API kernels ({@link StudentRuntime#usesVectorKernels()}) allocate their vectors until
     * HotSpot C2 has compiled them (about 2,000 windows), so the warm-up runs rounds of 1,000 calls
     * until one allocates nothing (at most {@code 40}).
     */
    @Test
    void repeatedCallsAllocateNothing() {
        StudentArtifact a = StudentFixtures.defaultArtifact(11);
        for (StudentRuntime rt : List.of(StudentRuntime.of(a), StudentRuntime.quantised(a))) {
            float[] raw = StudentFixtures.rawWindow(new Random(5), a);
            float[] out = new float[11];
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().getId();
            for (int round = 0; round < 40; round++) {
                long start = mx.getThreadAllocatedBytes(tid);
                for (int i = 0; i < 1000; i++) {
                    rt.logits(raw, out);
                }
                if (mx.getThreadAllocatedBytes(tid) - start < 1000) {
                    break;
                }
            }
            long before = mx.getThreadAllocatedBytes(tid);
            int sink = 0;
            for (int i = 0; i < 1000; i++) {
                rt.logits(raw, out);
                sink += rt.predictClass(raw);
            }
            long allocated = mx.getThreadAllocatedBytes(tid) - before;
            assertTrue(allocated < 1000, "allocated " + allocated + " bytes in 2000 calls (sink " + sink + ")");
        }
    }

    @Test
    void roughTimingOfTheDefaultStudentIsPrinted() {
        // Not a benchmark (that is JMH's job); a smoke figure for the report, no assertion on speed.
        StudentArtifact a = StudentFixtures.defaultArtifact(12);
        for (StudentRuntime rt : List.of(StudentRuntime.of(a), StudentRuntime.quantised(a))) {
            float[] raw = StudentFixtures.rawWindow(new Random(6), a);
            float[] out = new float[11];
            for (int i = 0; i < 5_000; i++) {
                rt.logits(raw, out);
            }
            int n = 5_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                rt.logits(raw, out);
            }
            double micros = (System.nanoTime() - t0) / 1e3 / n;
            System.out.printf("%s runtime, default student: %.1f us per window (rough timing loop, %d MACs)%n",
                    rt.isQuantised() ? "int8" : "float", micros, FoldedStudent.of(a).multiplyAddsPerWindow());
        }
    }
}
