package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

import org.opentest4j.AssertionFailedError;
import org.tsak.testing.Corruption;
import org.tsak.testing.Corruptions;
import org.tsak.testing.FuzzOracle;
import org.tsak.testing.FuzzTally;
import org.tsak.testing.ScratchDir;

/**
 * Property-based fuzzing of {@link StudentArtifact#read(Path)}: the default student artifact
 * is damaged by one to three byte-level {@link Corruption}s, either as it is (the checksum
 * should catch everything) or re-sealed (payload length and SHA-256 recomputed after the damage,
 * as a buggy writer would produce, so that section parsing itself is exercised). The read must
 * fail with an {@link ArtifactFormatException} naming the file, or return an artifact that is
 * whole: equal to the original when the seal was not recomputed, and otherwise finite, with
 * positive standard deviations, and surviving a write and read unchanged. 200 tries with a fixed
 * seed by default, 2,000 with a random seed under the {@code fuzz} tag.
 */
class StudentArtifactFuzzTest {

    private static final StudentArtifact ORIGINAL = StudentFixtures.defaultArtifact(11);
    private static final byte[] BASE = StudentArtifactFile.encode(ORIGINAL);
    private static final FuzzTally TALLY = new FuzzTally("StudentArtifact.read", "re-sealed with other content");

    @AfterContainer
    static void printTally() {
        TALLY.print();
    }

    @Property(tries = 200, seed = "20261125")
    void damagedArtifactFailsClearlyOrReadsWhole(@ForAll("corruptions") List<Corruption> corruptions,
            @ForAll boolean reseal) throws IOException {
        readDamaged(corruptions, reseal);
    }

    @Property(tries = 2000)
    @Tag("fuzz")
    void damagedArtifactFailsClearlyOrReadsWholeFuzz(@ForAll("corruptions") List<Corruption> corruptions,
            @ForAll boolean reseal) throws IOException {
        readDamaged(corruptions, reseal);
    }

    @Provide
    Arbitrary<List<Corruption>> corruptions() {
        // damage aimed at the payload as often as anywhere: positions past the 45-byte header
        Arbitrary<Corruption> payload = Arbitraries.doubles().between(0, 1).flatMap(at ->
                Arbitraries.integers().between(0, 255).map(v -> (Corruption) new Corruption.ReplaceByte(
                        (StudentArtifactFile.HEADER_BYTES + at * (BASE.length - StudentArtifactFile.HEADER_BYTES))
                                / BASE.length, v)));
        return Arbitraries.oneOf(Corruptions.bytes(), payload).list().ofMinSize(1).ofMaxSize(3);
    }

    private static void readDamaged(List<Corruption> corruptions, boolean reseal) throws IOException {
        byte[] damaged = Corruptions.applyAll(corruptions, BASE);
        if (reseal) {
            damaged = reseal(damaged);
        }
        try (ScratchDir dir = ScratchDir.create("artifact")) {
            Path file = dir.write("student.tsakstu", damaged);
            FuzzOracle.Outcome<StudentArtifact> o = FuzzOracle.attempt(() -> StudentArtifact.read(file));
            if (o.error() != null) {
                FuzzOracle.assertClearError(o.error(), ArtifactFormatException.class, file.toString(), 0);
                TALLY.error();
                return;
            }
            StudentArtifact a = o.value();
            if (!reseal) {
                assertEquals(ORIGINAL, a, "a damaged artifact passed its checksum");
            }
            for (float s : a.channelStds()) {
                if (!(s > 0) || !Float.isFinite(s)) {
                    throw new AssertionFailedError("channel std " + s);
                }
            }
            assertFinite(a.channelMeans());
            for (ConvLayer c : a.weights().convLayers()) {
                assertFinite(c.weight());
                assertFinite(c.bias());
            }
            assertFinite(a.weights().linear().weight());
            assertEquals(a, StudentArtifactFile.decode(StudentArtifactFile.encode(a), file));
            TALLY.valid(!a.equals(ORIGINAL));
        }
    }

    private static void assertFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new AssertionFailedError("artifact holds " + v + ": " + Arrays.toString(values));
            }
        }
    }

    /** Rewrites the payload length and SHA-256 of a damaged file whose header is still there. */
    private static byte[] reseal(byte[] file) {
        if (file.length < StudentArtifactFile.HEADER_BYTES) {
            return file;
        }
        byte[] out = file.clone();
        int payload = out.length - StudentArtifactFile.HEADER_BYTES;
        ByteBuffer.wrap(out, 9, 4).putInt(payload);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(out, StudentArtifactFile.HEADER_BYTES, payload);
            System.arraycopy(md.digest(), 0, out, 13, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
