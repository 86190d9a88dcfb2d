package org.tsak.deploy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a student as one dependency-free C99 header/source pair for microcontrollers.
 *
 * <p>The generated API is {@code int tsak_predict(const float *window, float *logits)}: the
 * window is raw sensor units in NCW order without the batch axis ({@code window[c * L + t]}),
 * normalisation happens inside, {@code logits} (length {@code TSAK_CLASS_COUNT}) may be
 * {@code NULL}, and the return value is the class index of the largest logit (lowest on ties).
 * No {@code malloc}: all buffers are static and sized by {@code #define}s, so the function is
 * not reentrant. Only {@code <stdint.h>} is included (int8 variant); no math library.
 *
 * <p>Weights are {@code static const} arrays with batch norm folded in ({@link FoldedStudent}),
 * floats written in Java's shortest round-trip decimal form so the C compiler reads back the
 * identical bits. Each conv layer is its own function with its sizes, stride, dilation and
 * kernel taps as constants ({@link CConvKernels}): conv weights are stored {@code [in][tap][out]}
 * so that, per output time step, the innermost loop runs over the output channels with
 * contiguous weights, which compilers vectorise. Per output value the arithmetic is still
 * {@link StudentRuntime}'s (the same summation order, the same int8 rounding rule, see
 * {@link QuantisedStudent}), so on IEEE-754 hardware without fused multiply-add contraction
 * (C99 mode, {@code -ffp-contract=off}) C and Java agree to the last bit.
 *
 * <p>A student with a temporal context head ({@link ContextHead}) keeps the past windows'
 * projections in a static ring ({@code (S - 1) x H} floats, all zero at start-up): each
 * {@code tsak_predict} call is the next window of the stream, reads the ring and then pushes its
 * own projection. {@code tsak_skip()} pushes an absent window (a missing second) and
 * {@code tsak_reset()} empties the ring (a new stream). The head is float32 in both precisions,
 * in {@link StudentRuntime#logitsInContext}'s order, so C equals Java's stateful runtime.
 */
public final class CExporter {

    /** Arithmetic of the export. */
    public enum Precision {
        /** float32 weights and activations. */
        FLOAT32,
        /** int8 weights per output channel, int8 activations per layer, int32 accumulation. */
        INT8;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern C_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int VALUES_PER_LINE = 8;

    private CExporter() {
    }

    /**
     * Renders the C export of an artifact.
     *
     * @param baseName file base name, a C identifier (it also forms the include guard)
     * @throws IllegalArgumentException if {@code baseName} is not a C identifier
     */
    public static CExport render(StudentArtifact artifact, String baseName, Precision precision) {
        if (!C_NAME.matcher(baseName).matches()) {
            throw new IllegalArgumentException("C export base name '" + baseName
                    + "' must be a C identifier ([A-Za-z_][A-Za-z0-9_]*), e.g. tsak_student");
        }
        FoldedStudent f = FoldedStudent.of(artifact);
        QuantisedStudent q = precision == Precision.INT8 ? QuantisedStudent.of(f) : null;
        CFootprint footprint = footprint(f, precision);
        return new CExport(baseName, header(artifact, f, baseName, footprint), source(artifact, f, q, baseName),
                footprint);
    }

    /** Flash and RAM of an export of {@code f} at {@code precision}, without rendering it. */
    public static CFootprint footprint(FoldedStudent f, Precision precision) {
        int n = f.convLayerCount();
        long flash = 2L * 4 * f.inputChannels();
        long weightBytes = precision == Precision.INT8 ? 1 : 4;
        for (int l = 0; l < n; l++) {
            int out = f.channels(l + 1);
            flash += (long) out * f.channels(l) * f.kernelSize(l) * weightBytes + 4L * out;
            if (precision == Precision.INT8) {
                flash += 4L * out;
            }
        }
        int k = f.classCount();
        int r = f.representationSize();
        flash += (long) k * r * weightBytes + 4L * k + (precision == Precision.INT8 ? 4L * k : 0);
        long ram = 4L * (CConvKernels.bufferFloats(f, 0) + CConvKernels.bufferFloats(f, 1)) + 4L * r + 4L * k;
        if (precision == Precision.INT8) {
            ram += CConvKernels.quantisedActivationBytes(f) + 4L * CConvKernels.accumulatorLength(f) + r;
        }
        ContextHead head = f.contextHead();
        if (head != null) {
            flash += 4L * head.parameterCount();
            ram += head.stateBytes() + 4L * head.projectionSize() + 4;
        }
        return new CFootprint(precision.label(), flash, ram, f.multiplyAddsPerWindow());
    }

    private static String header(StudentArtifact a, FoldedStudent f, String base, CFootprint fp) {
        String guard = base.toUpperCase(Locale.ROOT) + "_H";
        StringBuilder s = new StringBuilder();
        s.append("/* ").append(base).append(".h: TSAK student network, generated by org.tsak.deploy.CExporter.\n");
        s.append(" * Do not edit; re-export from the student artifact instead.\n *\n");
        for (Map.Entry<String, String> e : a.provenance().entrySet()) {
            s.append(" * ").append(comment(e.getKey())).append(": ").append(comment(e.getValue())).append('\n');
        }
        s.append(" *\n * Input: one window of raw sensor values, NCW without the batch axis:\n");
        s.append(" *   window[c * TSAK_WINDOW_SAMPLES + t], c < TSAK_INPUT_CHANNELS, t < TSAK_WINDOW_SAMPLES,\n");
        s.append(" *   sampled at ").append(a.samplingRateHz()).append(" Hz; channels in this order:\n");
        for (int c = 0; c < a.inputChannels(); c++) {
            s.append(" *   ").append(c).append(": ").append(comment(a.channelNames().get(c))).append('\n');
        }
        s.append(" * Consecutive windows start TSAK_STRIDE_SAMPLES apart.\n");
        s.append(" * Footprint: ").append(fp.describe()).append(".\n */\n");
        s.append("#ifndef ").append(guard).append("\n#define ").append(guard).append("\n\n");
        s.append("#define TSAK_INPUT_CHANNELS ").append(f.inputChannels()).append('\n');
        s.append("#define TSAK_WINDOW_SAMPLES ").append(f.windowSamples()).append('\n');
        s.append("#define TSAK_STRIDE_SAMPLES ").append(a.strideSamples()).append('\n');
        s.append("#define TSAK_SAMPLING_RATE_HZ ").append(floatLiteral((float) a.samplingRateHz())).append('\n');
        s.append("#define TSAK_CLASS_COUNT ").append(f.classCount()).append("\n\n");
        ContextHead head = f.contextHead();
        if (head != null) {
            s.append("/* Temporal context: the model also sees the last TSAK_CONTEXT_STEPS - 1 windows of the stream, as\n");
            s.append(" * their projections (TSAK_CONTEXT_PROJECTION floats each) kept in a static ring of ")
                    .append(head.stateBytes()).append(" bytes,\n");
            s.append(" * all zero (absent) at start-up. Call tsak_predict once per window, in order: once every\n");
            s.append(" * TSAK_STRIDE_SAMPLES samples; it uses the ring and then pushes this window's projection.\n");
            s.append(" * When a window is missing (samples lost, a second skipped), call tsak_skip() instead, once\n");
            s.append(" * per missing window; after a long interruption or for a new stream, call tsak_reset(). */\n");
            s.append("#define TSAK_CONTEXT_STEPS ").append(head.steps()).append('\n');
            s.append("#define TSAK_CONTEXT_PROJECTION ").append(head.projectionSize()).append("\n\n");
        }
        s.append("/* Operation id of each output (OpenPack ids; 8100 is Null). */\n");
        s.append("extern const int tsak_class_ids[TSAK_CLASS_COUNT];\n");
        s.append("/* Name of each output, UTF-8. */\n");
        s.append("extern const char *const tsak_class_names[TSAK_CLASS_COUNT];\n\n");
        s.append("/* Runs the student on one raw window. Writes TSAK_CLASS_COUNT logits to `logits` unless it is\n");
        s.append(" * NULL, and returns the index of the largest logit (lowest index on ties). Not reentrant:\n");
        s.append(" * it uses static buffers. */\n");
        s.append("int tsak_predict(const float *window, float *logits);\n\n");
        if (head != null) {
            s.append("/* The next window of the stream is missing: pushes an absent (all-zero) projection into the\n");
            s.append(" * context ring, so the next TSAK_CONTEXT_STEPS - 1 predictions see that window as absent. */\n");
            s.append("void tsak_skip(void);\n\n");
            s.append("/* Empties the context ring (every past window absent), as at start-up: a new stream. */\n");
            s.append("void tsak_reset(void);\n\n");
        }
        s.append("#endif /* ").append(guard).append(" */\n");
        return s.toString();
    }

    private static String source(StudentArtifact a, FoldedStudent f, QuantisedStudent q, String base) {
        boolean int8 = q != null;
        int n = f.convLayerCount();
        StringBuilder s = new StringBuilder();
        s.append("/* ").append(base).append(".c: TSAK student network (").append(int8 ? "int8" : "float32")
                .append("), generated by org.tsak.deploy.CExporter. Do not edit.\n");
        s.append(" * Conv weights are [in][k][out] with batch norm folded in; activations are stored per channel\n");
        s.append(" * in rows of len + 2 * TSAK_PAD floats, TSAK_PAD zeros on each side (zero padding d*(k-1)/2 of a layer\n");
        s.append(" * with dilation d), len the activation's samples: a layer with stride s keeps ceil(L_in / s) of them.\n");
        s.append(" * Two ping-pong buffers hold the activations; each writer zeroes its rows' padding. */\n");
        s.append("#include \"").append(base).append(".h\"\n");
        if (int8) {
            s.append("#include <stdint.h>\n");
        }
        s.append('\n');
        s.append("#define TSAK_PAD ").append(f.maxPadSamples()).append('\n');
        s.append("#define TSAK_ROW0 (TSAK_WINDOW_SAMPLES + 2 * TSAK_PAD)\n");
        s.append("#define TSAK_BUF_A_FLOATS ").append(CConvKernels.bufferFloats(f, 0)).append('\n');
        s.append("#define TSAK_BUF_B_FLOATS ").append(CConvKernels.bufferFloats(f, 1)).append('\n');
        if (int8) {
            s.append("#define TSAK_QACT_BYTES ").append(CConvKernels.quantisedActivationBytes(f)).append('\n');
        }
        s.append("#define TSAK_REP ").append(f.representationSize()).append("\n\n");

        s.append("const int tsak_class_ids[TSAK_CLASS_COUNT] = {");
        for (int i = 0; i < a.classIds().size(); i++) {
            s.append(i == 0 ? "" : ", ").append(a.classIds().get(i));
        }
        s.append("};\n");
        s.append("const char *const tsak_class_names[TSAK_CLASS_COUNT] = {\n");
        for (int i = 0; i < a.classNames().size(); i++) {
            s.append("    ").append(stringLiteral(a.classNames().get(i))).append(i + 1 < a.classNames().size() ? ",\n" : "\n");
        }
        s.append("};\n\n");

        s.append("/* z-score: x' = (x - mean[c]) * inv_std[c] */\n");
        floatArray(s, "tsak_in_mean", f.inputMeans());
        floatArray(s, "tsak_in_inv_std", f.inputInvStds());
        for (int l = 0; l < n; l++) {
            s.append(String.format(Locale.ROOT, "/* conv %d: %d -> %d channels, kernel %d, stride %d, dilation %d, "
                    + "%d -> %d samples */%n", l, f.channels(l), f.channels(l + 1), f.kernelSize(l), f.stride(l),
                    f.dilation(l), f.length(l), f.length(l + 1)));
            if (int8) {
                byteArray(s, "tsak_conv" + l + "_w", CConvKernels.tapMajor(q.convWeight(l), f, l));
                floatArray(s, "tsak_conv" + l + "_scale", q.convScales(l));
            } else {
                floatArray(s, "tsak_conv" + l + "_w", CConvKernels.tapMajor(f.convWeight(l), f, l));
            }
            floatArray(s, "tsak_conv" + l + "_b", f.convBias(l));
        }
        s.append(String.format(Locale.ROOT, "/* linear: %d -> %d */%n", f.representationSize(), f.classCount()));
        if (int8) {
            byteArray(s, "tsak_lin_w", q.linearWeight());
            floatArray(s, "tsak_lin_scale", q.linearScales());
        } else {
            floatArray(s, "tsak_lin_w", f.linearWeight());
        }
        floatArray(s, "tsak_lin_b", f.linearBias());
        ContextHead head = f.contextHead();
        if (head != null) {
            s.append(String.format(Locale.ROOT, "/* context head: %d windows, projection %d -> %d, temporal %d -> %d */%n",
                    head.steps(), head.representationSize(), head.projectionSize(), head.steps() * head.projectionSize(),
                    head.classes()));
            floatArray(s, "tsak_ctx_proj_w", head.projectionWeight());
            floatArray(s, "tsak_ctx_proj_b", head.projectionBias());
            floatArray(s, "tsak_ctx_temporal_w", head.temporalWeight());
            floatArray(s, "tsak_ctx_temporal_b", head.temporalBias());
        }
        s.append('\n');

        s.append("static float tsak_buf_a[TSAK_BUF_A_FLOATS];\n");
        s.append("static float tsak_buf_b[TSAK_BUF_B_FLOATS];\n");
        s.append("static float tsak_rep[TSAK_REP];\n");
        s.append("static float tsak_scratch_logits[TSAK_CLASS_COUNT];\n");
        if (int8) {
            s.append("static int8_t tsak_qact[TSAK_QACT_BYTES];\n");
            s.append("static int32_t tsak_acc[").append(CConvKernels.accumulatorLength(f)).append("];\n");
            s.append("static int8_t tsak_qrep[TSAK_REP];\n");
        }
        s.append('\n');
        s.append(int8 ? INT8_HELPERS : "");
        for (int l = 0; l < n; l++) {
            s.append(int8 ? CConvKernels.int8(f, l) : CConvKernels.float32(f, l));
        }
        s.append(int8 ? INT8_LINEAR : FLOAT_LINEAR);
        s.append(COMMON_KERNELS);
        if (head != null) {
            s.append("#define TSAK_CONTEXT_PAST (TSAK_CONTEXT_STEPS - 1)\n");
            s.append("/* The context ring: row (tsak_ctx_first + s) % TSAK_CONTEXT_PAST is the s-th oldest past window. */\n");
            s.append("static float tsak_ctx_state[TSAK_CONTEXT_PAST * TSAK_CONTEXT_PROJECTION];\n");
            s.append("static int tsak_ctx_first;\n");
            s.append("static float tsak_ctx_proj[TSAK_CONTEXT_PROJECTION];\n\n");
            s.append(CONTEXT_KERNELS);
        }

        s.append("int tsak_predict(const float *window, float *logits)\n{\n");
        s.append("    float *z = logits != 0 ? logits : tsak_scratch_logits;\n");
        s.append("    int c, t, best;\n");
        s.append("    for (c = 0; c < TSAK_INPUT_CHANNELS; c++) {\n");
        s.append("        const float m = tsak_in_mean[c];\n");
        s.append("        const float s = tsak_in_inv_std[c];\n");
        s.append("        float *dst = tsak_buf_a + c * TSAK_ROW0 + TSAK_PAD;\n");
        s.append("        const float *src = window + c * TSAK_WINDOW_SAMPLES;\n");
        s.append("        for (t = 0; t < TSAK_WINDOW_SAMPLES; t++) {\n");
        s.append("            dst[t] = (src[t] - m) * s;\n");
        s.append("        }\n");
        s.append("        for (t = 1; t <= TSAK_PAD; t++) {\n");
        s.append("            dst[-t] = 0.0f;\n");
        s.append("            dst[TSAK_WINDOW_SAMPLES + t - 1] = 0.0f;\n");
        s.append("        }\n    }\n");
        for (int l = 0; l < n; l++) {
            String in = l % 2 == 0 ? "tsak_buf_a" : "tsak_buf_b";
            String out = l % 2 == 0 ? "tsak_buf_b" : "tsak_buf_a";
            s.append(String.format(Locale.ROOT, "    tsak_conv%d(%s, %s);%n", l, in, out));
        }
        s.append(String.format(Locale.ROOT, "    tsak_pool(%s, TSAK_REP, %d, %d);%n", n % 2 == 0 ? "tsak_buf_a" : "tsak_buf_b",
                f.pooledLength(), CConvKernels.rowSamples(f, n)));
        s.append("    tsak_linear(z);\n");
        if (head != null) {
            s.append("    tsak_context(z);\n");
        }
        s.append("    best = 0;\n");
        s.append("    for (c = 1; c < TSAK_CLASS_COUNT; c++) {\n");
        s.append("        if (z[c] > z[best]) {\n            best = c;\n        }\n    }\n");
        s.append("    return best;\n}\n");
        return s.toString();
    }

    private static final String FLOAT_LINEAR = """
            static void tsak_linear(float *z)
            {
                int o, j;
                for (o = 0; o < TSAK_CLASS_COUNT; o++) {
                    float acc = tsak_lin_b[o];
                    for (j = 0; j < TSAK_REP; j++) {
                        acc += tsak_lin_w[o * TSAK_REP + j] * tsak_rep[j];
                    }
                    z[o] = acc;
                }
            }

            """;

    private static final String INT8_HELPERS = """
            /* Symmetric int8 rounding: clamp(floor(x * inv + 0.5), -127, 127), without libm. */
            static int tsak_quantise(float x, float inv)
            {
                float t = x * inv + 0.5f;
                int i = (int) t;
                if (t < (float) i) {
                    i--;
                }
                return i < -127 ? -127 : (i > 127 ? 127 : i);
            }

            static float tsak_inverse_scale(float amax)
            {
                return amax > 1e-30f ? 127.0f / amax : 0.0f;
            }

            /* Quantises channels x len samples of `in` (rows of `row` values, data from TSAK_PAD) into
             * tsak_qact, same layout, with sx = max|in| / 127; zeroes the TSAK_PAD samples on both
             * sides of each row; returns sx. */
            static float tsak_quantise_rows(const float *in, int channels, int len, int row)
            {
                float amax = 0.0f, inv;
                int i, t;
                for (i = 0; i < channels; i++) {
                    const float *x = in + i * row + TSAK_PAD;
                    for (t = 0; t < len; t++) {
                        float a = x[t] < 0.0f ? -x[t] : x[t];
                        amax = a > amax ? a : amax;
                    }
                }
                inv = tsak_inverse_scale(amax);
                for (i = 0; i < channels; i++) {
                    const float *x = in + i * row + TSAK_PAD;
                    int8_t *q = tsak_qact + i * row + TSAK_PAD;
                    for (t = 0; t < len; t++) {
                        q[t] = (int8_t) tsak_quantise(x[t], inv);
                    }
                    for (t = 1; t <= TSAK_PAD; t++) {
                        q[-t] = 0;
                        q[len + t - 1] = 0;
                    }
                }
                return amax / 127.0f;
            }

            """;

    private static final String INT8_LINEAR = """
            static void tsak_linear(float *z)
            {
                float amax = 0.0f, inv, sx;
                int o, j;
                for (j = 0; j < TSAK_REP; j++) {
                    float a = tsak_rep[j] < 0.0f ? -tsak_rep[j] : tsak_rep[j];
                    amax = a > amax ? a : amax;
                }
                inv = tsak_inverse_scale(amax);
                sx = amax / 127.0f;
                for (j = 0; j < TSAK_REP; j++) {
                    tsak_qrep[j] = (int8_t) tsak_quantise(tsak_rep[j], inv);
                }
                for (o = 0; o < TSAK_CLASS_COUNT; o++) {
                    int32_t acc = 0;
                    for (j = 0; j < TSAK_REP; j++) {
                        acc += (int32_t) tsak_lin_w[o * TSAK_REP + j] * (int32_t) tsak_qrep[j];
                    }
                    z[o] = (float) acc * (tsak_lin_scale[o] * sx) + tsak_lin_b[o];
                }
            }

            """;

    private static final String COMMON_KERNELS = """
            /* Global average pooling over the last activation's len samples (rows of `row` values). */
            static void tsak_pool(const float *act, int channels, int len, int row)
            {
                int i, t;
                for (i = 0; i < channels; i++) {
                    const float *x = act + i * row + TSAK_PAD;
                    float s = 0.0f;
                    for (t = 0; t < len; t++) {
                        s += x[t];
                    }
                    tsak_rep[i] = s / (float) len;
                }
            }

            """;

    private static final String CONTEXT_KERNELS = """
            /* Overwrites the oldest row of the ring with `row` (H floats; NULL: an absent window, zeros). */
            static void tsak_ctx_push(const float *row)
            {
                float *dst = tsak_ctx_state + tsak_ctx_first * TSAK_CONTEXT_PROJECTION;
                int h;
                for (h = 0; h < TSAK_CONTEXT_PROJECTION; h++) {
                    dst[h] = row != 0 ? row[h] : 0.0f;
                }
                tsak_ctx_first = tsak_ctx_first + 1 < TSAK_CONTEXT_PAST ? tsak_ctx_first + 1 : 0;
            }

            /* Context head: p = ReLU(c + P rep); z[o] += b[o] + sum over the past rows (oldest first), then p,
             * of W[o][s * H + h] * row_s[h]; then p is pushed into the ring. */
            static void tsak_context(float *z)
            {
                int h, j, o, s;
                for (h = 0; h < TSAK_CONTEXT_PROJECTION; h++) {
                    float acc = tsak_ctx_proj_b[h];
                    for (j = 0; j < TSAK_REP; j++) {
                        acc += tsak_ctx_proj_w[h * TSAK_REP + j] * tsak_rep[j];
                    }
                    tsak_ctx_proj[h] = acc > 0.0f ? acc : 0.0f;
                }
                for (o = 0; o < TSAK_CLASS_COUNT; o++) {
                    const float *w = tsak_ctx_temporal_w + o * (TSAK_CONTEXT_STEPS * TSAK_CONTEXT_PROJECTION);
                    float acc = tsak_ctx_temporal_b[o];
                    for (s = 0; s < TSAK_CONTEXT_PAST; s++) {
                        int r = tsak_ctx_first + s;
                        const float *row = tsak_ctx_state
                                + (r < TSAK_CONTEXT_PAST ? r : r - TSAK_CONTEXT_PAST) * TSAK_CONTEXT_PROJECTION;
                        for (h = 0; h < TSAK_CONTEXT_PROJECTION; h++) {
                            acc += w[s * TSAK_CONTEXT_PROJECTION + h] * row[h];
                        }
                    }
                    for (h = 0; h < TSAK_CONTEXT_PROJECTION; h++) {
                        acc += w[TSAK_CONTEXT_PAST * TSAK_CONTEXT_PROJECTION + h] * tsak_ctx_proj[h];
                    }
                    z[o] = z[o] + acc;
                }
                tsak_ctx_push(tsak_ctx_proj);
            }

            void tsak_skip(void)
            {
                tsak_ctx_push(0);
            }

            void tsak_reset(void)
            {
                int i;
                for (i = 0; i < TSAK_CONTEXT_PAST * TSAK_CONTEXT_PROJECTION; i++) {
                    tsak_ctx_state[i] = 0.0f;
                }
                tsak_ctx_first = 0;
            }

            """;

    private static void floatArray(StringBuilder s, String name, float[] v) {
        s.append("static const float ").append(name).append('[').append(v.length).append("] = {");
        for (int i = 0; i < v.length; i++) {
            s.append(i % VALUES_PER_LINE == 0 ? "\n    " : " ").append(floatLiteral(v[i])).append(i + 1 < v.length ? "," : "");
        }
        s.append("\n};\n");
    }

    private static void byteArray(StringBuilder s, String name, byte[] v) {
        s.append("static const int8_t ").append(name).append('[').append(v.length).append("] = {");
        for (int i = 0; i < v.length; i++) {
            s.append(i % (2 * VALUES_PER_LINE) == 0 ? "\n    " : " ").append(v[i]).append(i + 1 < v.length ? "," : "");
        }
        s.append("\n};\n");
    }

    /** Java's shortest round-trip decimal, which a C compiler parses back to the same float. */
    static String floatLiteral(float v) {
        return Float.toString(v) + "f";
    }

    private static String comment(String text) {
        return text.replace("*/", "* /").replace('\n', ' ').replace('\r', ' ');
    }

    private static String stringLiteral(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int u = b & 0xff;
            if (u == '"' || u == '\\') {
                s.append('\\').append((char) u);
            } else if (u >= 0x20 && u < 0x7f && u != '?') {
                s.append((char) u);
            } else {
                s.append(String.format(Locale.ROOT, "\\%03o", u));
            }
        }
        return s.append('"').toString();
    }
}
