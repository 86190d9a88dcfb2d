package org.tsak.data.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.config.ConfigLoader;
import org.tsak.config.ExperimentConfig;
import org.tsak.data.Operations;
import org.tsak.data.PreparedData;
import org.tsak.data.Recording;

/**
 * The simulated line in OpenPack v1.0.0's layout is read by the OpenPack reader through the path
 * {@code tsak experiment} takes ({@code configs/openpack-full.yaml} with its data path pointed at
 * the simulated root and leave-one-subject-out), and is byte-identical for the same seed.
 */
class OpenPackLayoutWriterTest {

    @Test
    void theFullConfigReadsTheSimulatedRootLeaveOneSubjectOut(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("v1.0.0");
        List<String> users = new ArrayList<>();
        long bytes = new OpenPackLayoutWriter(3, 2, 2, 11).write(root, w -> users.add(w.user()));
        assertEquals(List.of("U0101", "U0102", "U0103"), users);
        assertTrue(bytes > 0);

        String yaml = Files.readString(Path.of("configs/openpack-full.yaml"));
        String split = yaml.substring(yaml.indexOf("  split:\n"), yaml.indexOf("  # split: {kind: leave-one-subject-out}"));
        yaml = yaml.replace("path: /path/to/openpack/v1.0.0", "path: " + root.toAbsolutePath())
                .replace(split, "  split: {kind: leave-one-subject-out}\n");
        Path configFile = dir.resolve("openpack-full-sim.yaml");
        Files.writeString(configFile, yaml);
        ExperimentConfig config = ConfigLoader.load(configFile);
        PreparedData data = PreparedData.prepare(config.data(), config.seed());

        List<Recording> recs = data.recordings();
        assertEquals(6, recs.size());
        assertEquals(new TreeSet<>(users), new TreeSet<>(recs.stream().map(Recording::subjectId).toList()));
        assertEquals(new TreeSet<>(List.of("S0100", "S0200")),
                new TreeSet<>(recs.stream().map(Recording::sessionId).toList()));
        assertEquals(3, data.folds().size(), "one fold per subject");
        for (Recording r : recs) {
            assertEquals(46, r.channels().size(), r.key() + " " + r.channels());
            assertEquals(1000.0 / 30, r.samplingRateHz(), 0.01, r.key());
            assertTrue(r.gaps(1.5).isEmpty(), r.key() + " gaps " + r.gaps(1.5));
            assertTrue(r.notes().isEmpty(), r.key() + " notes " + r.notes());
            int[] truth = r.groundTruth().operationIds();
            assertTrue(truth.length > 60, r.key());
            long operations = java.util.Arrays.stream(truth).filter(id -> id != Operations.NULL_ID).count();
            assertTrue(operations > truth.length * 0.7, r.key() + ": " + operations + " of " + truth.length);
            for (int id : Operations.OPERATION_IDS) {
                if (id != Operations.NULL_ID) {
                    assertTrue(java.util.Arrays.stream(truth).anyMatch(x -> x == id), r.key() + " lacks " + id);
                }
            }
            // quaternions are unit and move
            int w = r.channelIndex("right_wrist/quat_w");
            float[][] q = {r.channel(w), r.channel(w + 1), r.channel(w + 2), r.channel(w + 3)};
            for (int i = 0; i < r.sampleCount(); i += 97) {
                double norm = Math.sqrt(q[0][i] * q[0][i] + q[1][i] * q[1][i] + q[2][i] * q[2][i] + q[3][i] * q[3][i]);
                assertEquals(1.0, norm, 1e-3, r.key() + " sample " + i);
            }
            assertFalse(q[0][0] == q[0][r.sampleCount() - 1] && q[1][0] == q[1][r.sampleCount() - 1], r.key());
            // the E4 accelerometer (right wrist) agrees with atr01 in G
            int atrZ = r.channelIndex("right_wrist/acc_z");
            int e4Z = r.channelIndex("right_wrist/e4acc_z");
            double diff = 0;
            for (int i = 0; i < r.sampleCount(); i++) {
                diff += Math.abs(r.channel(atrZ)[i] - r.channel(e4Z)[i]);
            }
            assertTrue(diff / r.sampleCount() < 0.1, r.key() + " mean |atr01 - e4| acc_z " + diff / r.sampleCount());
        }
        assertEquals(0, data.windows().droppedForGaps());
        assertTrue(data.windows().size() > 6 * 60);
    }

    @Test
    void theOfficialSplitOfTheFullConfigFindsItsSessionsWithChallengeUsers(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("v1.0.0");
        new OpenPackLayoutWriter(11, 5, 1, 5, true).write(root, null);
        String yaml = Files.readString(Path.of("configs/openpack-full.yaml"))
                .replace("path: /path/to/openpack/v1.0.0", "path: " + root.toAbsolutePath());
        Path configFile = dir.resolve("openpack-full-official.yaml");
        Files.writeString(configFile, yaml);
        ExperimentConfig config = ConfigLoader.load(configFile);
        PreparedData data = PreparedData.prepare(config.data(), config.seed());
        assertEquals(55, data.recordings().size());
        // U0202, U0205 and U0210 are merged into U0105, U0107 and U0103 by the reader
        assertEquals(8, data.recordings().stream().map(Recording::subjectId).distinct().count());
        assertEquals(1, data.folds().size());
        var fold = data.folds().get(0);
        assertTrue(fold.train().length > 0 && fold.validation().length > 0 && fold.test().length > 0, fold.toString());
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes(@TempDir Path dir) throws IOException {
        new OpenPackLayoutWriter(2, 1, 1, 3).write(dir.resolve("a"), null);
        new OpenPackLayoutWriter(2, 1, 1, 3).write(dir.resolve("b"), null);
        new OpenPackLayoutWriter(2, 1, 1, 4).write(dir.resolve("c"), null);
        List<String> a = listing(dir.resolve("a"));
        assertEquals(2 * (4 + 8 + 2), a.size(), a.toString());
        assertEquals(a, listing(dir.resolve("b")));
        assertArrayEquals(digest(dir.resolve("a"), a), digest(dir.resolve("b"), a));
        assertEquals(a, listing(dir.resolve("c")));
        assertFalse(java.util.Arrays.equals(digest(dir.resolve("a"), a), digest(dir.resolve("c"), a)));
    }

    @Test
    void userAndSessionIdsFollowOpenPack() {
        assertEquals("U0101", OpenPackLayoutWriter.userId(0));
        assertEquals("U0111", OpenPackLayoutWriter.userId(10));
        assertEquals("U0201", OpenPackLayoutWriter.userId(11));
        assertEquals("U0209", OpenPackLayoutWriter.userId(15));
        assertEquals("U0301", OpenPackLayoutWriter.userId(16));
        assertEquals("S0100", OpenPackLayoutWriter.sessionId(0));
        assertEquals("S0500", OpenPackLayoutWriter.sessionId(4));
    }

    @Test
    void fixedDecimals() {
        StringBuilder sb = new StringBuilder();
        OpenPackLayoutWriter.fixed(sb, -0.00004, 4);
        sb.append(' ');
        OpenPackLayoutWriter.fixed(sb, 1.23456, 4);
        sb.append(' ');
        OpenPackLayoutWriter.fixed(sb, -12.5, 2);
        sb.append(' ');
        OpenPackLayoutWriter.fixed(sb, 0.05, 1);
        assertEquals("0.0000 1.2346 -12.50 0.1", sb.toString());
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private static byte[] digest(Path root, List<String> files) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String f : files) {
                md.update(f.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(root.resolve(f)));
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
