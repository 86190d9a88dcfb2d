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
        byte[] v2 = b.clone();
        v2[8] = 2;
        Files.write(file, v2);
        String m = failure(file);
        assertTrue(m.contains("format version 2 is newer than this reader supports (1)"), m);
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
}
