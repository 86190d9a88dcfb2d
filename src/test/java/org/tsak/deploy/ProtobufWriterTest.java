package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Encodings from the protocol-buffers encoding guide, worked by hand. */
class ProtobufWriterTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void varintOf150() {
        // 150 = 0b1001_0110 -> groups 0010110, 0000001 -> 0x96 0x01; key of field 1 varint = 0x08
        assertArrayEquals(bytes(0x08, 0x96, 0x01), new ProtobufWriter().int64(1, 150).toByteArray());
    }

    @Test
    void stringField() {
        // field 2, wire type 2 -> key 0x12, length 7, "testing"
        assertArrayEquals(bytes(0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67),
                new ProtobufWriter().string(2, "testing").toByteArray());
    }

    @Test
    void negativeIntTakesTenBytes() {
        assertArrayEquals(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01),
                new ProtobufWriter().varint(-1).toByteArray());
    }

    @Test
    void nestedMessageAndFloat() {
        // inner: field 1 = 150 (3 bytes); outer field 3 -> key 0x1a, length 3
        assertArrayEquals(bytes(0x1a, 0x03, 0x08, 0x96, 0x01),
                new ProtobufWriter().message(3, new ProtobufWriter().int64(1, 150)).toByteArray());
        // 1.0f = 0x3f800000 little-endian; field 2 fixed32 -> key 0x15
        assertArrayEquals(bytes(0x15, 0x00, 0x00, 0x80, 0x3f), new ProtobufWriter().float32(2, 1f).toByteArray());
        // field 20 varint: key = 160 -> 0xa0 0x01
        assertArrayEquals(bytes(0xa0, 0x01, 0x07), new ProtobufWriter().int64(20, 7).toByteArray());
    }
}
