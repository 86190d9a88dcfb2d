package org.tsak.deploy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsak.io.AtomicFiles;

/**
 * Writes a student as an ONNX model (IR version 8, default-domain opset 13), encoded by hand
 * in the protocol-buffers wire format: no ONNX or protobuf library is needed.
 *
 * <p>Graph (shapes with batch {@code N}, channels {@code C}, window {@code L}, classes {@code K}):
 * <pre>
 * window  float [N, C, L]   raw sensor units, channels in the artifact's order
 *   Sub(in_mean [1, C, 1]) -&gt; Div(in_std [1, C, 1])                       z-score, explicit
 *   per conv layer l: Conv(conv{l}_w [out, in, k], conv{l}_b [out], kernel_shape [k],
 *                          strides [s], dilations [d], pads [p, p] with p = d (k - 1) / 2)
 *                     -&gt; Relu                                   (batch norm folded)
 *   GlobalAveragePool over the last layer's ceil(L / (s_0 s_1 ...)) samples -&gt; [N, R, 1]
 *   -&gt; Flatten(axis 1) -&gt; [N, R]
 *   Gemm(lin_w [K, R], lin_b [K], transB 1)
 * logits  float [N, K]
 * </pre>
 * Model metadata ({@code metadata_props}) carries the provenance entries under their own keys and
 * {@code tsak.channels}, {@code tsak.samplingRateHz}, {@code tsak.windowSamples},
 * {@code tsak.strideSamples}, {@code tsak.classIds}, {@code tsak.classNames} (JSON arrays or numbers).
 */
public final class OnnxExporter {

    /** ONNX IR version written. */
    public static final int IR_VERSION = 8;
    /** Default-domain operator set version written. */
    public static final int OPSET_VERSION = 13;
    /** Name of the graph input. */
    public static final String INPUT_NAME = "window";
    /** Name of the graph output. */
    public static final String OUTPUT_NAME = "logits";

    private static final int FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_INTS = 7;

    private OnnxExporter() {
    }

    /** The serialised ModelProto of the artifact's student. */
    public static byte[] export(StudentArtifact artifact) {
        FoldedStudent f = FoldedStudent.of(artifact);
        int c = f.inputChannels();
        int len = f.windowSamples();
        ProtobufWriter graph = new ProtobufWriter();
        List<ProtobufWriter> initializers = new ArrayList<>();
        float[] stds = artifact.channelStds();
        initializers.add(tensor("in_mean", new long[] {1, c, 1}, f.inputMeans()));
        initializers.add(tensor("in_std", new long[] {1, c, 1}, stds));
        graph.message(1, node("normalise_sub", "Sub", List.of(INPUT_NAME, "in_mean"), "centred"));
        graph.message(1, node("normalise_div", "Div", List.of("centred", "in_std"), "normalised"));
        String x = "normalised";
        for (int l = 0; l < f.convLayerCount(); l++) {
            int k = f.kernelSize(l);
            int p = f.padSamples(l);
            initializers.add(tensor("conv" + l + "_w", new long[] {f.channels(l + 1), f.channels(l), k},
                    f.convWeight(l)));
            initializers.add(tensor("conv" + l + "_b", new long[] {f.channels(l + 1)}, f.convBias(l)));
            ProtobufWriter conv = node("conv" + l, "Conv", List.of(x, "conv" + l + "_w", "conv" + l + "_b"),
                    "conv" + l + "_out");
            conv.message(5, ints("kernel_shape", k));
            conv.message(5, ints("pads", p, p));
            conv.message(5, ints("strides", f.stride(l)));
            conv.message(5, ints("dilations", f.dilation(l)));
            conv.message(5, intAttr("group", 1));
            graph.message(1, conv);
            graph.message(1, node("relu" + l, "Relu", List.of("conv" + l + "_out"), "relu" + l));
            x = "relu" + l;
        }
        graph.message(1, node("pool", "GlobalAveragePool", List.of(x), "pooled"));
        ProtobufWriter flatten = node("flatten", "Flatten", List.of("pooled"), "rep");
        flatten.message(5, intAttr("axis", 1));
        graph.message(1, flatten);
        initializers.add(tensor("lin_w", new long[] {f.classCount(), f.representationSize()}, f.linearWeight()));
        initializers.add(tensor("lin_b", new long[] {f.classCount()}, f.linearBias()));
        ProtobufWriter gemm = node("classifier", "Gemm", List.of("rep", "lin_w", "lin_b"), OUTPUT_NAME);
        gemm.message(5, intAttr("transB", 1));
        graph.message(1, gemm);
        graph.string(2, "tsak_student");
        for (ProtobufWriter t : initializers) {
            graph.message(5, t);
        }
        graph.string(10, "TSAK student: z-score, " + f.convLayerCount()
                + " x (Conv1d with folded BatchNorm, ReLU), global average pool, linear");
        graph.message(11, valueInfo(INPUT_NAME, "N", c, len));
        graph.message(12, valueInfo(OUTPUT_NAME, "N", f.classCount()));

        ProtobufWriter model = new ProtobufWriter();
        model.int64(1, IR_VERSION);
        model.string(2, "tsak");
        model.string(3, "0.1.0");
        model.string(4, "org.tsak");
        model.int64(5, 1);
        model.string(6, "TSAK student exported by org.tsak.deploy.OnnxExporter");
        model.message(7, graph);
        model.message(8, new ProtobufWriter().string(1, "").int64(2, OPSET_VERSION));
        for (Map.Entry<String, String> e : metadata(artifact).entrySet()) {
            model.message(14, new ProtobufWriter().string(1, e.getKey()).string(2, e.getValue()));
        }
        return model.toByteArray();
    }

