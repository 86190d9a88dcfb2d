package org.tsak.deploy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsak.io.AtomicFiles;

/**
 * The binary file format of a {@link StudentArtifact} (extension {@code .tsakstu}).
 *
 * <p>All integers and floats are big-endian; floats are IEEE-754 binary32, doubles binary64;
 * a string is a {@code u32} byte count followed by UTF-8 bytes.
 * <pre>
 * offset size  field
 *  0      7    magic, ASCII "TSAKSTU"
 *  7      2    u16 format version (1, 2 or 3; this reader reads all three)
 *  9      4    u32 payload length P in bytes
 * 13     32    SHA-256 of the payload
 * 45      P    payload: a sequence of sections, then end of file (no trailing bytes)
 * </pre>
 * A section is a 4-byte ASCII tag, a {@code u32} body length and the body. Readers skip sections
 * with unknown tags (compatible additions keep the version); a change that old readers cannot
 * ignore increments the version, and a reader refuses versions newer than its own.
 * Sections, each required exactly once:
 * <pre>
 * PROV  u32 n, then n x (string key, string value)            provenance, in order
 * INPT  u32 C, C x string channel name, f64 samplingRateHz,
 *       u32 windowSamples, u32 strideSamples, C x f32 mean, C x f32 std
 * CLAS  u32 K, K x (i32 operation id, string name)
 * CONV  u32 layers, per layer: u32 in, u32 out, u32 k, f32[out*in*k] weight [out][in][k],
 *       f32[out] bias, gamma, beta, running mean, running var, f32 eps   (batch norm NOT folded)
 * LINR  u32 in, u32 out, f32[out*in] weight [out][in], f32[out] bias
 * GEOM  (versions 2 and 3) u32 layers (= CONV's), per layer: u32 stride, u32 dilation
 * CTXH  (version 3 only) u32 S, u32 E, u32 H, u32 K, f32[H*E] projection weight [H][E],
 *       f32[H] projection bias, f32[K*S*H] temporal weight [K][S*H], f32[K] temporal bias
 * </pre>
 * Version 2 adds the per-layer stride and dilation of strided or dilated students (padding
 * {@code dilation * (k - 1) / 2}, see {@link ConvLayer}). Version 1 files have stride 1 and
 * dilation 1 in every layer and no GEOM section. The writer uses the lowest version that holds
 * the student: version 1 for a student without strides or dilations (so readers of version 1
 * still load it), version 2 otherwise (which those older readers refuse rather than run it as a
 * different network). A GEOM section in a version-1 file is refused for the same reason.
 * Version 3 is version 2 plus a temporal context head ({@link ContextHead}, section CTXH): written
 * only for a student with a head, so students without one keep versions 1 and 2 byte for byte;
 * a CTXH section in a version-1 or -2 file is refused (those readers would run the student
 * without its head).
 * Any fault (wrong magic, version, length, checksum, section sizes, inconsistent content) makes
 * {@link #read(Path)} throw an {@link ArtifactFormatException}: a damaged file never yields a model.
 */
public final class StudentArtifactFile {

    /** The 7 magic bytes at the start of every artifact file. */
    public static final String MAGIC = "TSAKSTU";
    /** Newest format version this class reads and writes (a temporal context head: CTXH section). */
    public static final int FORMAT_VERSION = 3;
    /** Format version of students with strides or dilations but no context head (GEOM section). */
    public static final int GEOMETRY_FORMAT_VERSION = 2;
    /** Format version of students without strides or dilations (every layer stride 1, dilation 1). */
    public static final int PLAIN_FORMAT_VERSION = 1;
    /** Bytes before the payload: magic, version, payload length, SHA-256. */
    public static final int HEADER_BYTES = 7 + 2 + 4 + 32;

    private static final List<String> REQUIRED_V1 = List.of("PROV", "INPT", "CLAS", "CONV", "LINR");
    private static final List<String> REQUIRED_V2 = List.of("PROV", "INPT", "CLAS", "CONV", "LINR", "GEOM");
    private static final List<String> REQUIRED_V3 = List.of("PROV", "INPT", "CLAS", "CONV", "LINR", "GEOM", "CTXH");

    private StudentArtifactFile() {
    }

    /** Writes {@code artifact} to {@code file} atomically. */
    static void write(StudentArtifact artifact, Path file) throws IOException {
        AtomicFiles.write(file, encode(artifact));
    }

