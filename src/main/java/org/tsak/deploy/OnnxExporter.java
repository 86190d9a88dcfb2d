package org.tsak.deploy;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsak.deploy.onnx.proto.Onnx.AttributeProto;
import org.tsak.deploy.onnx.proto.Onnx.GraphProto;
import org.tsak.deploy.onnx.proto.Onnx.ModelProto;
import org.tsak.deploy.onnx.proto.Onnx.NodeProto;
import org.tsak.deploy.onnx.proto.Onnx.OperatorSetIdProto;
import org.tsak.deploy.onnx.proto.Onnx.StringStringEntryProto;
import org.tsak.deploy.onnx.proto.Onnx.TensorProto;
import org.tsak.deploy.onnx.proto.Onnx.TensorShapeProto;
import org.tsak.deploy.onnx.proto.Onnx.TypeProto;
import org.tsak.deploy.onnx.proto.Onnx.ValueInfoProto;
import org.tsak.deploy.onnx.proto.Onnx.Version;
import org.tsak.io.AtomicFiles;

/**
 * Writes a student as an ONNX model (IR version 8, default-domain opset 13), built with the
 * protobuf-java classes that protoc generates from ONNX's own {@code onnx.proto}
 * ({@code src/main/proto/onnx.proto}, package {@code org.tsak.deploy.onnx.proto}).
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
 * With a temporal context head ({@link ContextHead}, {@code S} windows, projection {@code H}) the
 * graph has a second input and a second output:
 * <pre>
 * context     float [N, S - 1, H]   past windows' projections, oldest first, zeros for an absent window
 *   Gemm(rep, ctx_proj_w [H, R], ctx_proj_b [H], transB 1) -&gt; Relu -&gt; projection
 *   Reshape(projection, [-1, 1, H]) -&gt; Concat(context, it; axis 1) -&gt; [N, S, H] -&gt; Flatten(axis 1)
 *   Gemm(ctx_temporal_w [K, S H], ctx_temporal_b [K], transB 1) -&gt; Add(the student's logits)
 * logits      float [N, K]
 * projection  float [N, H]              this window's projection: the caller drops the oldest row of
 *                                       its context and appends this one before the next window
 * </pre>
 * The caller keeps the state (the ONNX graph has none); a stream's first window, or the window
 * after a missing one, gets zero rows for the windows it lacks.
 * Model metadata ({@code metadata_props}) carries the provenance entries under their own keys and
 * {@code tsak.channels}, {@code tsak.samplingRateHz}, {@code tsak.windowSamples},
 * {@code tsak.strideSamples}, {@code tsak.classIds}, {@code tsak.classNames} (JSON arrays or numbers).
 */
public final class OnnxExporter {

    /** ONNX IR version written. */
    public static final int IR_VERSION = Version.IR_VERSION_2021_7_30_VALUE;
    /** Default-domain operator set version written. */
    public static final int OPSET_VERSION = 13;
    /** Name of the graph input. */
    public static final String INPUT_NAME = "window";
    /** Name of the graph output. */
    public static final String OUTPUT_NAME = "logits";
    /** Name of the second graph input of a student with a context head: past projections [N, S - 1, H]. */
    public static final String CONTEXT_INPUT_NAME = "context";
    /** Name of the second graph output of a student with a context head: the window's projection [N, H]. */
    public static final String PROJECTION_OUTPUT_NAME = "projection";

    private OnnxExporter() {
    }

    /** The serialised ModelProto of the artifact's student. */
    public static byte[] export(StudentArtifact artifact) {
        return model(artifact).toByteArray();
    }

    /** Writes the model to {@code file} atomically. */
    public static void write(StudentArtifact artifact, Path file) throws IOException {
        AtomicFiles.write(file, export(artifact));
    }

