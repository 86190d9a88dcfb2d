package org.tsak.bench;

import java.util.Random;
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
import org.tsak.export.StudentExporter;
import org.tsak.model.StudentBlock;
import org.tsak.model.StudentSpec;
import org.tsak.model.TeacherBlock;
import org.tsak.model.TeacherSpec;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * Batch-1 latency of the default student (3 x 60 window, conv {16, 32}, k 5) in the pure-Java
 * runtime (float and int8) and in DJL (PyTorch CPU), and of the default teacher in DJL on the
 * demo's 16 channels and OpenPack's 46: the speed-up the deployment gets. One thread
 * everywhere ({@code -Dai.djl.pytorch.num_threads=1}). Run: {@code ./bench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
    "-Dai.djl.pytorch.num_interop_threads=1"})
public class StudentLatencyBenchmark {

    private static final int WINDOW = 60;

    @Param({"16"})
    int teacherChannels;

    NDManager manager;
    StudentBlock student;
    TeacherBlock teacher;
    StudentRuntime runtime;
    StudentRuntime runtimeInt8;
    float[] studentWindow;
    float[] teacherWindow;
    float[] logits = new float[Operations.CLASS_COUNT];

    @Setup(Level.Trial)
    public void setUp() {
        manager = NDManager.newBaseManager();
        StudentSpec spec = StudentSpec.defaults(WINDOW, Operations.CLASS_COUNT);
        student = StudentBlock.create(spec, manager, 1);
        teacher = TeacherBlock.create(TeacherSpec.defaults(teacherChannels, WINDOW, Operations.CLASS_COUNT),
                manager, 2);
        StudentArtifact artifact = StudentArtifact.forOperations(StudentExporter.weightsOf(student),
                java.util.List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z"), 30, WINDOW, 30,
                new float[] {0, 0, 0}, new float[] {1, 1, 1}, java.util.Map.of());
        runtime = StudentRuntime.of(artifact);
        runtimeInt8 = StudentRuntime.quantised(artifact);
        Random r = new Random(3);
        studentWindow = new float[3 * WINDOW];
        for (int i = 0; i < studentWindow.length; i++) {
            studentWindow[i] = (float) r.nextGaussian();
        }
        teacherWindow = new float[teacherChannels * WINDOW];
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
    public float[] studentDjl() {
        try (NDManager sub = manager.newSubManager()) {
            NDList in = new NDList(sub.create(studentWindow, new Shape(1, 3, WINDOW)));
            return student.forward(new ParameterStore(sub, false), in, false).get(0).toFloatArray();
        }
    }

    @Benchmark
    public float[] teacherDjl() {
        try (NDManager sub = manager.newSubManager()) {
            NDList in = new NDList(sub.create(teacherWindow, new Shape(1, teacherChannels, WINDOW)));
            return teacher.forward(new ParameterStore(sub, false), in, false).get(0).toFloatArray();
        }
    }
}
