package org.tsak.bench;

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
import org.openjdk.jmh.annotations.Warmup;
import org.tsak.data.Operations;
import org.tsak.deploy.BaselineStudentRuntime;
import org.tsak.deploy.FoldedStudent;
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentRuntime;
import org.tsak.model.StudentSpec;

import ai.djl.ndarray.NDManager;

/**
 * Batch-1 latency (µs per window) of the pure-Java runtime's kernels against the kernels they
 * replaced ({@link BaselineStudentRuntime}, the runtime at commit 998e8c8), float32 and int8, on the
 * demo's student ({@link DemoStudent}) and one window, side by side in one JVM so that a shared,
 * noisy machine affects both alike (the runtime rows: its default conv kernels, the Vector API ones
 * in this fork). GFLOP/s = {@link DemoStudent#flops} / time.
 * Run: {@code ./bench StudentKernelBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "--add-modules",
    "jdk.incubator.vector"})
public class StudentKernelBenchmark {

    StudentRuntime runtime;
    StudentRuntime runtimeInt8;
    BaselineStudentRuntime baseline;
    BaselineStudentRuntime baselineInt8;
    float[] window;
    float[] logits = new float[Operations.CLASS_COUNT];

    @Setup(Level.Trial)
    public void setUp() {
        StudentSpec spec = DemoStudent.spec();
        StudentArtifact artifact;
        try (NDManager m = NDManager.newBaseManager()) {
            artifact = DemoStudent.artifact(DemoStudent.block(spec, m, 1), spec);
        }
        FoldedStudent folded = FoldedStudent.of(artifact);
        runtime = StudentRuntime.of(folded);
        runtimeInt8 = StudentRuntime.quantised(folded);
        baseline = BaselineStudentRuntime.of(folded);
        baselineInt8 = BaselineStudentRuntime.quantised(folded);
        window = DemoStudent.windows(spec, 1, 3);
    }

    @Benchmark
    public float[] runtimeFloat() {
        runtime.logits(window, logits);
        return logits;
    }

    @Benchmark
    public float[] runtimeInt8() {
        runtimeInt8.logits(window, logits);
        return logits;
    }

    @Benchmark
    public float[] baselineFloat() {
        baseline.logits(window, logits);
        return logits;
    }

    @Benchmark
    public float[] baselineInt8() {
        baselineInt8.logits(window, logits);
        return logits;
    }
}
