package org.tsak.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a second JVM on the test class path (DJL offline, one PyTorch thread, as the build's
 * test JVM), for tests that need a fresh engine or a separate process (file locks).
 */
public final class TestJvm {

    private TestJvm() {
    }

    /** What a finished process gave. */
    public record Result(int exitCode, String out) {
    }

    /** A started, not yet finished JVM running {@code mainClass} with {@code args}; output merged. */
    public static Process start(Class<?> mainClass, List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Dai.djl.pytorch.num_threads=1");
        cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
        cmd.addAll(jvmOptions);
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OPT_OUT_TRACKING", "true");
        return pb.start();
    }

    /** Runs {@code mainClass} to the end (at most {@code timeoutSeconds}) and returns its exit code and output. */
    public static Result run(Class<?> mainClass, long timeoutSeconds, String... args) throws Exception {
        Process p = start(mainClass, List.of(), args);
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(mainClass.getSimpleName() + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
