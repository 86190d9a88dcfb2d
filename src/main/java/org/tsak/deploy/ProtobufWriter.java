package org.tsak.deploy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The subset of the protocol-buffers wire format needed to write an ONNX model: varints
 * (wire type 0), 32-bit fixed (type 5) and length-delimited fields (type 2: strings, bytes,
 * nested messages). Fields are written in call order; repeated scalars are written unpacked
 * (one key per element), as proto2 files such as onnx.proto declare them.
 */
final class ProtobufWriter {

    static final int VARINT = 0;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Base-128 varint, least significant group first; negative values take 10 bytes (two's complement). */
    ProtobufWriter varint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
        return this;
    }

    /** Field key: {@code (field << 3) | wireType}. */
    ProtobufWriter key(int field, int wireType) {
        return varint(((long) field << 3) | wireType);
    }

    /** An int32/int64/enum/bool field. */
    ProtobufWriter int64(int field, long value) {
        return key(field, VARINT).varint(value);
    }

    /** A float field (fixed32, little-endian). */
    ProtobufWriter float32(int field, float value) {
        key(field, FIXED32);
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write((bits >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    /** A string field, UTF-8. */
    ProtobufWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A bytes field. */
    ProtobufWriter bytes(int field, byte[] value) {
        key(field, LENGTH_DELIMITED).varint(value.length);
        out.write(value, 0, value.length);
        return this;
    }

    /** A nested message field. */
    ProtobufWriter message(int field, ProtobufWriter message) {
        return bytes(field, message.toByteArray());
    }

    /** The encoded bytes so far. */
    byte[] toByteArray() {
        return out.toByteArray();
    }
}
