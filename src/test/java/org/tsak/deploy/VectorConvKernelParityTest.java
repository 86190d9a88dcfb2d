package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tsak.bench.DemoArtifactWriter;

/**
 * The Vector API kernels ({@code VectorConvKernel}, {@link ConvKernels#VECTOR}) give the scalar
 * kernels' ({@link PackedConv}, {@link ConvKernels#SCALAR}) logits bit for bit, float32 and int8,
 * single window and batched: on the benchmarks' demo student, and on random students whose output
 * channel counts are not multiples of the vector length (5, 17, 33: a partial last block), with
 * kernel sizes 1, 3, 5, 7 and 9, strides 1 to 3, dilations 1 to 4, an int-accumulating int8 layer
 * (not exact in float: the scalar int kernel inside the vector runtime), a context head, and
 * windows holding NaN and infinities. The demo student and one odd-channel student run enough
 * windows ({@value #COMPILED_WINDOWS}) for HotSpot C2 to compile the kernels, so that the
 * intrinsified vector code is compared, not only the interpreter's. Needs {@code --add-modules jdk.incubator.vector} (the
 * build's test JVM has it).
 */
class VectorConvKernelParityTest {

    /** Windows per runtime after which C2 has compiled the kernels (they are entered ~100 times per window). */
    private static final int COMPILED_WINDOWS = 3000;

    @BeforeAll
    static void vectorModulePresent() {
        assumeTrue(ConvKernels.vectorAvailable(), "JVM without jdk.incubator.vector");
    }

    @ParameterizedTest(name = "channels {0}, k {1}, strides {2}, dilations {3}, window {4}")
    @CsvSource(delimiter = ';', value = {
        "5 17 33; 1; 1 1 1; 1 1 1; 40",
        "5 17 33; 3; 1 2 1; 1 2 4; 61",
        "17 33 5; 5; 2 1 2; 1 1 2; 59",
        "33 5 17; 7; 1 1 1; 2 1 3; 45",
        "16 32 48; 5; 2 2 2; 1 1 1; 37",
        "8 16 12; 9; 3 1 1; 1 2 1; 50",
        "1 2 3; 3; 1 1 1; 1 1 1; 7",
        "128 17 12; 9; 2 1 1; 1 1 1; 33"})
    void randomStudentsEqualTheScalarKernelsBitForBit(String channels, int k, String strides, String dilations,
            int window) {
        StudentArtifact a = StudentFixtures.artifact(window + k, ints(channels), k, ints(strides), ints(dilations),
                window);
        assertSameLogits(a, 12, new Random(window));
    }

    @Test
    void aStudentWithAContextHeadEqualsTheScalarKernels() {
        StudentArtifact a = StudentFixtures.artifact(3, new int[] {17, 33}, 5, new int[] {2, 1}, new int[] {1, 2}, 60);
        StudentArtifact withHead = StudentFixtures.withHead(a, StudentFixtures.randomHead(4, 5,
                a.weights().representationSize(), 7, a.weights().classCount()));
        assertSameLogits(withHead, 8, new Random(5));
    }

    @Test
    void theDemoStudentEqualsTheScalarKernels(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("demo.tsak");
        DemoArtifactWriter.main(new String[] {file.toString()});
        StudentArtifact a = StudentArtifactFile.decode(Files.readAllBytes(file), file);
        assertSameLogits(a, COMPILED_WINDOWS, new Random(3));
    }

    @Test
    void oddChannelCountsEqualTheScalarKernelsWhenCompiled() {
        StudentArtifact a = StudentFixtures.artifact(21, new int[] {5, 17, 33}, 3, new int[] {2, 1, 1},
                new int[] {1, 2, 1}, 50);
        assertSameLogits(a, COMPILED_WINDOWS, new Random(22));
    }

    @Test
    void nonFiniteInputsGiveTheSameLogits() {
        StudentArtifact a = StudentFixtures.artifact(9, new int[] {5, 17, 33}, 5, new int[] {2, 1, 1},
                new int[] {1, 1, 2}, 40);
        FoldedStudent f = FoldedStudent.of(a);
        float[] raw = StudentFixtures.rawWindow(new Random(1), a);
        raw[3] = Float.NaN;
        raw[17] = Float.POSITIVE_INFINITY;
        raw[raw.length - 2] = Float.NEGATIVE_INFINITY;
        raw[45] = 3e38f;
        for (boolean int8 : new boolean[] {false, true}) {
            float[] scalar = runtime(f, int8, ConvKernels.SCALAR).logits(raw);
            float[] vector = runtime(f, int8, ConvKernels.VECTOR).logits(raw);
            assertArrayEquals(bits(scalar), bits(vector), int8 ? "int8" : "float32");
        }
    }

    /** {@code windows} random raw windows: float32 and int8, single calls and one batch, scalar against vector. */
    private static void assertSameLogits(StudentArtifact a, int windows, Random r) {
        FoldedStudent f = FoldedStudent.of(a);
        for (boolean int8 : new boolean[] {false, true}) {
            StudentRuntime scalar = runtime(f, int8, ConvKernels.SCALAR);
            StudentRuntime vector = runtime(f, int8, ConvKernels.VECTOR);
            assertTrue(vector.usesVectorKernels() && !scalar.usesVectorKernels());
            int in = scalar.inputLength();
            int k = scalar.classCount();
            float[] batch = new float[windows * in];
            float[] expected = new float[windows * k];
            for (int n = 0; n < windows; n++) {
                float[] raw = StudentFixtures.rawWindow(r, a);
                System.arraycopy(raw, 0, batch, n * in, in);
                float[] s = scalar.logits(raw);
                float[] v = vector.logits(raw);
                assertArrayEquals(bits(s), bits(v), (int8 ? "int8" : "float32") + ", window " + n);
                System.arraycopy(s, 0, expected, n * k, k);
            }
            float[] batched = new float[windows * k];
            vector.copy().logitsBatch(batch, windows, batched);
            assertArrayEquals(bits(expected), bits(batched), (int8 ? "int8" : "float32") + ", batch of " + windows);
        }
    }

    private static StudentRuntime runtime(FoldedStudent f, boolean int8, ConvKernels kernels) {
        return int8 ? StudentRuntime.quantised(f, kernels) : StudentRuntime.of(f, kernels);
    }

    private static int[] ints(String spaced) {
        return java.util.Arrays.stream(spaced.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
    }

    private static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToIntBits(v[i]);
        }
        return b;
    }
}
