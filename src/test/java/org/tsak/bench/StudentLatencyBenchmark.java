package org.tsak.bench;

import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tsak.data.Operations;
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentRuntime;
import org.tsak.model.StudentBlock;
import org.tsak.model.StudentSpec;
import org.tsak.model.TeacherBlock;
import org.tsak.model.TeacherSpec;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * Batch-1 latency (µs per window) of the demo's student ({@link DemoStudent}: {@code configs/demo.yaml},
 * 3 x 60 window, conv [16, 32, 32, 48], kernel 5, stride 2) on one and the same window in the
 * pure-Java runtime (float and int8) and in DJL (PyTorch CPU), and of the default teacher in DJL on
 * the demo's 16 channels: the speed-up the deployment gets. One thread everywhere
 * ({@code -Dai.djl.pytorch.num_threads=1}). ONNX Runtime on the same student and window is
 * {@link StudentOrtBenchmark}, a separate class so that its fork never loads PyTorch. GFLOP/s:
 * {@link StudentBenchSummary} divides the cost model's FLOPs by these times.
 * The pure-Java rows run the conv kernels a runtime picks by default (the Vector API kernels: the
 * forks have {@code --add-modules jdk.incubator.vector}; printed at setup); the {@code *Scalar}
 * rows run the scalar kernels in forks with {@code -Dtsak.vectorKernels=false}, the same logits.
 * Run: {@code ./bench} (all rows and GFLOP/s) or {@code ./bench StudentLatencyBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
    "-Dai.djl.pytorch.num_interop_threads=1", "--add-modules", "jdk.incubator.vector"})
public class StudentLatencyBenchmark {

    @Param({"16"})
    int teacherChannels;

    NDManager manager;
    StudentSpec spec;
    StudentBlock student;
    TeacherBlock teacher;
    StudentRuntime runtime;
    StudentRuntime runtimeInt8;
    float[] studentWindow;
    float[] teacherWindow;
    float[] logits = new float[Operations.CLASS_COUNT];

    @Setup(Level.Trial)
    public void setUp() {
        spec = DemoStudent.spec();
        manager = NDManager.newBaseManager();
        student = DemoStudent.block(spec, manager, 1);
        StudentArtifact artifact = DemoStudent.artifact(student, spec);
        runtime = StudentRuntime.of(artifact);
        runtimeInt8 = StudentRuntime.quantised(artifact);
        System.out.println("pure-Java runtime conv kernels: " + (runtime.usesVectorKernels() ? "vector" : "scalar"));
        studentWindow = DemoStudent.windows(spec, 1, 3);
        int window = spec.windowSamples();
        teacher = TeacherBlock.create(TeacherSpec.defaults(teacherChannels, window, Operations.CLASS_COUNT),
                manager, 2);
        teacherWindow = new float[teacherChannels * window];
        java.util.Random r = new java.util.Random(4);
        for (int i = 0; i < teacherWindow.length; i++) {
            teacherWindow[i] = (float) r.nextGaussian();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }

    @Benchmark
    public float[] studentJavaRuntime() {
        runtime.logits(studentWindow, logits);
        return logits;
    }

    @Benchmark
    public float[] studentJavaRuntimeInt8() {
        runtimeInt8.logits(studentWindow, logits);
        return logits;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
        "-Dai.djl.pytorch.num_interop_threads=1", "--add-modules", "jdk.incubator.vector",
        "-Dtsak.vectorKernels=false"})
    public float[] studentJavaRuntimeScalar() {
        runtime.logits(studentWindow, logits);
        return logits;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
        "-Dai.djl.pytorch.num_interop_threads=1", "--add-modules", "jdk.incubator.vector",
        "-Dtsak.vectorKernels=false"})
    public float[] studentJavaRuntimeInt8Scalar() {
        runtimeInt8.logits(studentWindow, logits);
        return logits;
    }

    @Benchmark
    public float[] studentDjl() {
        try (NDManager sub = manager.newSubManager()) {
            NDList in = new NDList(sub.create(studentWindow, new Shape(1, spec.inputChannels(), spec.windowSamples())));
            return student.forward(new ParameterStore(sub, false), in, false).get(0).toFloatArray();
        }
    }

    @Benchmark
    public float[] teacherDjl() {
        try (NDManager sub = manager.newSubManager()) {
            NDList in = new NDList(sub.create(teacherWindow, new Shape(1, teacherChannels, spec.windowSamples())));
            return teacher.forward(new ParameterStore(sub, false), in, false).get(0).toFloatArray();
        }
    }
}
