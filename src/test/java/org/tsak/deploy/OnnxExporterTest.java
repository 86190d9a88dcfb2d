package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.deploy.onnx.proto.Onnx.AttributeProto;
import org.tsak.deploy.onnx.proto.Onnx.GraphProto;
import org.tsak.deploy.onnx.proto.Onnx.ModelProto;
import org.tsak.deploy.onnx.proto.Onnx.NodeProto;
import org.tsak.deploy.onnx.proto.Onnx.TensorProto;
import org.tsak.deploy.onnx.proto.Onnx.TensorShapeProto;
import org.tsak.deploy.onnx.proto.Onnx.ValueInfoProto;

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

    /**
     * The bytes parsed back with the classes generated from ONNX's onnx.proto: IR 8, opset 13 of
     * the default domain, the graph's input and output shapes, one initializer per stored tensor
     * with as many raw float32 values as its dims say, the node sequence, the conv attributes of a
     * strided and dilated student, and every node input defined before use.
     */
    @Test
    void parsedModelProtoHasOpsetShapesInitializersAndNodes() throws Exception {
        int[] convChannels = {8, 12, 16};
        StudentArtifact a = StudentFixtures.artifact(24, convChannels, 5, new int[] {2, 1, 1}, new int[] {1, 2, 1}, 90);
        ModelProto m = ModelProto.parseFrom(OnnxExporter.export(a));

        assertEquals(8, m.getIrVersion());
        assertEquals(1, m.getOpsetImportCount());
        assertEquals("", m.getOpsetImport(0).getDomain());
        assertEquals(13, m.getOpsetImport(0).getVersion());
        assertEquals("tsak", m.getProducerName());
        GraphProto g = m.getGraph();
        assertEquals(List.of("N", "3", "90"), shape(g.getInput(0)));
        assertEquals(List.of("N", "11"), shape(g.getOutput(0)));
        assertEquals(List.of(OnnxExporter.INPUT_NAME), g.getInputList().stream().map(ValueInfoProto::getName).toList());
        assertEquals(List.of(OnnxExporter.OUTPUT_NAME), g.getOutputList().stream().map(ValueInfoProto::getName).toList());

        // in_mean, in_std, a weight and a bias per conv layer, lin_w, lin_b
        assertEquals(2 + 2 * convChannels.length + 2, g.getInitializerCount());
        for (TensorProto t : g.getInitializerList()) {
            assertEquals(TensorProto.DataType.FLOAT_VALUE, t.getDataType(), t.getName());
            long n = t.getDimsList().stream().mapToLong(Long::longValue).reduce(1, (x, y) -> x * y);
            assertEquals(4 * n, t.getRawData().size(), t.getName());
        }
        TensorProto linB = g.getInitializerList().stream().filter(t -> t.getName().equals("lin_b")).findFirst()
                .orElseThrow();
        assertArrayEquals(FoldedStudent.of(a).linearBias(), floats(linB), 0f);

        List<String> ops = new ArrayList<>(List.of("Sub", "Div"));
        for (int l = 0; l < convChannels.length; l++) {
            ops.addAll(List.of("Conv", "Relu"));
        }
        ops.addAll(List.of("GlobalAveragePool", "Flatten", "Gemm"));
        assertEquals(ops, g.getNodeList().stream().map(NodeProto::getOpType).toList());

        NodeProto conv0 = g.getNode(2);
        NodeProto conv1 = g.getNode(4);
        assertEquals(List.of(2L), ints(conv0, "strides"));
        assertEquals(List.of(2L, 2L), ints(conv0, "pads"));
        assertEquals(List.of(2L), ints(conv1, "dilations"));
        assertEquals(List.of(4L, 4L), ints(conv1, "pads"), "pad = dilation (k - 1) / 2");
        assertEquals(List.of(5L), ints(conv1, "kernel_shape"));

        Set<String> defined = new HashSet<>(List.of(OnnxExporter.INPUT_NAME));
        g.getInitializerList().forEach(t -> defined.add(t.getName()));
        for (NodeProto n : g.getNodeList()) {
            assertTrue(defined.containsAll(n.getInputList()), n.getName() + " reads " + n.getInputList());
            defined.addAll(n.getOutputList());
        }
        assertTrue(defined.contains(OnnxExporter.OUTPUT_NAME));
    }

    private static List<String> shape(ValueInfoProto v) {
        assertEquals(TensorProto.DataType.FLOAT_VALUE, v.getType().getTensorType().getElemType());
        List<String> dims = new ArrayList<>();
        for (TensorShapeProto.Dimension d : v.getType().getTensorType().getShape().getDimList()) {
            dims.add(d.hasDimParam() ? d.getDimParam() : Long.toString(d.getDimValue()));
        }
        return dims;
    }

    private static List<Long> ints(NodeProto node, String attribute) {
        AttributeProto a = node.getAttributeList().stream().filter(x -> x.getName().equals(attribute)).findFirst()
                .orElseThrow(() -> new AssertionError(node.getName() + " has no " + attribute));
        assertEquals(AttributeProto.AttributeType.INTS, a.getType());
        return a.getIntsList();
    }

    private static float[] floats(TensorProto t) {
        float[] v = new float[t.getRawData().size() / 4];
        ByteBuffer.wrap(t.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