    private static ModelProto model(StudentArtifact artifact) {
        FoldedStudent f = FoldedStudent.of(artifact);
        int c = f.inputChannels();
        GraphProto.Builder graph = GraphProto.newBuilder().setName("tsak_student");
        graph.addInitializer(tensor("in_mean", new long[] {1, c, 1}, f.inputMeans()));
        graph.addInitializer(tensor("in_std", new long[] {1, c, 1}, artifact.channelStds()));
        graph.addNode(node("normalise_sub", "Sub", List.of(INPUT_NAME, "in_mean"), "centred"));
        graph.addNode(node("normalise_div", "Div", List.of("centred", "in_std"), "normalised"));
        String x = "normalised";
        for (int l = 0; l < f.convLayerCount(); l++) {
            int k = f.kernelSize(l);
            int p = f.padSamples(l);
            String w = "conv" + l + "_w";
            String b = "conv" + l + "_b";
            graph.addInitializer(tensor(w, new long[] {f.channels(l + 1), f.channels(l), k}, f.convWeight(l)));
            graph.addInitializer(tensor(b, new long[] {f.channels(l + 1)}, f.convBias(l)));
            graph.addNode(node("conv" + l, "Conv", List.of(x, w, b), "conv" + l + "_out")
                    .addAttribute(ints("kernel_shape", k))
                    .addAttribute(ints("pads", p, p))
                    .addAttribute(ints("strides", f.stride(l)))
                    .addAttribute(ints("dilations", f.dilation(l)))
                    .addAttribute(intAttr("group", 1)));
            graph.addNode(node("relu" + l, "Relu", List.of("conv" + l + "_out"), "relu" + l));
            x = "relu" + l;
        }
        graph.addNode(node("pool", "GlobalAveragePool", List.of(x), "pooled"));
        graph.addNode(node("flatten", "Flatten", List.of("pooled"), "rep")
                .addAttribute(intAttr("axis", 1)));
        graph.addInitializer(tensor("lin_w", new long[] {f.classCount(), f.representationSize()}, f.linearWeight()));
        graph.addInitializer(tensor("lin_b", new long[] {f.classCount()}, f.linearBias()));
        ContextHead head = f.contextHead();
        graph.addNode(node("classifier", "Gemm", List.of("rep", "lin_w", "lin_b"),
                head == null ? OUTPUT_NAME : "student_logits").addAttribute(intAttr("transB", 1)));
        graph.addInput(valueInfo(INPUT_NAME, "N", c, f.windowSamples()));
        if (head == null) {
            graph.setDocString("TSAK student: z-score, " + f.convLayerCount()
                    + " x (Conv1d with folded BatchNorm, ReLU), global average pool, linear");
        } else {
            int h = head.projectionSize();
            graph.addInitializer(tensor("ctx_proj_w", new long[] {h, head.representationSize()},
                    head.projectionWeight()));
            graph.addInitializer(tensor("ctx_proj_b", new long[] {h}, head.projectionBias()));
            graph.addInitializer(tensor("ctx_temporal_w", new long[] {head.classes(), (long) head.steps() * h},
                    head.temporalWeight()));
            graph.addInitializer(tensor("ctx_temporal_b", new long[] {head.classes()}, head.temporalBias()));
            graph.addInitializer(int64Tensor("ctx_row_shape", -1, 1, h));
            graph.addNode(node("ctx_projection", "Gemm", List.of("rep", "ctx_proj_w", "ctx_proj_b"), "ctx_proj_lin")
                    .addAttribute(intAttr("transB", 1)));
            graph.addNode(node("ctx_relu", "Relu", List.of("ctx_proj_lin"), PROJECTION_OUTPUT_NAME));
            graph.addNode(node("ctx_row", "Reshape", List.of(PROJECTION_OUTPUT_NAME, "ctx_row_shape"), "ctx_current"));
            graph.addNode(node("ctx_concat", "Concat", List.of(CONTEXT_INPUT_NAME, "ctx_current"), "ctx_all")
                    .addAttribute(intAttr("axis", 1)));
            graph.addNode(node("ctx_flatten", "Flatten", List.of("ctx_all"), "ctx_flat").addAttribute(intAttr("axis", 1)));
            graph.addNode(node("ctx_temporal", "Gemm", List.of("ctx_flat", "ctx_temporal_w", "ctx_temporal_b"),
                    "ctx_logits").addAttribute(intAttr("transB", 1)));
            graph.addNode(node("ctx_add", "Add", List.of("student_logits", "ctx_logits"), OUTPUT_NAME));
            graph.addInput(valueInfo(CONTEXT_INPUT_NAME, "N", head.pastSteps(), h));
            graph.setDocString("TSAK student: z-score, " + f.convLayerCount()
                    + " x (Conv1d with folded BatchNorm, ReLU), global average pool, linear; temporal context head"
                    + " over " + head.steps() + " windows (input 'context': the past " + head.pastSteps()
                    + " windows' projections, output 'projection': this window's)");
        }
        graph.addOutput(valueInfo(OUTPUT_NAME, "N", f.classCount()));
        if (head != null) {
            graph.addOutput(valueInfo(PROJECTION_OUTPUT_NAME, "N", head.projectionSize()));
        }

        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("tsak")
                .setProducerVersion("0.1.0")
                .setDomain("org.tsak")
                .setModelVersion(1)
                .setDocString("TSAK student exported by org.tsak.deploy.OnnxExporter")
                .setGraph(graph)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET_VERSION));
        for (Map.Entry<String, String> e : metadata(artifact).entrySet()) {
            model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
        }
        return model.build();
    }

    private static Map<String, String> metadata(StudentArtifact a) {
        Map<String, String> m = new LinkedHashMap<>(a.provenance());
        m.put("tsak.channels", jsonStrings(a.channelNames()));
        m.put("tsak.samplingRateHz", Double.toString(a.samplingRateHz()));
        m.put("tsak.windowSamples", Integer.toString(a.windowSamples()));
        m.put("tsak.strideSamples", Integer.toString(a.strideSamples()));
        m.put("tsak.classIds", a.classIds().toString());
        m.put("tsak.classNames", jsonStrings(a.classNames()));
        if (a.contextHead() != null) {
            m.put("tsak.contextSteps", Integer.toString(a.contextHead().steps()));
            m.put("tsak.contextProjection", Integer.toString(a.contextHead().projectionSize()));
        }
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

    private static NodeProto.Builder node(String name, String op, List<String> inputs, String output) {
        return NodeProto.newBuilder().addAllInput(inputs).addOutput(output).setName(name).setOpType(op);
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    private static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setI(value).setType(AttributeProto.AttributeType.INT).build();
    }

    /** A float tensor stored as little-endian {@code raw_data}. */
    private static TensorProto tensor(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder();
        for (long d : dims) {
            t.addDims(d);
        }
        return t.setDataType(TensorProto.DataType.FLOAT_VALUE).setName(name)
                .setRawData(ByteString.copyFrom(raw.array())).build();
    }

    /** An int64 tensor (shape {@code [values.length]}) stored as little-endian {@code raw_data}. */
    private static TensorProto int64Tensor(String name, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return TensorProto.newBuilder().addDims(values.length).setDataType(TensorProto.DataType.INT64_VALUE)
                .setName(name).setRawData(ByteString.copyFrom(raw.array())).build();
    }

    /** A float tensor value-info; the first dimension is symbolic ({@code batchParam}). */
    private static ValueInfoProto valueInfo(String name, String batchParam, int... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(batchParam));
        for (int d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        TypeProto.Tensor tensorType = TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape).build();
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(tensorType)).build();
    }
}
