package org.tsak.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an {@link ArmFirmware} image on QEMU's {@code mps2-an386} (Cortex-M4 with FPU) with
 * semihosting ({@code -semihosting-config enable=on,target=native}), no display, no serial.
 */
public final class ArmQemu {

    /** The QEMU board. */
    public static final String MACHINE = "mps2-an386";

    private static final long TIMEOUT_SECONDS = 300;

    private ArmQemu() {
    }

    /**
     * Runs the image and returns what it printed through semihosting.
     *
     * @throws IOException if QEMU fails, times out or the image exits non-zero (a fault exits 1)
     */
    public static String run(Path elf) throws IOException {
        return ExternalCommand.run(elf.getParent(), TIMEOUT_SECONDS, command(elf, List.of()));
    }

    /**
     * Instructions executed between each {@code tsak_mark_begin} and {@code tsak_mark_end} of the
     * image (one per window): QEMU in single-step mode ({@code -singlestep}, one translation block
     * per guest instruction) logs every block it executes ({@code -d exec,nochain}), and the lines
     * between the two markers are counted. Includes the call of {@code tsak_predict} and the
     * markers' returns (a handful of instructions).
     *
     * @throws IOException if QEMU fails or the trace holds no marker pair
     */
    public static List<Long> instructionsPerWindow(Path elf) throws IOException {
        List<String> cmd = command(elf, List.of("-singlestep", "-d", "exec,nochain", "-D", "/dev/stdout"));
        Process p = new ProcessBuilder(cmd).directory(elf.getParent().toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        List<Long> counts = new ArrayList<>();
        long n = 0;
        boolean inside = false;
        StringBuilder other = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8),
                1 << 20)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("Trace ")) {
                    if (other.length() < 4000) {
                        other.append(line).append('\n');
                    }
                    continue;
                }
                if (line.endsWith("] tsak_mark_begin")) {
                    inside = true;
                    n = 0;
                } else if (line.endsWith("] tsak_mark_end")) {
                    if (inside) {
                        counts.add(n);
                    }
                    inside = false;
                } else if (inside) {
                    n++;
                }
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("QEMU trace of " + elf + " timed out");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while tracing " + elf, e);
        }
        if (p.exitValue() != 0 || counts.isEmpty()) {
            throw new IOException("QEMU trace of " + elf + " exited " + p.exitValue() + " with " + counts.size()
                    + " marked windows:\n" + other);
        }
        return counts;
    }

    private static List<String> command(Path elf, List<String> extra) {
        List<String> cmd = new ArrayList<>(List.of("qemu-system-arm", "-M", MACHINE, "-nographic", "-monitor", "none",
                "-serial", "none", "-semihosting-config", "enable=on,target=native"));
        cmd.addAll(extra);
        cmd.addAll(List.of("-kernel", elf.getFileName().toString()));
        return cmd;
    }
}
