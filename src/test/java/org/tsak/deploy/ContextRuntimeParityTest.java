package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pure-Java runtime of a student with a temporal context head against DJL (student +
 * ContextHeadBlock) over a stream of windows with a missing second: the stateful call, the
 * explicit-context call, reset, the stateless calls (past absent) and the artifact file.
 */
class ContextRuntimeParityTest {

    private static final float TOLERANCE = 1e-4f;
    private static final int STEPS = 4;
    private static final int H = 8;
    /** Seconds 0..13, second 6 missing. */
    private static final int SECONDS = 14;
    private static final int GAP = 6;

    @TempDir
    Path dir;

    @Test
    void statefulRuntimeMatchesDjlOverAStreamWithAGap() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ContextStudents s = ContextStudents.create(m, ContextStudents.spec(), STEPS, H, 21);
            float[][] raw = ContextStudents.windows(s.artifact(), SECONDS, 22, GAP);
            float[][] djl = s.djlStream(m, raw);
            // the artifact goes through its file: what a deployment loads
            Path file = dir.resolve("student.tsak");
            s.artifact().write(file);
            StudentArtifact read = StudentArtifact.read(file);
            assertEquals(s.artifact(), read);
            StudentRuntime rt = StudentRuntime.of(read);
            assertTrue(rt.hasContextHead());
            float[] out = new float[11];
            float worst = 0;
            float headEffect = 0;
            for (int i = 0; i < SECONDS; i++) {
                if (raw[i] == null) {
                    rt.skipContextWindow();
                    continue;
                }
                rt.logitsInContext(raw[i], out);
                assertArrayEquals(djl[i], out, TOLERANCE, "second " + i);
                worst = Math.max(worst, StudentFixtures.maxAbsDiff(out, djl[i]));
                if (i > 0) {
                    // the past matters: the stateless call (past absent) gives other logits
                    headEffect = Math.max(headEffect, StudentFixtures.maxAbsDiff(out, rt.copy().logits(raw[i])));
                }
            }
            assertTrue(headEffect > 0.05f, "the context changes the logits: " + headEffect);
            System.out.printf("context runtime vs DJL over %d seconds with a gap: max |logit diff| %.2g; "
                    + "largest effect of the past %.3f%n", SECONDS, worst, headEffect);
        }
    }

    @Test
    void explicitContextResetAndStatelessCalls() {
        try (NDManager m = NDManager.newBaseManager()) {
            ContextStudents s = ContextStudents.create(m, ContextStudents.spec(), STEPS, H, 31);
            float[][] raw = ContextStudents.windows(s.artifact(), 8, 32, 3);
            StudentRuntime rt = StudentRuntime.of(s.artifact());
            StudentRuntime explicit = StudentRuntime.of(s.artifact());
            float[] state = new float[(STEPS - 1) * H];
            float[] p = new float[H];
            float[] a = new float[11];
            float[] b = new float[11];
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == null) {
                    rt.skipContextWindow();
                    continue;
                }
                rt.contextState(state);
                explicit.logitsWithContext(raw[i], state, b, p);
                rt.logitsInContext(raw[i], a);
                assertArrayEquals(a, b, 0f, "explicit context = stateful call, second " + i);
                rt.contextState(state);
                assertArrayEquals(p, java.util.Arrays.copyOfRange(state, (STEPS - 2) * H, (STEPS - 1) * H), 0f,
                        "the newest state row is the window's projection");
            }
            // with a head, the stateless calls see an absent past: the first window of a stream
            float[][] first = s.djlStream(m, new float[][] {raw[7]});
            assertArrayEquals(first[0], rt.logits(raw[7]), TOLERANCE);
            float[] batch = new float[2 * 11];
            float[] two = new float[2 * raw[7].length];
            System.arraycopy(raw[7], 0, two, 0, raw[7].length);
            System.arraycopy(raw[7], 0, two, raw[7].length, raw[7].length);
            rt.logitsBatch(two, 2, batch);
            assertArrayEquals(rt.logits(raw[7]), java.util.Arrays.copyOfRange(batch, 11, 22), 0f);
            rt.resetContext();
            rt.logitsInContext(raw[7], a);
            assertArrayEquals(rt.logits(raw[7]), a, 0f, "after a reset the past is absent");
            float[] noHead = StudentRuntime.of(new StudentArtifact(s.artifact().weights().withContextHead(null),
                    s.artifact().channelNames(), 30, 60, 30, s.artifact().channelMeans(), s.artifact().channelStds(),
                    s.artifact().classIds(), s.artifact().classNames(), s.artifact().provenance())).logits(raw[7]);
            assertTrue(StudentFixtures.maxAbsDiff(noHead, a) > 0.01f, "the head adds to the student's logits");
            assertThrows(IllegalArgumentException.class, () -> explicit.logitsWithContext(raw[0], new float[3], b, p));
        }
    }

    @Test
    void int8RuntimeKeepsTheHeadInFloat() {
        try (NDManager m = NDManager.newBaseManager()) {
            ContextStudents s = ContextStudents.create(m, ContextStudents.spec(), STEPS, H, 41);
            float[][] raw = ContextStudents.windows(s.artifact(), 10, 42, 4);
            float[][] djl = s.djlStream(m, raw);
            StudentRuntime q = StudentRuntime.quantised(s.artifact());
            float[] out = new float[11];
            int same = 0;
            int windows = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == null) {
                    q.skipContextWindow();
                    continue;
                }
                q.logitsInContext(raw[i], out);
                windows++;
                same += StudentRuntime.argmax(out) == StudentRuntime.argmax(djl[i]) ? 1 : 0;
                assertTrue(StudentFixtures.maxAbsDiff(out, djl[i]) < 0.5f, "int8 close to float, second " + i);
            }
            assertTrue(same >= windows - 2, same + " of " + windows + " int8 classes equal DJL's");
        }
    }

    @Test
    void runtimeWithoutHeadRefusesTheExplicitContextCall() {
        StudentRuntime rt = StudentRuntime.of(StudentFixtures.defaultArtifact(5));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> rt.logitsWithContext(new float[180], new float[0], new float[11], null));
        assertTrue(e.getMessage().contains("context head"), e.getMessage());
        float[] raw = StudentFixtures.rawWindow(new java.util.Random(1), StudentFixtures.defaultArtifact(5));
        float[] a = new float[11];
        rt.logitsInContext(raw, a);
        rt.skipContextWindow();
        assertArrayEquals(rt.logits(raw), a, 0f, "without a head the stateful call is the stateless one");
    }
}
