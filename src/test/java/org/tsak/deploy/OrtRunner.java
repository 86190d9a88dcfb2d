package org.tsak.deploy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs an exported student in ONNX Runtime (one intra-op thread). */
final class OrtRunner {

    private OrtRunner() {
    }

    /** Logits {@code [batch][K]} of the model for raw windows of {@code c x len} (NCW, one window per row). */
    static float[][] run(byte[] model, float[][] windows, int c, int len) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model, opts)) {
                float[] flat = new float[windows.length * c * len];
                for (int i = 0; i < windows.length; i++) {
                    System.arraycopy(windows[i], 0, flat, i * c * len, c * len);
                }
                try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(flat),
                        new long[] {windows.length, c, len});
                        OrtSession.Result out = session.run(Map.of(OnnxExporter.INPUT_NAME, in))) {
                    return (float[][]) out.get(OnnxExporter.OUTPUT_NAME).orElseThrow().getValue();
                }
            }
        }
    }
}
