package org.tsak.bench;

import java.io.File;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tsak.deploy.OnnxExporter;
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentArtifactFile;
import org.tsak.deploy.StudentRuntime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Batch-1 latency (µs per window) of the benchmarks' student ({@link DemoStudent}) in ONNX Runtime
 * (CPU, one intra-op and one inter-op thread), on the window {@link StudentLatencyBenchmark} uses:
 * the row beside the pure-Java runtime and DJL.
 *
 * <p>This JVM never loads DJL or PyTorch (ONNX Runtime and PyTorch in one JVM crashed the fork): a
 * child JVM ({@link DemoArtifactWriter}) builds the DJL student and writes its artifact file; this
 * benchmark reads it, writes the ONNX model with {@link OnnxExporter} (no DJL) and checks ONNX
 * Runtime's logits against the pure-Java runtime's (printed). If any of that fails the setup prints
 * {@code ONNX Runtime row skipped: <why>} and throws, so JMH reports the row as failed, never drops it.
 * Run: {@code ./bench} (with the others, GFLOP/s by {@link StudentBenchSummary}) or
 * {@code ./bench StudentOrtBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "--add-modules", "jdk.incubator.vector"})
public class StudentOrtBenchmark {

    /** Seed of the window, the same as {@link StudentLatencyBenchmark}'s. */
    static final long WINDOW_SEED = 3;

    OrtEnvironment env;
    OrtSession session;
    OnnxTensor input;

    @Setup(Level.Trial)
    public void setUp() throws OrtException {
        StudentArtifact artifact;
        try {
            artifact = demoArtifactFromChildJvm();
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw skipped("the benchmark student could not be built without DJL in this JVM: " + e, e);
        }
        int c = artifact.inputChannels();
        int len = artifact.windowSamples();
        float[] window = DemoStudent.windows(c, len, 1, WINDOW_SEED);
        try {
            env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
                opts.setIntraOpNumThreads(1);
                opts.setInterOpNumThreads(1);
                session = env.createSession(OnnxExporter.export(artifact), opts);
            }
            input = OnnxTensor.createTensor(env, FloatBuffer.wrap(window), new long[] {1, c, len});
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
            throw skipped("ONNX Runtime could not load the exported model: " + e, e);
        }
        float[] ort = run();
        float[] java = StudentRuntime.of(artifact).logits(window);
        float maxDiff = 0f;
        for (int i = 0; i < java.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(java[i] - ort[i]));
        }
        System.out.printf("ONNX Runtime vs pure-Java runtime on the benchmark window: max |logit difference| %.2e%n",
                maxDiff);
    }

    private static IllegalStateException skipped(String why, Throwable cause) {
        System.out.println("ONNX Runtime row skipped: " + why);
        return new IllegalStateException("ONNX Runtime row skipped: " + why, cause);
    }

    /** The demo student's artifact, built by {@link DemoArtifactWriter} in a child JVM (which may load PyTorch). */
    private static StudentArtifact demoArtifactFromChildJvm()
            throws IOException, InterruptedException {
        Path file = Files.createTempFile("tsak-bench-student", ".tsak");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Dai.djl.offline=true");
            String config = System.getProperty(DemoStudent.CONFIG_PROPERTY);
            if (config != null) {
                cmd.add("-D" + DemoStudent.CONFIG_PROPERTY + "=" + config);
            }
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(DemoArtifactWriter.class.getName());
            cmd.add(file.toString());
            File log = Files.createTempFile("tsak-bench-student", ".log").toFile();
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IOException("DemoArtifactWriter did not finish within 5 minutes");
                }
                if (p.exitValue() != 0) {
                    throw new IOException("DemoArtifactWriter exited with " + p.exitValue() + ": "
                            + Files.readString(log.toPath()).strip());
                }
            } finally {
                Files.deleteIfExists(log.toPath());
            }
            return StudentArtifactFile.decode(Files.readAllBytes(file), file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private float[] run() throws OrtException {
        try (OrtSession.Result out = session.run(Map.of(OnnxExporter.INPUT_NAME, input))) {
            return ((float[][]) out.get(0).getValue())[0];
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws OrtException {
        if (input != null) {
            input.close();
        }
        if (session != null) {
            session.close();
        }
    }

    @Benchmark
    public float[] studentOnnxRuntime() throws OrtException {
        return run();
    }
}
