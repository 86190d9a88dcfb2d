package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudentArtifactFileTest {

    @TempDir
    Path dir;

    private static String failure(Path file) {
        return assertThrows(ArtifactFormatException.class, () -> StudentArtifact.read(file)).getMessage();
    }

    @Test
    void roundTripKeepsEverythingAndPredictsTheSame() throws Exception {
        StudentArtifact a = StudentFixtures.defaultArtifact(31);
        Path file = dir.resolve("nested/student.tsakstu");
        a.write(file);
        StudentArtifact b = StudentArtifact.read(file);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.provenance(), b.provenance());
        assertEquals(java.util.List.copyOf(a.provenance().keySet()), java.util.List.copyOf(b.provenance().keySet()),
                "provenance order is kept");
        float[] raw = StudentFixtures.rawWindow(new Random(1), a);
        assertArrayEquals(StudentRuntime.of(a).logits(raw), StudentRuntime.of(b).logits(raw), 0f);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void headerLayoutIsAsDocumented() {
        byte[] bytes = StudentArtifactFile.encode(HandWorkedStudentTest.tiny());
        assertEquals("TSAKSTU", new String(bytes, 0, 7, StandardCharsets.US_ASCII));
        ByteBuffer h = ByteBuffer.wrap(bytes);
        assertEquals(1, h.getShort(7));
        assertEquals(bytes.length - StudentArtifactFile.HEADER_BYTES, h.getInt(9));
        assertEquals("PROV", new String(bytes, 45, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void everySingleByteCorruptionIsRejected() throws Exception {
        byte[] good = StudentArtifactFile.encode(HandWorkedStudentTest.tiny());
        Path file = dir.resolve("x.tsakstu");
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x10;
            int at = i;
            assertThrows(ArtifactFormatException.class, () -> StudentArtifactFile.decode(bad, file),
                    "flipping a bit in byte " + at + " went unnoticed");
        }
    }

    @Test
    void corruptPayloadByteNamesTheChecksumAndTheFile() throws Exception {
        Path file = dir.resolve("corrupt.tsakstu");
        StudentFixtures.defaultArtifact(32).write(file);
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 0x01;
        Files.write(file, b);
        String m = failure(file);
        assertTrue(m.contains("checksum mismatch"), m);
        assertTrue(m.contains(file.toString()), m);
    }

    @Test
    void truncatedFileIsReported() throws Exception {
        Path file = dir.resolve("short.tsakstu");
        StudentFixtures.defaultArtifact(33).write(file);
        byte[] b = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(b, b.length - 100));
        String m = failure(file);
        assertTrue(m.contains("truncated") && m.contains("only " + (b.length - 100 - 45) + " bytes follow"), m);
        Files.write(file, Arrays.copyOf(b, 20));
        assertTrue(failure(file).contains("shorter than the 45-byte header"));
        Files.write(file, new byte[0]);
        assertTrue(failure(file).contains("magic"));
    }

    @Test
    void wrongMagicAndNewerVersionAreReported() throws Exception {
        Path file = dir.resolve("v.tsakstu");
        byte[] b = StudentArtifactFile.encode(StudentFixtures.defaultArtifact(34));
        byte[] v4 = b.clone();
        v4[8] = 4;
        Files.write(file, v4);
        String m = failure(file);
        assertTrue(m.contains("format version 4 is newer than this reader supports (3)"), m);
        byte[] magic = b.clone();
        magic[0] = 'X';
        Files.write(file, magic);
        assertTrue(failure(file).contains("not a TSAK student artifact"));
        Files.writeString(file, "{\"json\": true}");
        assertTrue(failure(file).contains("magic"));
    }

    @Test
    void unknownSectionsAreSkippedForForwardCompatibility() throws Exception {
        byte[] b = StudentArtifactFile.encode(HandWorkedStudentTest.tiny());
        byte[] payload = Arrays.copyOfRange(b, StudentArtifactFile.HEADER_BYTES, b.length);
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(extra);
        out.write(payload);
        out.write("XTRA".getBytes(StandardCharsets.US_ASCII));
        out.writeInt(3);
        out.write(new byte[] {1, 2, 3});
        byte[] newPayload = extra.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream f = new DataOutputStream(file);
        f.write(Arrays.copyOf(b, 9));
        f.writeInt(newPayload.length);
        f.write(MessageDigest.getInstance("SHA-256").digest(newPayload));
        f.write(newPayload);
        assertEquals(HandWorkedStudentTest.tiny(), StudentArtifactFile.decode(file.toByteArray(), dir.resolve("x")));
    }

    @Test
    void overwritingKeepsOnlyTheNewArtifact() throws Exception {
        Path file = dir.resolve("s.tsakstu");
        StudentFixtures.defaultArtifact(35).write(file);
        StudentArtifact second = StudentFixtures.defaultArtifact(36);
        second.write(file);
        assertEquals(second, StudentArtifact.read(file));
    }

    /** A strided and dilated student: 3 -> 8 -> 8 -> 4 channels, k 3, strides [2, 1, 2], dilations [1, 2, 1]. */
    private static StudentArtifact strided(long seed) {
        return StudentFixtures.artifact(seed, new int[] {8, 8, 4}, 3, new int[] {2, 1, 2}, new int[] {1, 2, 1}, 24);
    }

    /** The bytes of a whole file: header for {@code version}, then the payload. */
    private static byte[] seal(int version, byte[] payload) throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream f = new DataOutputStream(file);
        f.write("TSAKSTU".getBytes(StandardCharsets.US_ASCII));
        f.writeShort(version);
        f.writeInt(payload.length);
        f.write(MessageDigest.getInstance("SHA-256").digest(payload));
        f.write(payload);
        return file.toByteArray();
    }

    private static void section(DataOutputStream out, String tag, byte[] body) throws Exception {
        out.write(tag.getBytes(StandardCharsets.US_ASCII));
        out.writeInt(body.length);
        out.write(body);
    }

    /**
     * The version-1 file of {@link HandWorkedStudentTest#tiny()} built field by field from the
     * documented layout (docs/DEPLOY.md), independently of the writer: what older TSAK versions wrote.
     */
    private static byte[] handBuiltVersion1Tiny(boolean withGeom) throws Exception {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream p = new DataOutputStream(payload);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream b = new DataOutputStream(body);
        b.writeInt(0); // PROV: no entries
        section(p, "PROV", body.toByteArray());
        body.reset();
        b.writeInt(1);
        b.writeInt(17);
        b.write("right_wrist/acc_x".getBytes(StandardCharsets.UTF_8));
        b.writeDouble(30);
        b.writeInt(4);
        b.writeInt(2);
        b.writeFloat(1);
        b.writeFloat(2);
        section(p, "INPT", body.toByteArray());
        body.reset();
        b.writeInt(2);
        b.writeInt(100);
        b.writeInt(7);
        b.write("Picking".getBytes(StandardCharsets.UTF_8));
        b.writeInt(8100);
        b.writeInt(4);
        b.write("Null".getBytes(StandardCharsets.UTF_8));
        section(p, "CLAS", body.toByteArray());
        body.reset();
        b.writeInt(1); // one layer: in 1, out 1, k 3
        b.writeInt(1);
        b.writeInt(1);
        b.writeInt(3);
        for (float v : new float[] {1, 2, -1, 0.5f, 1, 0, 0, 1 - ConvLayer.DEFAULT_BN_EPS, ConvLayer.DEFAULT_BN_EPS}) {
            b.writeFloat(v); // weight[3], bias, gamma, beta, mean, var, eps
        }
        section(p, "CONV", body.toByteArray());
        body.reset();
        b.writeInt(1);
        b.writeInt(2);
        for (float v : new float[] {2, -1, 0.25f, 1}) {
            b.writeFloat(v);
        }
        section(p, "LINR", body.toByteArray());
        if (withGeom) {
            body.reset();
            b.writeInt(1);
            b.writeInt(2);
            b.writeInt(1);
            section(p, "GEOM", body.toByteArray());
        }
        return seal(1, payload.toByteArray());
    }

    @Test
    void version1FilesStillReadAndPlainStudentsStillWriteThemByteForByte() throws Exception {
        byte[] v1 = handBuiltVersion1Tiny(false);
        StudentArtifact read = StudentArtifactFile.decode(v1, dir.resolve("old.tsak"));
        assertEquals(HandWorkedStudentTest.tiny(), read);
        assertEquals(1, read.weights().convLayers().get(0).stride());
        assertEquals(1, read.weights().convLayers().get(0).dilation());
        assertArrayEquals(HandWorkedStudentTest.EXPECTED, StudentRuntime.of(read).logits(HandWorkedStudentTest.RAW),
                1e-5f);
        // a student without strides or dilations is still written as version 1, so older readers load it
        assertArrayEquals(v1, StudentArtifactFile.encode(HandWorkedStudentTest.tiny()));
        assertEquals(1, StudentArtifactFile.versionFor(StudentFixtures.defaultArtifact(1)));
    }

    @Test
    void stridedAndDilatedStudentsWriteVersion2AndRoundTrip() throws Exception {
        StudentArtifact a = strided(41);
        byte[] bytes = StudentArtifactFile.encode(a);
        assertEquals(2, ByteBuffer.wrap(bytes).getShort(7));
        assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).contains("GEOM"));
        Path file = dir.resolve("strided.tsak");
        a.write(file);
        StudentArtifact b = StudentArtifact.read(file);
        assertEquals(a, b);
        assertEquals(java.util.List.of(2, 1, 2), b.weights().convLayers().stream().map(ConvLayer::stride).toList());
        assertEquals(java.util.List.of(1, 2, 1), b.weights().convLayers().stream().map(ConvLayer::dilation).toList());
        float[] raw = StudentFixtures.rawWindow(new Random(2), a);
        assertArrayEquals(StudentRuntime.of(a).logits(raw), StudentRuntime.of(b).logits(raw), 0f);
    }

    @Test
    void geometryIsNeverDroppedSilently() throws Exception {
        // GEOM in a version-1 file: a version-1 reader would skip it and run another network
        String m = assertThrows(ArtifactFormatException.class,
                () -> StudentArtifactFile.decode(handBuiltVersion1Tiny(true), dir.resolve("x"))).getMessage();
        assertTrue(m.contains("version-1 file holds a GEOM section"), m);
        // version 2 without GEOM
        byte[] v1 = handBuiltVersion1Tiny(false);
        byte[] noGeom = seal(2, Arrays.copyOfRange(v1, StudentArtifactFile.HEADER_BYTES, v1.length));
        m = assertThrows(ArtifactFormatException.class, () -> StudentArtifactFile.decode(noGeom, dir.resolve("x")))
                .getMessage();
        assertTrue(m.contains("required section GEOM is missing"), m);
        // GEOM listing another number of layers than CONV
        byte[] good = StudentArtifactFile.encode(strided(42));
        byte[] payload = Arrays.copyOfRange(good, StudentArtifactFile.HEADER_BYTES, good.length);
        int geom = new String(payload, StandardCharsets.ISO_8859_1).lastIndexOf("GEOM");
        ByteBuffer.wrap(payload).putInt(geom + 8, 2);
        m = assertThrows(ArtifactFormatException.class, () -> StudentArtifactFile.decode(seal(2, payload),
                dir.resolve("x"))).getMessage();
        assertTrue(m.contains("GEOM lists 2 layers but CONV holds 3"), m);
        // a stride of 0
        byte[] zero = Arrays.copyOfRange(good, StudentArtifactFile.HEADER_BYTES, good.length);
        ByteBuffer.wrap(zero).putInt(geom + 12, 0);
        m = assertThrows(ArtifactFormatException.class, () -> StudentArtifactFile.decode(seal(2, zero),
                dir.resolve("x"))).getMessage();
        assertTrue(m.contains("stride and dilation must be >= 1"), m);
    }

    @Test
    void everySingleByteCorruptionOfAVersion2FileIsRejected() {
        StudentArtifact small = StudentFixtures.artifact(43, new int[] {2, 2}, 3, new int[] {2, 1}, new int[] {1, 3}, 9);
        byte[] good = StudentArtifactFile.encode(small);
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x10;
            int at = i;
            assertThrows(ArtifactFormatException.class, () -> StudentArtifactFile.decode(bad, dir.resolve("x")),
                    "flipping a bit in byte " + at + " went unnoticed");
        }
    }
}
