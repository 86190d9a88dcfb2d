package org.tsak.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted on a test folder, to fill a disk for real ({@code mount -t tmpfs -o
 * size=300k tmpfs DIR}; works as root on the project's machines). Tests that cannot mount (not
 * root, no mount permission in a container) are skipped with the reason.
 */
public final class TmpfsMount implements AutoCloseable {

    private final Path dir;

    private TmpfsMount(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (e.g. {@code 300k}) on {@code dir}, or skips the calling test. */
    public static TmpfsMount mountOrSkip(Path dir, String size) throws IOException, InterruptedException {
        String out = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", dir.toString()));
        Assumptions.assumeTrue(out == null, "cannot mount a tmpfs on " + dir + " (needs root and mount permission): "
                + out + "; disk-full test skipped");
        return new TmpfsMount(dir);
    }

    /** Grows or shrinks the file system in place, keeping its files (free space comes back). */
    public void resize(String size) throws IOException, InterruptedException {
        String out = run(List.of("mount", "-o", "remount,size=" + size, dir.toString()));
        if (out != null) {
            throw new IOException("cannot resize the tmpfs on " + dir + ": " + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String out = run(List.of("umount", dir.toString()));
        if (out != null) {
            run(List.of("umount", "-l", dir.toString()));
        }
    }

    /** Runs a command; null if it succeeded, else its output and exit code. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return command.get(0) + " not available: " + e.getMessage();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return command + " did not finish";
        }
        return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + out;
    }
}