    /** Writes the model to {@code file} atomically. */
    public static void write(StudentArtifact artifact, Path file) throws IOException {
        AtomicFiles.write(file, export(artifact));
    }

    private static Map<String, String> metadata(StudentArtifact a) {
        Map<String, String> m = new LinkedHashMap<>(a.provenance());
        m.put("tsak.channels", jsonStrings(a.channelNames()));
        m.put("tsak.samplingRateHz", Double.toString(a.samplingRateHz()));
        m.put("tsak.windowSamples", Integer.toString(a.windowSamples()));
        m.put("tsak.strideSamples", Integer.toString(a.strideSamples()));
        m.put("tsak.classIds", a.classIds().toString());
        m.put("tsak.classNames", jsonStrings(a.classNames()));
        return m;
    }

    private static String jsonStrings(List<String> values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            s.append(i == 0 ? "\"" : ", \"");
            for (char ch : values.get(i).toCharArray()) {
                if (ch == '"' || ch == '\\') {
                    s.append('\\').append(ch);
                } else if (ch < 0x20) {
                    s.append(String.format("\\u%04x", (int) ch));
                } else {
                    s.append(ch);
                }
            }
            s.append('"');
        }
        return s.append(']').toString();
    }

    private static ProtobufWriter node(String name, String op, List<String> inputs, String output) {
        ProtobufWriter n = new ProtobufWriter();
        for (String in : inputs) {
            n.string(1, in);
        }
        n.string(2, output);
        n.string(3, name);
        n.string(4, op);
        return n;
    }

    private static ProtobufWriter ints(String name, long... values) {
        ProtobufWriter a = new ProtobufWriter().string(1, name);
        for (long v : values) {
            a.int64(8, v);
        }
        return a.int64(20, ATTR_INTS);
    }

    private static ProtobufWriter intAttr(String name, long value) {
        return new ProtobufWriter().string(1, name).int64(3, value).int64(20, ATTR_INT);
    }

    private static ProtobufWriter tensor(String name, long[] dims, float[] values) {
        ProtobufWriter t = new ProtobufWriter();
        for (long d : dims) {
            t.int64(1, d);
        }
        t.int64(2, FLOAT);
        t.string(8, name);
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        t.bytes(9, raw.array());
        return t;
    }

    /** A float tensor value-info; the first dimension is symbolic ({@code batchParam}). */
    private static ProtobufWriter valueInfo(String name, String batchParam, int... dims) {
        ProtobufWriter shape = new ProtobufWriter();
        shape.message(1, new ProtobufWriter().string(2, batchParam));
        for (int d : dims) {
            shape.message(1, new ProtobufWriter().int64(1, d));
        }
        ProtobufWriter tensorType = new ProtobufWriter().int64(1, FLOAT).message(2, shape);
        ProtobufWriter type = new ProtobufWriter().message(1, tensorType);
        return new ProtobufWriter().string(1, name).message(2, type);
    }
}
