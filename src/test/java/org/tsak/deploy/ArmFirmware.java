package org.tsak.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cross-builds a C export for a Cortex-M4F ({@code arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb
 * -mfloat-abi=hard -mfpu=fpv4-sp-d16 -std=c99 -O2}, sections garbage-collected) into an image for
 * QEMU's {@code mps2-an386} board: the startup, linker script and driver are the resources in
 * {@code org/tsak/deploy/arm/}, the test windows are compiled in ({@link CTestWindows}).
 *
 * <p>Two images: {@link Image#PRINT} prints the logits through semihosting (newlib's rdimon, so it
 * pulls in stdio and malloc); {@link Image#BARE} has no stdio at all, only the export, the startup
 * and the driver loop, and is the one measured for flash, RAM and instructions.
 */
public final class ArmFirmware {

    /** Tools the cross build and the emulator need. */
    public static final List<String> TOOLS = List.of("arm-none-eabi-gcc", "arm-none-eabi-size", "arm-none-eabi-nm",
            "qemu-system-arm");
    /** Target flags of every compile and link. */
    public static final List<String> CPU_FLAGS = List.of("-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard",
            "-mfpu=fpv4-sp-d16");
    /** Code generation flags of every compile. */
    public static final List<String> CODE_FLAGS = List.of("-std=c99", "-O2", "-Wall", "-ffunction-sections",
            "-fdata-sections");
    /** The export's object file in the build directory. */
    public static final String EXPORT_OBJECT = "student.o";
    /** The export's stack usage file ({@code -fstack-usage}). */
    public static final String EXPORT_STACK_USAGE = "student.su";

    private static final String RESOURCES = "/org/tsak/deploy/arm/";
    private static final String LINKER_SCRIPT = "mps2-an386.ld";

    /** Which driver image to link. */
    public enum Image {
        /** Logits printed through semihosting. */
        PRINT,
        /** No stdio: the measured image. */
        BARE
    }

    private ArmFirmware() {
    }

    /** Why the cross build cannot run here ({@code "arm-none-eabi-gcc not on PATH"}), or empty. */
    public static Optional<String> missingTools() {
        List<String> missing = new ArrayList<>();
        for (String t : TOOLS) {
            if (!ExternalCommand.available(t)) {
                missing.add(t);
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", missing) + " not on PATH (Debian: apt-get install gcc-arm-none-eabi "
                        + "libnewlib-arm-none-eabi qemu-system-arm)");
    }

    /**
     * Exports {@code artifact} at {@code precision} into {@code dir}, compiles it with the windows
     * and links {@code image}.
     *
     * @return the ELF file ({@code <image>.elf}; its map is {@code <image>.map} beside it)
     * @throws IOException if a file cannot be written or a tool fails (its output in the message)
     */
    public static Path build(Path dir, StudentArtifact artifact, CExporter.Precision precision, List<float[]> windows,
            Image image) throws IOException {
        CExporter.render(artifact, "student", precision).write(dir);
        Files.writeString(dir.resolve(CTestWindows.FILE_NAME), CTestWindows.header(windows));
        for (String r : List.of("startup.c", "firmware_main.c", LINKER_SCRIPT)) {
            try (InputStream in = ArmFirmware.class.getResourceAsStream(RESOURCES + r)) {
                if (in == null) {
                    throw new IOException("test resource " + RESOURCES + r + " missing from the classpath");
                }
                Files.write(dir.resolve(r), in.readAllBytes());
            }
        }
        compile(dir, "student.c", EXPORT_OBJECT, List.of("-Werror", "-fstack-usage"));
        compile(dir, "startup.c", "startup.o", List.of("-fno-tree-loop-distribute-patterns"));
        String name = image.name().toLowerCase(java.util.Locale.ROOT);
        String main = "main_" + name + ".o";
        compile(dir, "firmware_main.c", main, image == Image.PRINT ? List.of("-DTSAK_PRINT") : List.of());
        List<String> link = new ArrayList<>(List.of("arm-none-eabi-gcc"));
        link.addAll(CPU_FLAGS);
        link.addAll(List.of("-nostartfiles", "-T", LINKER_SCRIPT, "-Wl,--gc-sections", "-Wl,-Map=" + name + ".map",
                "startup.o", main, EXPORT_OBJECT));
        if (image == Image.PRINT) {
            link.addAll(List.of("--specs=rdimon.specs", "-Wl,--start-group", "-lc", "-lrdimon", "-lgcc",
                    "-Wl,--end-group"));
        } else {
            link.add("--specs=nano.specs");
        }
        link.addAll(List.of("-o", name + ".elf"));
        ExternalCommand.run(dir, 120, link);
        return dir.resolve(name + ".elf");
    }

    /** {@code arm-none-eabi-size -A} of a file in {@code dir}, parsed. */
    public static ArmSections size(Path file) throws IOException {
        return ArmSections.fromSizeOutput(ExternalCommand.run(file.getParent(), 30,
                List.of("arm-none-eabi-size", "-A", file.getFileName().toString())));
    }

    /** Symbols {@code nm} lists for a file: undefined ones with {@code undefinedOnly}, else all. */
    public static List<String> symbols(Path file, boolean undefinedOnly) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("arm-none-eabi-nm"));
        if (undefinedOnly) {
            cmd.add("-u");
        }
        cmd.add(file.getFileName().toString());
        List<String> names = new ArrayList<>();
        for (String line : ExternalCommand.run(file.getParent(), 30, cmd).split("\\R")) {
            String[] p = line.trim().split("\\s+");
            if (p.length >= 2) {
                names.add(p[p.length - 1]);
            }
        }
        return names;
    }

    /**
     * Largest stack frame of the export's functions ({@code -fstack-usage}; static functions are
     * mostly inlined into {@code tsak_predict}), bytes.
     *
     * @throws IOException if the file is missing or a frame is not static (dynamic stack)
     */
    public static long maxStackFrameBytes(Path dir) throws IOException {
        long max = 0;
        for (String line : Files.readAllLines(dir.resolve(EXPORT_STACK_USAGE))) {
            String[] p = line.split("\t");
            if (p.length >= 3) {
                if (!p[2].trim().equals("static")) {
                    throw new IOException("export function with a non-static stack frame: " + line);
                }
                max = Math.max(max, Long.parseLong(p[1].trim()));
            }
        }
        return max;
    }

    private static void compile(Path dir, String source, String object, List<String> extra) throws IOException {
        List<String> cc = new ArrayList<>(List.of("arm-none-eabi-gcc"));
        cc.addAll(CPU_FLAGS);
        cc.addAll(CODE_FLAGS);
        cc.addAll(extra);
        cc.addAll(List.of("-I.", "-c", source, "-o", object));
        ExternalCommand.run(dir, 120, cc);
    }
}
