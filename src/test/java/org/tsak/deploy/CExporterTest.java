package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CExporterTest {

    @TempDir
    Path dir;

    @Test
    void defaultStudentFootprintByHand() {
        FoldedStudent f = FoldedStudent.of(StudentFixtures.defaultArtifact(1));
        // float flash: norm 2*3*4 = 24; conv0 240*4 + 16*4 = 1024; conv1 2560*4 + 32*4 = 10368;
        // linear 352*4 + 11*4 = 1452 -> 12868. RAM: rows of 60 + 2*2 = 64 floats, buffer A holds
        // input/conv1 output (32 ch), B conv0 output (16 ch): 48*64*4 = 12288, + rep 32*4 + logits 11*4 -> 12460
        CFootprint fp = CExporter.footprint(f, CExporter.Precision.FLOAT32);
        assertEquals(12_868, fp.flashWeightBytes());
        assertEquals(12_460, fp.ramActivationBytes());
        // int8 flash: 24 + (240 + 64 + 64) + (2560 + 128 + 128) + (352 + 44 + 44) = 3648;
        // RAM adds int8 activation rows 32*64, int32 accumulator 60*4, int8 rep 32 -> 14780
        CFootprint q = CExporter.footprint(f, CExporter.Precision.INT8);
        assertEquals(3_648, q.flashWeightBytes());
        assertEquals(14_780, q.ramActivationBytes());
        System.out.println(fp.describe());
        System.out.println(q.describe());
    }

    @Test
    void rendersAPlainC99PairWithoutAllocation() {
        CExport e = CExporter.render(StudentFixtures.defaultArtifact(2), "tsak_student", CExporter.Precision.FLOAT32);
        assertTrue(e.header().contains("int tsak_predict(const float *window, float *logits);"));
        assertTrue(e.header().contains("#define TSAK_WINDOW_SAMPLES 60"));
        assertTrue(e.header().contains("0: right_wrist/acc_x"));
        assertTrue(e.header().contains("gitCommit: 0123456789abcdef"));
        assertFalse(e.source().contains("malloc"));
        assertFalse(e.source().contains("#include <math.h>"));
        assertTrue(e.source().contains("\"Attach Shipping Label\""));
        assertThrows(IllegalArgumentException.class,
                () -> CExporter.render(StudentFixtures.defaultArtifact(2), "bad-name", CExporter.Precision.FLOAT32));
    }

    @Test
    void compiledFloatExportMatchesJavaRuntime() throws Exception {
        StudentArtifact a = StudentFixtures.defaultArtifact(3);
        compareWithJava(a, CExporter.Precision.FLOAT32, StudentRuntime.of(a), 50);
    }

    @Test
    void compiledInt8ExportMatchesJavaQuantisedRuntime() throws Exception {
        StudentArtifact a = StudentFixtures.defaultArtifact(4);
        compareWithJava(a, CExporter.Precision.INT8, StudentRuntime.quantised(a), 50);
    }

    @Test
    void compiledHandWorkedNetworkGivesTheHandNumbers() throws Exception {
        List<float[]> out = runC(HandWorkedStudentTest.tiny(), CExporter.Precision.FLOAT32,
                List.of(HandWorkedStudentTest.RAW));
        assertArrayEquals(HandWorkedStudentTest.EXPECTED, out.get(0), 1e-5f);
    }

    private void compareWithJava(StudentArtifact a, CExporter.Precision p, StudentRuntime rt, int count)
            throws Exception {
        Random r = new Random(9);
        List<float[]> windows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            windows.add(StudentFixtures.rawWindow(r, a));
        }
        List<float[]> c = runC(a, p, windows);
        float worst = 0;
        for (int i = 0; i < count; i++) {
            float[] java = rt.logits(windows.get(i));
            worst = Math.max(worst, StudentFixtures.maxAbsDiff(java, c.get(i)));
            assertArrayEquals(java, c.get(i), 1e-4f, "window " + i);
        }
        System.out.printf("C %s vs Java: max abs logit diff %.3g over %d windows%n", p, worst, count);
    }

    private List<float[]> runC(StudentArtifact a, CExporter.Precision p, List<float[]> windows) throws Exception {
        return CProgram.run(dir, a, p, windows);
    }
}