    /** Reads and verifies the artifact in {@code file}. */
    static StudentArtifact read(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file);
    }

    /**
     * The version {@link #encode} writes for {@code artifact}: {@link #FORMAT_VERSION} with a context
     * head, else {@link #PLAIN_FORMAT_VERSION} when every conv layer has stride 1 and dilation 1,
     * else {@link #GEOMETRY_FORMAT_VERSION}.
     */
    public static int versionFor(StudentArtifact artifact) {
        if (artifact.weights().hasContextHead()) {
            return FORMAT_VERSION;
        }
        return artifact.weights().isPlain() ? PLAIN_FORMAT_VERSION : GEOMETRY_FORMAT_VERSION;
    }

    /** The complete file contents for {@code artifact}, in the version {@link #versionFor} gives. */
    public static byte[] encode(StudentArtifact artifact) {
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            section(payload, "PROV", out -> {
                out.writeInt(artifact.provenance().size());
                for (Map.Entry<String, String> e : artifact.provenance().entrySet()) {
                    string(out, e.getKey());
                    string(out, e.getValue());
                }
            });
            section(payload, "INPT", out -> {
                out.writeInt(artifact.inputChannels());
                for (String name : artifact.channelNames()) {
                    string(out, name);
                }
                out.writeDouble(artifact.samplingRateHz());
                out.writeInt(artifact.windowSamples());
                out.writeInt(artifact.strideSamples());
                floats(out, artifact.channelMeans());
                floats(out, artifact.channelStds());
            });
            section(payload, "CLAS", out -> {
                out.writeInt(artifact.classIds().size());
                for (int i = 0; i < artifact.classIds().size(); i++) {
                    out.writeInt(artifact.classIds().get(i));
                    string(out, artifact.classNames().get(i));
                }
            });
            section(payload, "CONV", out -> {
                List<ConvLayer> layers = artifact.weights().convLayers();
                out.writeInt(layers.size());
                for (ConvLayer c : layers) {
                    out.writeInt(c.inChannels());
                    out.writeInt(c.outChannels());
                    out.writeInt(c.kernelSize());
                    floats(out, c.weight());
                    floats(out, c.bias());
                    floats(out, c.bnGamma());
                    floats(out, c.bnBeta());
                    floats(out, c.bnMean());
                    floats(out, c.bnVar());
                    out.writeFloat(c.bnEps());
                }
            });
            section(payload, "LINR", out -> {
                LinearLayer l = artifact.weights().linear();
                out.writeInt(l.in());
                out.writeInt(l.out());
                floats(out, l.weight());
                floats(out, l.bias());
            });
            int version = versionFor(artifact);
            if (version >= 2) {
                section(payload, "GEOM", out -> {
                    List<ConvLayer> layers = artifact.weights().convLayers();
                    out.writeInt(layers.size());
                    for (ConvLayer c : layers) {
                        out.writeInt(c.stride());
                        out.writeInt(c.dilation());
                    }
                });
            }
            if (version >= 3) {
                section(payload, "CTXH", out -> {
                    ContextHead h = artifact.weights().contextHead();
                    out.writeInt(h.steps());
                    out.writeInt(h.representationSize());
                    out.writeInt(h.projectionSize());
                    out.writeInt(h.classes());
                    floats(out, h.projectionWeight());
                    floats(out, h.projectionBias());
                    floats(out, h.temporalWeight());
                    floats(out, h.temporalBias());
                });
            }
            byte[] body = payload.toByteArray();
            ByteArrayOutputStream file = new ByteArrayOutputStream(HEADER_BYTES + body.length);
            DataOutputStream out = new DataOutputStream(file);
            out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
            out.writeShort(version);
            out.writeInt(body.length);
            out.write(sha256(body));
            out.write(body);
            out.flush();
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory encoding failed", e);
        }
    }

    /**
     * Decodes and verifies file contents.
     *
     * @param source named in error messages
     * @throws ArtifactFormatException naming {@code source} and the fault
     */
    public static StudentArtifact decode(byte[] bytes, Path source) throws ArtifactFormatException {
        byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < magic.length
                || !java.util.Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
            throw new ArtifactFormatException(source, "not a TSAK student artifact (the file does not start "
                    + "with the magic bytes \"" + MAGIC + "\"); pass a .tsak file written by `tsak export --format tsak`");
        }
        if (bytes.length < HEADER_BYTES) {
            throw new ArtifactFormatException(source, "truncated: " + bytes.length + " bytes, shorter than the "
                    + HEADER_BYTES + "-byte header; re-export the artifact");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes);
        header.position(magic.length);
        int version = Short.toUnsignedInt(header.getShort());
        if (version > FORMAT_VERSION) {
            throw new ArtifactFormatException(source, "format version " + version + " is newer than this reader "
                    + "supports (" + FORMAT_VERSION + "); upgrade TSAK or re-export with this version");
        }
        if (version < 1) {
            throw new ArtifactFormatException(source, "unknown format version " + version
                    + " (supported: 1.." + FORMAT_VERSION + "); the file is damaged or not an artifact");
        }
        long payloadLength = Integer.toUnsignedLong(header.getInt());
        long actual = bytes.length - (long) HEADER_BYTES;
        if (actual < payloadLength) {
            throw new ArtifactFormatException(source, "truncated: header announces a " + payloadLength
                    + "-byte payload but only " + actual + " bytes follow; the copy is incomplete, re-copy or "
                    + "re-export the artifact");
        }
        if (actual > payloadLength) {
            throw new ArtifactFormatException(source, (actual - payloadLength) + " unexpected bytes after the "
                    + payloadLength + "-byte payload; the file is damaged, re-export the artifact");
        }
        byte[] expected = new byte[32];
        header.get(expected);
        byte[] digest = sha256(bytes, HEADER_BYTES, (int) payloadLength);
        if (!MessageDigest.isEqual(expected, digest)) {
            HexFormat hex = HexFormat.of();
            throw new ArtifactFormatException(source, "checksum mismatch: payload SHA-256 is "
                    + hex.formatHex(digest) + " but the header records " + hex.formatHex(expected)
                    + "; the file is corrupt, re-export the artifact");
        }
        ByteBuffer payload = ByteBuffer.wrap(bytes, HEADER_BYTES, (int) payloadLength).slice();
        List<String> required = version == 1 ? REQUIRED_V1 : version == 2 ? REQUIRED_V2 : REQUIRED_V3;
        Map<String, ByteBuffer> sections = new LinkedHashMap<>();
        while (payload.hasRemaining()) {
            if (payload.remaining() < 8) {
                throw new ArtifactFormatException(source, "section header cut short at payload offset "
                        + payload.position());
            }
            byte[] tagBytes = new byte[4];
            payload.get(tagBytes);
            String tag = new String(tagBytes, StandardCharsets.US_ASCII);
            long length = Integer.toUnsignedLong(payload.getInt());
            if (length > payload.remaining()) {
                throw new ArtifactFormatException(source, "section " + tag + " announces " + length
                        + " bytes but only " + payload.remaining() + " remain");
            }
            ByteBuffer body = payload.slice(payload.position(), (int) length);
            payload.position(payload.position() + (int) length);
            if (version == 1 && tag.equals("GEOM")) {
                throw new ArtifactFormatException(source, "a version-1 file holds a GEOM section (strides and "
                        + "dilations), which version-1 readers would ignore; the file is damaged, re-export it");
            }
            if (version < 3 && tag.equals("CTXH")) {
                throw new ArtifactFormatException(source, "a version-" + version + " file holds a CTXH section "
                        + "(a temporal context head), which version-" + version + " readers would ignore and run "
                        + "the student without it; the file is damaged, re-export it");
            }
            if (required.contains(tag) && sections.put(tag, body) != null) {
                throw new ArtifactFormatException(source, "section " + tag + " appears twice");
            }
        }
        for (String tag : required) {
            if (!sections.containsKey(tag)) {
                throw new ArtifactFormatException(source, "required section " + tag + " is missing");
            }
        }
        String current = "";
        try {
            current = "PROV";
            ByteBuffer in = sections.get(current);
            Map<String, String> provenance = new LinkedHashMap<>();
            int n = count(in);
            for (int i = 0; i < n; i++) {
                provenance.put(string(in), string(in));
            }
            done(in, current, source);

            current = "INPT";
            in = sections.get(current);
            int c = count(in);
            List<String> channels = new ArrayList<>();
            for (int i = 0; i < c; i++) {
                channels.add(string(in));
            }
            double rateHz = in.getDouble();
            int window = in.getInt();
            int stride = in.getInt();
            float[] means = floats(in, c);
            float[] stds = floats(in, c);
            done(in, current, source);

            current = "CLAS";
            in = sections.get(current);
            int k = count(in);
            List<Integer> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                ids.add(in.getInt());
                names.add(string(in));
            }
            done(in, current, source);

            current = "CONV";
            in = sections.get(current);
            int layers = count(in);
            int[] strides = new int[layers];
            int[] dilations = new int[layers];
            java.util.Arrays.fill(strides, 1);
            java.util.Arrays.fill(dilations, 1);
            if (version >= 2) {
                current = "GEOM";
                ByteBuffer geom = sections.get(current);
                int geomLayers = count(geom);
                if (geomLayers != layers) {
                    throw new IllegalArgumentException("GEOM lists " + geomLayers + " layers but CONV holds "
                            + layers);
                }
                for (int i = 0; i < layers; i++) {
                    strides[i] = geom.getInt();
                    dilations[i] = geom.getInt();
                }
                done(geom, current, source);
                current = "CONV";
            }
            List<ConvLayer> conv = new ArrayList<>();
            for (int i = 0; i < layers; i++) {
                int cin = count(in);
                int cout = count(in);
                int ks = count(in);
                conv.add(new ConvLayer(cin, cout, ks, strides[i], dilations[i], floats(in, (long) cout * cin * ks),
                        floats(in, cout), floats(in, cout), floats(in, cout), floats(in, cout), floats(in, cout),
                        in.getFloat()));
            }
            done(in, current, source);

            current = "LINR";
            in = sections.get(current);
            int lin = count(in);
            int lout = count(in);
            LinearLayer linear = new LinearLayer(lin, lout, floats(in, (long) lout * lin), floats(in, lout));
            done(in, current, source);

            ContextHead head = null;
            if (version >= 3) {
                current = "CTXH";
                in = sections.get(current);
                int steps = count(in);
                int e = count(in);
                int h = count(in);
                int hk = count(in);
                head = new ContextHead(steps, e, h, hk, floats(in, (long) h * e), floats(in, h),
                        floats(in, (long) hk * steps * h), floats(in, hk));
                done(in, current, source);
            }

            current = "content";
            return new StudentArtifact(new StudentWeights(conv, linear, head), channels, rateHz, window, stride, means,
                    stds, ids, names, provenance);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new ArtifactFormatException(source, "section " + current + " is shorter than its fields "
                    + "require; the file is damaged, re-export the artifact", e);
        } catch (IllegalArgumentException e) {
            throw new ArtifactFormatException(source, "inconsistent " + current + ": " + e.getMessage(), e);
        }
    }

    private interface SectionBody {
        void write(DataOutputStream out) throws IOException;
    }

    private static void section(ByteArrayOutputStream payload, String tag, SectionBody body) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buf);
        body.write(out);
        out.flush();
        DataOutputStream p = new DataOutputStream(payload);
        p.write(tag.getBytes(StandardCharsets.US_ASCII));
        p.writeInt(buf.size());
        buf.writeTo(p);
        p.flush();
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void floats(DataOutputStream out, float[] values) throws IOException {
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static int count(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.capacity()) {
            throw new IllegalArgumentException("implausible count " + Integer.toUnsignedLong(n));
        }
        return n;
    }

    private static String string(ByteBuffer in) {
        int n = count(in);
        byte[] b = new byte[n];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static float[] floats(ByteBuffer in, long n) {
        if (n < 0 || n > in.remaining() / 4) {
            throw new BufferUnderflowException();
        }
        float[] v = new float[(int) n];
        in.asFloatBuffer().get(v);
        in.position(in.position() + 4 * (int) n);
        return v;
    }

    private static void done(ByteBuffer in, String tag, Path source) throws ArtifactFormatException {
        if (in.hasRemaining()) {
            throw new ArtifactFormatException(source, "section " + tag + " has " + in.remaining()
                    + " unexpected trailing bytes; the file is damaged, re-export the artifact");
        }
    }

    private static byte[] sha256(byte[] b) {
        return sha256(b, 0, b.length);
    }

    private static byte[] sha256(byte[] b, int offset, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(b, offset, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
