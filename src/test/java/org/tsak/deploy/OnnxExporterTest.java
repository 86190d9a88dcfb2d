package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxExporterTest {

    @TempDir
    Path dir;

    private static float[][] runOrt(byte[] model, float[][] windows, int c, int len) throws Exception {
        return OrtRunner.run(model, windows, c, len);
    }

    @Test
    void onnxRuntimeAgreesWithJavaRuntimeAtBatchOneAndFour() throws Exception {
        StudentArtifact a = StudentFixtures.defaultArtifact(21);
        byte[] model = OnnxExporter.export(a);
        StudentRuntime rt = StudentRuntime.of(a);
        Random r = new Random(22);
        float worst = 0;
        for (int batch : new int[] {1, 4}) {
            for (int rep = 0; rep < 5; rep++) {
                float[][] windows = new float[batch][];
                for (int i = 0; i < batch; i++) {
                    windows[i] = StudentFixtures.rawWindow(r, a);
                }
                float[][] ort = runOrt(model, windows, 3, 60);
                assertEquals(batch, ort.length);
                for (int i = 0; i < batch; i++) {
                    assertEquals(11, ort[i].length);
                    float[] java = rt.logits(windows[i]);
                    worst = Math.max(worst, StudentFixtures.maxAbsDiff(java, ort[i]));
                    assertArrayEquals(java, ort[i], 1e-4f, "batch " + batch + " window " + i);
                }
            }
        }
        System.out.printf("ONNX Runtime vs Java runtime: max abs logit diff %.3g (batch 1 and 4)%n", worst);
    }

    @Test
    void handWorkedNetworkThroughOnnxRuntime() throws Exception {
        float[][] out = runOrt(OnnxExporter.export(HandWorkedStudentTest.tiny()),
                new float[][] {HandWorkedStudentTest.RAW}, 1, 4);
        assertArrayEquals(HandWorkedStudentTest.EXPECTED, out[0], 1e-5f);
    }

    @Test
    void writtenFileCarriesShapesAndProvenance() throws Exception {
        StudentArtifact a = StudentFixtures.defaultArtifact(23);
        Path file = dir.resolve("student.onnx");
        OnnxExporter.write(a, file);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(file.toString(), new OrtSession.SessionOptions())) {
            assertEquals("[-1, 3, 60]", java.util.Arrays.toString(
                    ((ai.onnxruntime.TensorInfo) s.getInputInfo().get("window").getInfo()).getShape()));
            assertEquals("[-1, 11]", java.util.Arrays.toString(
                    ((ai.onnxruntime.TensorInfo) s.getOutputInfo().get("logits").getInfo()).getShape()));
            Map<String, String> meta = s.getMetadata().getCustomMetadata();
            assertEquals("0123456789abcdef0123456789abcdef01234567", meta.get(StudentArtifact.PROVENANCE_GIT_COMMIT));
            assertEquals("[\"right_wrist/acc_x\", \"right_wrist/acc_y\", \"right_wrist/acc_z\"]", meta.get("tsak.channels"));
            assertTrue(meta.get("tsak.classIds").endsWith("8100]"));
            assertEquals("tsak", s.getMetadata().getProducerName());
        }
        assertTrue(Files.size(file) > 4 * 2900, "weights are stored as raw float32");
    }
}
