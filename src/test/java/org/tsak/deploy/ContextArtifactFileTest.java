package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format version 3 of the artifact file: a student with a temporal context head (section CTXH). */
class ContextArtifactFileTest {

    @TempDir
    Path dir;

    static StudentArtifact withHead(long seed) {
        StudentArtifact a = StudentFixtures.defaultArtifact(seed);
        return StudentFixtures.withHead(a, StudentFixtures.randomHead(seed + 1, 3, 32, 4, 11));
    }

    @Test
    void aHeadIsWrittenAsVersion3AndRoundTrips() throws Exception {
        StudentArtifact a = withHead(51);
        assertEquals(3, StudentArtifactFile.versionFor(a));
        Path file = dir.resolve("h.tsak");
        a.write(file);
        StudentArtifact b = StudentArtifact.read(file);
        assertEquals(a, b);
        assertEquals(a.contextHead(), b.contextHead());
        assertEquals(a.weights().parameterCount(), b.weights().parameterCount());
        assertEquals(32 * 4 + 4 + 3 * 4 * 11 + 11, a.contextHead().parameterCount());
        assertEquals(2 * 4 * 4, a.contextHead().stateBytes());
        float[] raw = StudentFixtures.rawWindow(new Random(2), a);
        StudentRuntime ra = StudentRuntime.of(a);
        StudentRuntime rb = StudentRuntime.of(b);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(logitsInContext(ra, raw), logitsInContext(rb, raw), 0f);
        }
        // without a head nothing changes: version 1, the same bytes as before
        StudentArtifact plain = StudentFixtures.defaultArtifact(51);
        assertEquals(1, StudentArtifactFile.versionFor(plain));
        assertEquals(null, StudentArtifact.read(write(plain)).contextHead());
    }

    private Path write(StudentArtifact a) throws Exception {
        Path f = dir.resolve("p.tsak");
        a.write(f);
        return f;
    }

    private static float[] logitsInContext(StudentRuntime rt, float[] raw) {
        float[] out = new float[rt.classCount()];
        rt.logitsInContext(raw, out);
        return out;
    }

    @Test
    void aHeadIsNeverDroppedSilentlyNorReadWithWrongSizes() throws Exception {
        byte[] good = StudentArtifactFile.encode(withHead(52));
        byte[] payload = Arrays.copyOfRange(good, StudentArtifactFile.HEADER_BYTES, good.length);
        // CTXH in a version-2 file: a version-2 reader would run the student without its head
        String m = assertThrows(ArtifactFormatException.class,
                () -> StudentArtifactFile.decode(seal(2, payload), dir.resolve("x"))).getMessage();
        assertTrue(m.contains("version-2 file holds a CTXH section"), m);
        // version 3 without CTXH
        byte[] plain = StudentArtifactFile.encode(StudentFixtures.artifact(53, new int[] {4, 4}, 3, new int[] {2, 1},
                new int[] {1, 1}, 20));
        m = assertThrows(ArtifactFormatException.class, () -> StudentArtifactFile.decode(
                seal(3, Arrays.copyOfRange(plain, StudentArtifactFile.HEADER_BYTES, plain.length)), dir.resolve("x")))
                .getMessage();
        assertTrue(m.contains("required section CTXH is missing"), m);
        int ctxh = new String(payload, StandardCharsets.ISO_8859_1).lastIndexOf("CTXH");
        // a head whose representation is not the student's
        byte[] e = payload.clone();
        ByteBuffer.wrap(e).putInt(ctxh + 12, 33);
        m = assertThrows(ArtifactFormatException.class, () -> StudentArtifactFile.decode(seal(3, e),
                dir.resolve("x"))).getMessage();
        assertTrue(m.contains("inconsistent CTXH") || m.contains("CTXH is shorter"), m);
        // a head of one window (no past)
        byte[] s = payload.clone();
        ByteBuffer.wrap(s).putInt(ctxh + 8, 1);
        m = assertThrows(ArtifactFormatException.class, () -> StudentArtifactFile.decode(seal(3, s),
                dir.resolve("x"))).getMessage();
        assertTrue(m.contains("CTXH"), m);
        // a NaN weight
        byte[] nan = payload.clone();
        ByteBuffer.wrap(nan).putFloat(ctxh + 24, Float.NaN);
        m = assertThrows(ArtifactFormatException.class, () -> StudentArtifactFile.decode(seal(3, nan),
                dir.resolve("x"))).getMessage();
        assertTrue(m.contains("inconsistent CTXH") && m.contains("context projection weight"), m);
        // every single-byte corruption of a version-3 file is rejected
        for (int i = 0; i < good.length; i += 7) {
            byte[] bad = good.clone();
            bad[i] ^= 0x10;
            int at = i;
            assertThrows(ArtifactFormatException.class, () -> StudentArtifactFile.decode(bad, dir.resolve("x")),
                    "flipping a bit in byte " + at + " went unnoticed");
        }
    }

    @Test
    void headSizesAreChecked() {
        StudentArtifact a = StudentFixtures.defaultArtifact(54);
        String m = assertThrows(IllegalArgumentException.class,
                () -> a.weights().withContextHead(StudentFixtures.randomHead(1, 3, 16, 4, 11))).getMessage();
        assertTrue(m.contains("representation of 16") && m.contains("has 32 values"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> new ContextHead(3, 2, 2, 1, new float[4], new float[2], new float[5], new float[1])).getMessage();
        assertTrue(m.contains("temporal weight [K][S*H] has 5 values, expected 6"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> new ContextHead(1, 2, 2, 1, new float[4], new float[2], new float[2], new float[1])).getMessage();
        assertTrue(m.contains("steps must be >= 2"), m);
    }

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
}
