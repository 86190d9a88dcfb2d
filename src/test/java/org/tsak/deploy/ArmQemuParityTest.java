package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C export cross-built for a Cortex-M4F and run under QEMU ({@code mps2-an386}, semihosting)
 * on a small seeded strided student: float logits within 1e-4 of the Java runtime, int8 classes
 * equal to the Java int8 runtime's, and no allocation or maths-library call in the export or the
 * bare image. Skipped, with the reason, when the cross toolchain or QEMU is not installed.
 */
class ArmQemuParityTest {

    private static final int WINDOWS = 8;
    /** Symbols a malloc-free, libm-free export must not reference. */
    private static final Set<String> FORBIDDEN = Set.of("malloc", "calloc", "realloc", "free", "_sbrk", "sbrk",
            "expf", "exp", "sqrtf", "sqrt", "logf", "log", "powf", "pow", "floorf", "floor", "roundf", "lroundf",
            "tanhf", "fabsf", "printf");
    /** Library symbols the compiler may call for plain loops (zeroing, copying). */
    private static final Set<String> ALLOWED_UNDEFINED = Set.of("memset", "memcpy", "memmove");

    @TempDir
    Path dir;

    @BeforeAll
    static void toolsPresent() {
        String missing = ArmFirmware.missingTools().orElse(null);
        assumeTrue(missing == null, "Cortex-M4 cross build under QEMU skipped: " + missing);
    }

    private static StudentArtifact student() {
        return StudentFixtures.artifact(21, new int[] {8, 16, 16}, 5, new int[] {2, 2, 2}, new int[] {1, 1, 1}, 60);
    }

    @Test
    void floatLogitsUnderQemuMatchJava() throws Exception {
        StudentArtifact a = student();
        List<float[]> windows = ConfigStudents.windows(a, WINDOWS, 5);
        Path elf = ArmFirmware.build(dir, a, CExporter.Precision.FLOAT32, windows, ArmFirmware.Image.PRINT);
        float[][] arm = CTestWindows.parseLogits(ArmQemu.run(elf), WINDOWS, a.classIds().size());
        StudentRuntime java = StudentRuntime.of(a);
        float worst = 0;
        for (int w = 0; w < WINDOWS; w++) {
            float[] z = java.logits(windows.get(w));
            for (int i = 0; i < z.length; i++) {
                worst = Math.max(worst, Math.abs(z[i] - arm[w][i]));
                assertEquals(z[i], arm[w][i], 1e-4f, "window " + w + " logit " + i);
            }
        }
        System.out.printf("Cortex-M4F float32 under QEMU vs Java: max |logit diff| %.3g over %d windows%n", worst,
                WINDOWS);
    }

    @Test
    void int8ClassesUnderQemuMatchJava() throws Exception {
        StudentArtifact a = student();
        List<float[]> windows = ConfigStudents.windows(a, WINDOWS, 6);
        Path elf = ArmFirmware.build(dir, a, CExporter.Precision.INT8, windows, ArmFirmware.Image.PRINT);
        float[][] arm = CTestWindows.parseLogits(ArmQemu.run(elf), WINDOWS, a.classIds().size());
        StudentRuntime java = StudentRuntime.quantised(a);
        for (int w = 0; w < WINDOWS; w++) {
            assertEquals(java.predictClass(windows.get(w)), StudentRuntime.argmax(arm[w]), "window " + w);
        }
    }

    @Test
    void exportNeedsNoAllocationAndNoMathsLibrary() throws Exception {
        StudentArtifact a = student();
        for (CExporter.Precision p : CExporter.Precision.values()) {
            Path elf = ArmFirmware.build(dir, a, p, ConfigStudents.windows(a, 1, 7), ArmFirmware.Image.BARE);
            List<String> undefined = ArmFirmware.symbols(dir.resolve(ArmFirmware.EXPORT_OBJECT), true);
            for (String s : undefined) {
                assertTrue(ALLOWED_UNDEFINED.contains(s), p + " export references " + s + "; undefined: " + undefined);
            }
            List<String> linked = ArmFirmware.symbols(elf, false);
            for (String s : FORBIDDEN) {
                assertFalse(linked.contains(s), p + " bare image links " + s);
            }
            ArmSections image = ArmFirmware.size(elf);
            assertTrue(image.flashBytes() > 0 && image.ramBytes() > 0, p + ": " + image);
            // The computed footprint's static RAM is exactly what the linker places from the export.
            ArmSections export = ArmSections.fromLinkerMap(Files.readString(dir.resolve("bare.map")),
                    ArmFirmware.EXPORT_OBJECT);
            CFootprint computed = CExporter.footprint(FoldedStudent.of(a), p);
            assertEquals(computed.ramActivationBytes(), export.ramBytes(), p + ": " + export.sections());
            assertTrue(export.flashBytes() > computed.flashWeightBytes(), p + ": " + export.sections());
            assertTrue(ArmQemu.instructionsPerWindow(elf).get(0) > 0);
        }
    }
}
