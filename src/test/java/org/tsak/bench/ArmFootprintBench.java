package org.tsak.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import org.tsak.deploy.ArmFirmware;
import org.tsak.deploy.ArmQemu;
import org.tsak.deploy.ArmSections;
import org.tsak.deploy.CExporter;
import org.tsak.deploy.CTestWindows;
import org.tsak.deploy.ConfigStudents;
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentRuntime;
import org.tsak.model.StudentSpec;

/**
 * {@code ./bench arm}: a config's student (seeded random weights) exported to C, cross-built for a
 * Cortex-M4F ({@link ArmFirmware}) and run under QEMU {@code mps2-an386} ({@link ArmQemu}). For
 * float32 and int8 it prints: the export's flash and static RAM as the linker map places
 * {@code student.o} into the bare image, its largest stack frame ({@code -fstack-usage}), the
 * whole bare image's flash and RAM ({@code arm-none-eabi-size -A}: startup, driver loop, one test
 * window of {@code 4 C L} bytes, the export; no stdio), the largest |logit difference| from the
 * Java runtime and the class agreement on the test windows, and the instructions QEMU executes per
 * {@code tsak_predict} call (mean, min, max over the windows).
 *
 * <p>Arguments as {@link BenchArgs} ({@code --repeats} unused). Exit code 1 if a tool is missing.
 */
public final class ArmFootprintBench {

    private ArmFootprintBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args);
        String missing = ArmFirmware.missingTools().orElse(null);
        if (missing != null) {
            System.err.println("cannot build for the Cortex-M4: " + missing);
            System.exit(1);
        }
        StudentSpec spec = ConfigStudents.spec(a.config());
        StudentArtifact artifact = ConfigStudents.of(spec, a.seed());
        List<float[]> windows = ConfigStudents.windows(artifact, a.windows(), a.seed() + 1);
        System.out.println("Cortex-M4F build of the C export: " + spec + ", seed " + a.seed() + ", "
                + windows.size() + " test windows");
        System.out.println("toolchain: " + MachineInfo.firstLine("arm-none-eabi-gcc", "--version") + ", "
                + String.join(" ", ArmFirmware.CPU_FLAGS) + " " + String.join(" ", ArmFirmware.CODE_FLAGS)
                + "; emulator: " + MachineInfo.firstLine("qemu-system-arm", "--version") + " -M " + ArmQemu.MACHINE);
        System.out.printf(Locale.ROOT, "%-8s %13s %11s %10s %12s %10s %16s %8s %26s%n", "weights", "export flash",
                "export RAM", "max stack", "image flash", "image RAM", "max|dz| vs Java", "classes",
                "instructions/window");
        Path root = Files.createTempDirectory("tsak-arm-bench");
        for (CExporter.Precision p : CExporter.Precision.values()) {
            String label = p.name().toLowerCase(Locale.ROOT);
            Path dir = Files.createDirectories(root.resolve(label));
            Path print = ArmFirmware.build(dir, artifact, p, windows, ArmFirmware.Image.PRINT);
            float[][] arm = CTestWindows.parseLogits(ArmQemu.run(print), windows.size(), spec.classes());
            LongSummaryStatistics insns = ArmQemu.instructionsPerWindow(print).stream()
                    .mapToLong(Long::longValue).summaryStatistics();
            StudentRuntime java = p == CExporter.Precision.INT8 ? StudentRuntime.quantised(artifact)
                    : StudentRuntime.of(artifact);
            float worst = 0;
            int same = 0;
            for (int w = 0; w < windows.size(); w++) {
                float[] z = java.logits(windows.get(w));
                for (int i = 0; i < z.length; i++) {
                    worst = Math.max(worst, Math.abs(z[i] - arm[w][i]));
                }
                same += StudentRuntime.argmax(z) == StudentRuntime.argmax(arm[w]) ? 1 : 0;
            }
            Path bare = ArmFirmware.build(dir, artifact, p, windows.subList(0, 1), ArmFirmware.Image.BARE);
            ArmSections export = ArmSections.fromLinkerMap(Files.readString(dir.resolve("bare.map")),
                    ArmFirmware.EXPORT_OBJECT);
            ArmSections image = ArmFirmware.size(bare);
            long stack = ArmFirmware.maxStackFrameBytes(dir);
            System.out.printf(Locale.ROOT, "%-8s %11d B %9d B %8d B %10d B %8d B %16.3g %5d/%d %,10.0f (%,d-%,d)%n",
                    label, export.flashBytes(), export.ramBytes(), stack, image.flashBytes(), image.ramBytes(), worst,
                    same, windows.size(), insns.getAverage(), insns.getMin(), insns.getMax());
            System.out.println("  undefined symbols of " + ArmFirmware.EXPORT_OBJECT + ": "
                    + ArmFirmware.symbols(dir.resolve(ArmFirmware.EXPORT_OBJECT), true));
        }
        System.out.println("(files, ELF and map files in " + root + "; image RAM excludes the stack, which the"
                + " linker script puts at the top of RAM)");
    }
}
