package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CExporterTest {

    @TempDir
    Path dir;

    private static final String MAIN = """
            #include <stdio.h>
            #include "student.h"

            /* stdin: window count, then that many windows of C*L floats; stdout: class and logits. */
            int main(void)
            {
                static float window[TSAK_INPUT_CHANNELS * TSAK_WINDOW_SAMPLES];
                float logits[TSAK_CLASS_COUNT];
                int n, w, i, cls = -1;
                if (scanf("%d", &n) != 1) {
                    return 2;
                }
                for (w = 0; w < n; w++) {
                    for (i = 0; i < TSAK_INPUT_CHANNELS * TSAK_WINDOW_SAMPLES; i++) {
                        if (scanf("%f", &window[i]) != 1) {
                            return 3;
                        }
                    }
                    cls = tsak_predict(window, logits);
                    printf("%d", cls);
                    for (i = 0; i < TSAK_CLASS_COUNT; i++) {
                        printf(" %.9g", logits[i]);
                    }
                    printf("\\n");
                }
                if (n > 0 && tsak_predict(window, 0) != cls) {
                    return 4;
                }
                return 0;
            }
            """;

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

    /** Exports, compiles with gcc -std=c99 -O2 -Wall -Werror, runs the windows; returns logits per window. */
    private List<float[]> runC(StudentArtifact a, CExporter.Precision p, List<float[]> windows) throws Exception {
        assumeTrue(gccAvailable(), "gcc not on PATH: C export not compiled");
        CExport e = CExporter.render(a, "student", p);
        e.write(dir);
        Files.writeString(dir.resolve("main.c"), MAIN);
        Path exe = dir.resolve("student_test");
        Process cc = new ProcessBuilder("gcc", "-std=c99", "-O2", "-Wall", "-Werror", "-o", exe.toString(),
                "main.c", "student.c").directory(dir.toFile()).redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cc.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, cc.exitValue(), "gcc failed:\n" + ccOut);
        Process run = new ProcessBuilder(exe.toString()).directory(dir.toFile()).start();
        StringBuilder in = new StringBuilder().append(windows.size()).append('\n');
        for (float[] w : windows) {
            for (float v : w) {
                in.append(Float.toString(v)).append(' ');
            }
            in.append('\n');
        }
        try (OutputStream os = run.getOutputStream()) {
            os.write(in.toString().getBytes(StandardCharsets.US_ASCII));
        }
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, run.exitValue(), "test program failed, output:\n" + out);
        List<float[]> result = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            String[] parts = line.trim().split(" ");
            float[] logits = new float[parts.length - 1];
            for (int i = 1; i < parts.length; i++) {
                logits[i - 1] = Float.parseFloat(parts[i]);
            }
            assertEquals(StudentRuntime.argmax(logits), Integer.parseInt(parts[0]));
            result.add(logits);
        }
        assertEquals(windows.size(), result.size());
        return result;
    }

    private static boolean gccAvailable() {
        try {
            Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
