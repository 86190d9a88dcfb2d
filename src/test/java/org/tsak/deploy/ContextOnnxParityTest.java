package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tsak.deploy.onnx.proto.Onnx.ModelProto;
import org.tsak.deploy.onnx.proto.Onnx.ValueInfoProto;

/**
 * The ONNX export of a student with a context head in ONNX Runtime, the caller carrying the
 * state (input {@code context}, output {@code projection}), against DJL over a stream with a gap.
 */
class ContextOnnxParityTest {

    private static final int STEPS = 5;
    private static final int H = 6;

    @Test
    void onnxRuntimeWithCallerStateMatchesDjl() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ContextStudents s = ContextStudents.create(m, ContextStudents.spec(), STEPS, H, 61);
            float[][] raw = ContextStudents.windows(s.artifact(), 12, 62, 5);
            float[][] djl = s.djlStream(m, raw);
            byte[] model = OnnxExporter.export(s.artifact());
            ModelProto proto = ModelProto.parseFrom(model);
            assertEquals(List.of(OnnxExporter.INPUT_NAME, OnnxExporter.CONTEXT_INPUT_NAME),
                    proto.getGraph().getInputList().stream().map(ValueInfoProto::getName).toList());
            assertEquals(List.of(OnnxExporter.OUTPUT_NAME, OnnxExporter.PROJECTION_OUTPUT_NAME),
                    proto.getGraph().getOutputList().stream().map(ValueInfoProto::getName).toList());
            assertEquals(STEPS - 1, proto.getGraph().getInput(1).getType().getTensorType().getShape().getDim(1)
                    .getDimValue());
            float[][] onnx = OrtRunner.runStream(model, raw, 3, 60, STEPS - 1, H);
            StudentRuntime rt = StudentRuntime.of(s.artifact());
            float worst = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == null) {
                    assertNull(onnx[i]);
                    continue;
                }
                assertArrayEquals(djl[i], onnx[i], 1e-4f, "second " + i);
                worst = Math.max(worst, StudentFixtures.maxAbsDiff(onnx[i], djl[i]));
            }
            // the state matters: the same windows with no past give other logits
            float[][] noPast = OrtRunner.runStream(model, new float[][] {raw[11]}, 3, 60, STEPS - 1, H);
            assertArrayEquals(rt.logits(raw[11]), noPast[0], 1e-4f);
            assertTrue(StudentFixtures.maxAbsDiff(noPast[0], onnx[11]) > 0.05f);
            System.out.printf("ONNX Runtime with caller-held context vs DJL over %d seconds with a gap: max |logit"
                    + " diff| %.2g%n", raw.length, worst);
        }
    }
}
