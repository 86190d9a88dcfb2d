package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compiles a C export with a small driver ({@code gcc -std=c99 -O2 -Wall -Werror}) and runs it on
 * windows; the test is skipped (assumption) when gcc is not on the PATH.
 */
final class CProgram {

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

    private static final String MAIN_STREAM = """
            #include <stdio.h>
            #include "student.h"

            /* stdin: op count, then per op 1 and a window of C*L floats (tsak_predict), 0 (tsak_skip) or
             * 2 (tsak_reset); stdout: per predicted window its class and logits. */
            int main(void)
            {
                static float window[TSAK_INPUT_CHANNELS * TSAK_WINDOW_SAMPLES];
                float logits[TSAK_CLASS_COUNT];
                int n, w, i, op, cls;
                if (scanf("%d", &n) != 1) {
                    return 2;
                }
                for (w = 0; w < n; w++) {
                    if (scanf("%d", &op) != 1) {
                        return 3;
                    }
                    if (op == 0) {
                        tsak_skip();
                        continue;
                    }
                    if (op == 2) {
                        tsak_reset();
                        continue;
                    }
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
                return 0;
            }
            """;

    /** Stream op: reset the context ring. */
    static final float[] RESET = new float[0];

    private CProgram() {
    }

    /**
     * Exports {@code a} (a student with a context head) into {@code dir}, compiles and runs a stream:
     * per entry a window ({@code tsak_predict}), null ({@code tsak_skip}) or {@link #RESET}
     * ({@code tsak_reset}); returns the logits of each predicted window, in order.
     */
    static List<float[]> runStream(Path dir, StudentArtifact a, CExporter.Precision p, List<float[]> ops)
            throws Exception {
        StringBuilder in = new StringBuilder().append(ops.size()).append('\n');
        int predicted = 0;
        for (float[] w : ops) {
            if (w == null) {
                in.append("0\n");
            } else if (w == RESET) {
                in.append("2\n");
            } else {
                in.append("1 ");
                for (float v : w) {
                    in.append(Float.toString(v)).append(' ');
                }
                in.append('\n');
                predicted++;
            }
        }
        List<float[]> out = compileAndRun(dir, a, p, MAIN_STREAM, in.toString());
        assertEquals(predicted, out.size());
        return out;
    }

    private static List<float[]> compileAndRun(Path dir, StudentArtifact a, CExporter.Precision p, String main,
            String input) throws Exception {
        assumeTrue(gccAvailable(), "gcc not on PATH: C export not compiled");
        CExport e = CExporter.render(a, "student", p);
        e.write(dir);
        Files.writeString(dir.resolve("main.c"), main);
        Path exe = dir.resolve("student_test");
        Process cc = new ProcessBuilder("gcc", "-std=c99", "-O2", "-Wall", "-Werror", "-o", exe.toString(),
                "main.c", "student.c").directory(dir.toFile()).redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cc.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, cc.exitValue(), "gcc failed:\n" + ccOut);
        Process run = new ProcessBuilder(exe.toString()).directory(dir.toFile()).start();
        try (OutputStream os = run.getOutputStream()) {
            os.write(input.getBytes(StandardCharsets.US_ASCII));
        }
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, run.exitValue(), "test program failed, output:\n" + out);
        List<float[]> result = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split(" ");
            float[] logits = new float[parts.length - 1];
            for (int i = 1; i < parts.length; i++) {
                logits[i - 1] = Float.parseFloat(parts[i]);
            }
            assertEquals(StudentRuntime.argmax(logits), Integer.parseInt(parts[0]));
            result.add(logits);
        }
        return result;
    }

    /** Exports {@code a} into {@code dir}, compiles, runs the windows; returns the logits per window. */
    static List<float[]> run(Path dir, StudentArtifact a, CExporter.Precision p, List<float[]> windows)
            throws Exception {
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

    static boolean gccAvailable() {
        try {
            Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
