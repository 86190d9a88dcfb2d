package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tsak.export.StudentExporter;
import org.tsak.model.StudentBlock;
import org.tsak.model.StudentSpec;

/**
 * The same strided or dilated student in DJL (PyTorch), the pure-Java runtime, ONNX Runtime and
 * compiled C: logits agree within 1e-4 on random windows of 2 s (60 samples) and 8 s (240).
 * BatchNorm statistics, gammas, betas and biases are set to non-trivial values first, so the
 * folding is exercised.
 */
class StridedDilatedParityTest {

    private static final float TOLERANCE = 1e-4f;
    private static final int WINDOWS = 16;

    @TempDir
    Path dir;

    private static StudentSpec spec(String kind, int window) {
        return switch (kind) {
            case "strides" -> new StudentSpec(3, window, new int[] {16, 32, 32}, 5, new int[] {2, 2, 2},
                    new int[] {1, 1, 1}, 11);
            case "dilations" -> new StudentSpec(3, window, new int[] {24, 32, 48}, 5, new int[] {1, 1, 1},
                    new int[] {1, 2, 4}, 11);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Overwrites biases, BatchNorm gamma/beta and running statistics with random non-trivial values. */
    private static void perturb(StudentBlock block, long seed) {
        Random r = new Random(seed);
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter param = p.getValue();
            int n = Math.toIntExact(param.getArray().size());
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                float u = r.nextFloat() * 2 - 1;
                v[i] = switch (param.getType()) {
                    case BIAS, BETA -> 0.2f * u;
                    case GAMMA -> 1f + 0.5f * u;
                    case RUNNING_MEAN -> 0.3f * u;
                    case RUNNING_VAR -> 1.25f + 0.75f * u;
                    default -> Float.NaN;
                };
            }
            if (param.getType() != Parameter.Type.WEIGHT) {
                param.getArray().set(v);
            }
        }
    }

    @ParameterizedTest(name = "{0}, window {1}")
    @CsvSource({"strides, 60", "strides, 240", "dilations, 60", "dilations, 240"})
    void djlJavaOnnxAndCAgree(String kind, int window) throws Exception {
        StudentSpec spec = spec(kind, window);
        try (NDManager manager = NDManager.newBaseManager()) {
            StudentBlock block = StudentBlock.create(spec, manager, 7);
            perturb(block, 8);
            StudentArtifact artifact = StudentFixtures.artifact(StudentExporter.weightsOf(block), window, 9);
            assertEquals(2, StudentArtifactFile.versionFor(artifact));
            assertEquals(spec.pooledLength(), FoldedStudent.of(artifact).pooledLength());

            Random r = new Random(10);
            float[][] raw = new float[WINDOWS][];
            float[] normalised = new float[WINDOWS * 3 * window];
            float[] means = artifact.channelMeans();
            float[] stds = artifact.channelStds();
            for (int n = 0; n < WINDOWS; n++) {
                raw[n] = StudentFixtures.rawWindow(r, artifact);
                for (int c = 0; c < 3; c++) {
                    for (int t = 0; t < window; t++) {
                        normalised[(n * 3 + c) * window + t] = (raw[n][c * window + t] - means[c]) / stds[c];
                    }
                }
            }
            NDList out = block.forward(new ParameterStore(manager, false),
                    new NDList(manager.create(normalised, new Shape(WINDOWS, 3, window))), false);
            float[] djl = out.get(StudentBlock.LOGITS).toFloatArray();

            StudentRuntime runtime = StudentRuntime.of(artifact);
            float[][] onnx = OrtRunner.run(OnnxExporter.export(artifact), raw, 3, window);
            List<float[]> c = CProgram.run(dir, artifact, CExporter.Precision.FLOAT32, List.of(raw));
            float worstJava = 0;
            float worstOnnx = 0;
            float worstC = 0;
            float worstRef = 0;
            float spread = 0;
            for (int n = 0; n < WINDOWS; n++) {
                float[] d = java.util.Arrays.copyOfRange(djl, n * 11, (n + 1) * 11);
                float[] j = runtime.logits(raw[n]);
                assertArrayEquals(d, j, TOLERANCE, "Java runtime, window " + n);
                assertArrayEquals(d, onnx[n], TOLERANCE, "ONNX Runtime, window " + n);
                assertArrayEquals(d, c.get(n), TOLERANCE, "C, window " + n);
                worstJava = Math.max(worstJava, StudentFixtures.maxAbsDiff(j, d));
                worstOnnx = Math.max(worstOnnx, StudentFixtures.maxAbsDiff(onnx[n], d));
                worstC = Math.max(worstC, StudentFixtures.maxAbsDiff(c.get(n), d));
                worstRef = Math.max(worstRef, StudentFixtures.maxAbsDiff(j,
                        StudentFixtures.referenceLogits(artifact, raw[n])));
                for (float v : d) {
                    spread = Math.max(spread, Math.abs(v));
                }
            }
            assertTrue(worstRef < TOLERANCE, "Java runtime vs double reference " + worstRef);
            assertTrue(spread > 0.1f, "logits are not trivially zero: largest |logit| " + spread);
            System.out.printf("%s, window %d (%s): max |logit - DJL| Java %.2g, ONNX %.2g, C %.2g; "
                    + "Java vs double reference %.2g; largest |logit| %.2f%n", kind, window, spec, worstJava,
                    worstOnnx, worstC, worstRef, spread);
        }
    }

    @ParameterizedTest(name = "{0}, window {1}")
    @CsvSource({"strides, 60", "dilations, 240"})
    void int8InJavaAndCAgree(String kind, int window) throws Exception {
        StudentArtifact artifact;
        try (NDManager manager = NDManager.newBaseManager()) {
            StudentBlock block = StudentBlock.create(spec(kind, window), manager, 11);
            perturb(block, 12);
            artifact = StudentFixtures.artifact(StudentExporter.weightsOf(block), window, 13);
        }
        Random r = new Random(14);
        List<float[]> raw = new ArrayList<>();
        for (int n = 0; n < WINDOWS; n++) {
            raw.add(StudentFixtures.rawWindow(r, artifact));
        }
        StudentRuntime q = StudentRuntime.quantised(artifact);
        StudentRuntime f = StudentRuntime.of(artifact);
        List<float[]> c = CProgram.run(dir, artifact, CExporter.Precision.INT8, raw);
        float worstFloat = 0;
        for (int n = 0; n < WINDOWS; n++) {
            float[] java = q.logits(raw.get(n));
            assertArrayEquals(java, c.get(n), TOLERANCE, "int8 C vs Java, window " + n);
            worstFloat = Math.max(worstFloat, StudentFixtures.maxAbsDiff(java, f.logits(raw.get(n))));
        }
        System.out.printf("int8 %s, window %d: C equals Java; int8 vs float max |logit diff| %.3f%n", kind, window,
                worstFloat);
    }
}
