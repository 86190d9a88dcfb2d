package org.tsak.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external tool (a compiler, an emulator) and returns its output; stderr merged into stdout. */
public final class ExternalCommand {

    private ExternalCommand() {
    }

    /**
     * Runs {@code command} in {@code dir}.
     *
     * @param timeoutSeconds wall-clock limit, seconds; the process is killed after it
     * @return stdout and stderr, interleaved
     * @throws IOException naming the command, its exit code and output, if it cannot start, exits
     *                     non-zero or times out
     */
    public static String run(Path dir, long timeoutSeconds, List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        // Read on this thread: the tools here print little; a timeout still ends the process.
        Thread killer = new Thread(() -> {
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        });
        killer.setDaemon(true);
        killer.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " timed out after " + timeoutSeconds + " s:\n" + out);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + out);
        }
        return out;
    }

    /** Whether {@code tool --version} runs and exits 0 (the tool is on the PATH). */
    public static boolean available(String tool) {
        try {
            run(Path.of("."), 20, List.of(tool, "--version"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
