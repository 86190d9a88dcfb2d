package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C export of a student with a context head, compiled with gcc: a static ring carries the
 * state across {@code tsak_predict} calls, {@code tsak_skip()} marks a missing second and
 * {@code tsak_reset()} starts a new stream. Float32 against DJL (< 1e-4) and equal to the Java
 * runtime's stateful call; int8 equal to the Java int8 runtime, same class.
 */
class ContextCExportTest {

    private static final int STEPS = 4;
    private static final int H = 8;

    @TempDir
    Path dir;

    @Test
    void headerAndFootprintDescribeTheState() {
        StudentArtifact a = ContextArtifactFileTest.withHead(71);
        CExport e = CExporter.render(a, "tsak_student", CExporter.Precision.FLOAT32);
        assertTrue(e.header().contains("void tsak_skip(void);"), e.header());
        assertTrue(e.header().contains("void tsak_reset(void);"));
        assertTrue(e.header().contains("#define TSAK_CONTEXT_STEPS 3"));
        assertTrue(e.header().contains("static ring of 32 bytes"));
        assertTrue(e.source().contains("static float tsak_ctx_state[TSAK_CONTEXT_PAST * TSAK_CONTEXT_PROJECTION];"));
        assertFalse(e.source().contains("malloc"));
        StudentArtifact plain = StudentFixtures.defaultArtifact(71);
        CExport p = CExporter.render(plain, "tsak_student", CExporter.Precision.FLOAT32);
        assertFalse(p.source().contains("tsak_ctx") || p.header().contains("tsak_skip"), "no head, no context code");
        FoldedStudent f = FoldedStudent.of(a);
        FoldedStudent g = FoldedStudent.of(plain);
        for (CExporter.Precision precision : CExporter.Precision.values()) {
            CFootprint with = CExporter.footprint(f, precision);
            CFootprint without = CExporter.footprint(g, precision);
            // head weights 32*4 + 4 + 3*4*11 + 11 = 275 floats; state 2*4 + projection 4 floats + ring index
            assertEquals(without.flashWeightBytes() + 4 * 275, with.flashWeightBytes());
            assertEquals(without.ramActivationBytes() + 4 * 8 + 4 * 4 + 4, with.ramActivationBytes());
        }
    }

    @Test
    void compiledFloatExportCarriesTheStateLikeDjlAndJava() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ContextStudents s = ContextStudents.create(m, ContextStudents.spec(), STEPS, H, 81);
            float[][] raw = ContextStudents.windows(s.artifact(), 14, 82, 6, 10);
            float[][] djl = s.djlStream(m, raw);
            List<float[]> ops = new ArrayList<>(java.util.Arrays.asList(raw));
            ops.add(CProgram.RESET);
            ops.add(raw[13]);
            List<float[]> c = CProgram.runStream(dir, s.artifact(), CExporter.Precision.FLOAT32, ops);
            StudentRuntime rt = StudentRuntime.of(s.artifact());
            float[] java = new float[11];
            int out = 0;
            float worst = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == null) {
                    rt.skipContextWindow();
                    continue;
                }
                rt.logitsInContext(raw[i], java);
                float[] ci = c.get(out++);
                assertArrayEquals(djl[i], ci, 1e-4f, "C vs DJL, second " + i);
                assertArrayEquals(java, ci, 0f, "C vs Java stateful runtime, second " + i);
                worst = Math.max(worst, StudentFixtures.maxAbsDiff(ci, djl[i]));
            }
            float[] afterReset = c.get(out);
            assertArrayEquals(rt.logits(raw[13]), afterReset, 0f, "after tsak_reset the past is absent");
            assertTrue(StudentFixtures.maxAbsDiff(afterReset, djl[13]) > 0.05f, "the state mattered at second 13");
            System.out.printf("C float32 with context vs DJL over %d seconds with 2 gaps: max |logit diff| %.2g%n",
                    raw.length, worst);
        }
    }

    @Test
    void compiledInt8ExportEqualsTheJavaInt8Runtime() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ContextStudents s = ContextStudents.create(m, ContextStudents.spec(), STEPS, H, 91);
            float[][] raw = ContextStudents.windows(s.artifact(), 10, 92, 3);
            List<float[]> c = CProgram.runStream(dir, s.artifact(), CExporter.Precision.INT8,
                    java.util.Arrays.asList(raw));
            StudentRuntime q = StudentRuntime.quantised(s.artifact());
            float[] java = new float[11];
            int out = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == null) {
                    q.skipContextWindow();
                    continue;
                }
                q.logitsInContext(raw[i], java);
                float[] ci = c.get(out++);
                assertArrayEquals(java, ci, 1e-4f, "int8 C vs Java, second " + i);
                assertEquals(StudentRuntime.argmax(java), StudentRuntime.argmax(ci), "second " + i);
            }
        }
    }
}
