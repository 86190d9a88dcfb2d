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

    /**
     * A stream of windows through a model with a context head, the caller keeping the state as
     * docs/DEPLOY.md describes: per window the past projections as input {@code context}, then
     * the output {@code projection} appended (oldest dropped); a null window is a missing one (a
     * zero row appended). Returns the logits per window (null for a missing one).
     */
    static float[][] runStream(byte[] model, float[][] windows, int c, int len, int past, int h) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[][] logits = new float[windows.length][];
        float[] state = new float[past * h];
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model, opts)) {
                for (int i = 0; i < windows.length; i++) {
                    float[] row = new float[h];
                    if (windows[i] != null) {
                        try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(windows[i]),
                                new long[] {1, c, len});
                                OnnxTensor ctx = OnnxTensor.createTensor(env, FloatBuffer.wrap(state.clone()),
                                        new long[] {1, past, h});
                                OrtSession.Result out = session.run(Map.of(OnnxExporter.INPUT_NAME, in,
                                        OnnxExporter.CONTEXT_INPUT_NAME, ctx))) {
                            logits[i] = ((float[][]) out.get(OnnxExporter.OUTPUT_NAME).orElseThrow().getValue())[0];
                            row = ((float[][]) out.get(OnnxExporter.PROJECTION_OUTPUT_NAME).orElseThrow()
                                    .getValue())[0];
                        }
                    }
                    System.arraycopy(state, h, state, 0, (past - 1) * h);
                    System.arraycopy(row, 0, state, (past - 1) * h, h);
                }
            }
        }
        return logits;
    }
}
