package org.tsak.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentRuntime;
import org.tsak.model.StudentSpec;

import ai.djl.ndarray.NDManager;

/**
 * Throughput of the pure-Java runtime's batched path ({@link StudentRuntime#logitsBatch}) on the
 * demo's student ({@link DemoStudent}) for {@code N} windows per call, one per worker stream, on
 * one thread. Secondary metrics (JMH aux counters, per second): {@code windows} (windows per
 * second per core) and {@code flops} (the cost model's FLOPs, {@code CostModel.studentFlops},
 * per second; divide by 1e9 for GFLOP/s). {@code kernels}: the conv kernels, {@code vector}
 * (Vector API, the default when the JVM has {@code jdk.incubator.vector}) or {@code scalar}
 * ({@code -Dtsak.vectorKernels=false}); each parameter set runs in its own fork.
 * Run: {@code ./bench summary StudentBatchBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "--add-modules",
    "jdk.incubator.vector"})
public class StudentBatchBenchmark {

    @Param({"1", "16", "256"})
    int batch;

    @Param({"float", "int8"})
    String precision;

    @Param({"vector", "scalar"})
    String kernels;

    StudentRuntime runtime;
    float[] windows;
    float[] logits;
    long flopsPerWindow;

    /** Windows and FLOPs done, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Done {
        public long windows;
        public long flops;
    }

    @Setup(Level.Trial)
    public void setUp() {
        StudentSpec spec = DemoStudent.spec();
        StudentArtifact artifact;
        try (NDManager m = NDManager.newBaseManager()) {
            artifact = DemoStudent.artifact(DemoStudent.block(spec, m, 1), spec);
        }
        boolean vector = "vector".equals(kernels);
        System.setProperty(StudentRuntime.VECTOR_KERNELS_PROPERTY, Boolean.toString(vector));
        runtime = "int8".equals(precision) ? StudentRuntime.quantised(artifact) : StudentRuntime.of(artifact);
        if (runtime.usesVectorKernels() != vector) {
            throw new IllegalStateException("kernels=" + kernels + " but the runtime uses the other kind: the fork "
                    + "needs --add-modules jdk.incubator.vector for the vector kernels");
        }
        windows = DemoStudent.windows(spec, batch, 5);
        logits = new float[batch * runtime.classCount()];
        flopsPerWindow = DemoStudent.flops(spec);
    }

    @Benchmark
    public float[] batchedLogits(Done done) {
        runtime.logitsBatch(windows, batch, logits);
        done.windows += batch;
        done.flops += batch * flopsPerWindow;
        return logits;
    }
}
