package org.tsak.data.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.ChannelName;
import org.tsak.data.Operations;
import org.tsak.data.Recording;
import org.tsak.data.csv.CsvRecordingWriter;

/** Determinism, ids, clocks, the work order and the physics of the simulated line. */
class FactorySimulatorTest {

    @TempDir
    Path dir;

    private static List<Recording> simulate(int workers, int sessions, int boxes, long seed) {
        return new FactorySimulator(new SimulatorConfig(workers, sessions, boxes, seed)).simulate();
    }

    @Test
    void sameSeedGivesIdenticalBytesDifferentSeedDifferentData() throws IOException {
        List<Path> a = CsvRecordingWriter.writeAll(simulate(2, 2, 2, 42L), dir.resolve("a"));
        List<Path> b = CsvRecordingWriter.writeAll(simulate(2, 2, 2, 42L), dir.resolve("b"));
        List<Path> c = CsvRecordingWriter.writeAll(simulate(2, 2, 2, 43L), dir.resolve("c"));
        assertEquals(4, a.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.get(k).getFileName(), b.get(k).getFileName());
            assertArrayEquals(Files.readAllBytes(a.get(k)), Files.readAllBytes(b.get(k)), a.get(k).toString());
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.get(k)), Files.readAllBytes(c.get(k))),
                    "seed 43 should differ from 42 in " + c.get(k));
        }
    }

    @Test
    void aWorkersDataDoesNotDependOnHowManyOthersAreSimulated() {
        Recording alone = simulate(1, 1, 2, 5L).get(0);
        Recording among = simulate(3, 2, 2, 5L).get(0);
        assertEquals(alone.fingerprint(), among.fingerprint());
    }

    @Test
    void idsChannelsAndNotes() {
        List<Recording> recs = simulate(4, 2, 1, 1L);
        assertEquals(List.of("W01-S01", "W01-S02", "W02-S01", "W02-S02", "W03-S01", "W03-S02", "W04-S01",
                "W04-S02"), recs.stream().map(Recording::key).toList());
        for (Recording r : recs) {
            assertEquals(16, r.channels().size());
            r.channels().forEach(ChannelName::parse);
            assertEquals(List.of("right_wrist", "left_wrist"), r.layout().positions());
            assertEquals(List.of("acc", "gyro", "cap"), r.layout().modalities());
            assertEquals(30.0, r.samplingRateHz());
        }
        assertTrue(recs.get(4).notes().get(0).contains("W03 is left-handed"), recs.get(4).notes().toString());
        assertTrue(recs.get(0).notes().get(0).contains("W01 is right-handed"), recs.get(0).notes().toString());
    }

    @Test
    void clockStartsAtTheFixedEpochWithSmallJitter() {
        List<Recording> recs = simulate(2, 2, 1, 3L);
        long[] starts = recs.stream().mapToLong(r -> r.timestampsMs()[0]).toArray();
        long e = FactorySimulator.EPOCH_MS;
        long[] nominal = {e, e + 7_200_000L, e + 86_400_000L, e + 86_400_000L + 7_200_000L};
        for (int k = 0; k < 4; k++) {
            assertTrue(Math.abs(starts[k] - nominal[k]) <= 3, "start " + starts[k] + " vs " + nominal[k]);
        }
        long[] t = recs.get(0).timestampsMs();
        boolean jittered = false;
        for (int i = 1; i < t.length; i++) {
            long dt = t[i] - t[i - 1];
            assertTrue(dt >= 27 && dt <= 40, "interval " + dt + " ms at sample " + i);
            jittered |= dt != 33 && dt != 34;
            // no drift: sample i stays within 3 ms of its nominal time
            assertTrue(Math.abs(t[i] - (t[0] + Math.round(i * 1000.0 / 30))) <= 6, "drift at " + i);
        }
        assertTrue(jittered, "timestamps should show jitter");
    }

    @Test
    void everyBoxRunsTheOperationsInTheLinesOrder() {
        for (Recording r : simulate(3, 2, 5, 9L)) {
            int[] ops = r.sampleLabels();
            int[] boxes = r.sampleBoxes();
            assertEquals(Operations.NULL_ID, ops[0]);
            assertEquals(Operations.NULL_ID, ops[ops.length - 1]);
            List<List<Integer>> perBox = new ArrayList<>();
            for (int b = 0; b < 5; b++) {
                perBox.add(new ArrayList<>());
            }
            int lastBox = 0;
            for (int i = 0; i < ops.length; i++) {
                if (boxes[i] == 0) {
                    assertEquals(Operations.NULL_ID, ops[i], "box 0 is only between boxes");
                    continue;
                }
                assertTrue(boxes[i] >= lastBox, "boxes ascend");
                lastBox = boxes[i];
                List<Integer> seq = perBox.get(boxes[i] - 1);
                if (ops[i] != Operations.NULL_ID && (seq.isEmpty() || seq.get(seq.size() - 1) != ops[i])) {
                    seq.add(ops[i]);
                }
            }
            assertEquals(5, lastBox);
            for (List<Integer> seq : perBox) {
                List<Integer> expected = new ArrayList<>(Operations.OPERATION_IDS);
                if (!seq.contains(200)) {
                    expected.remove(Integer.valueOf(200)); // relocation is sometimes skipped
                }
                assertEquals(expected, seq, r.key());
            }
        }
    }

    @Test
    void durationsAreOpenPackLike() {
        // mean length of each operation over many boxes is within 35% of its typical duration
        List<Recording> recs = simulate(4, 2, 6, 21L);
        double[] samples = new double[10];
        int[] runs = new int[10];
        for (Recording r : recs) {
            int[] ops = r.sampleLabels();
            for (int i = 0; i < ops.length; i++) {
                if (ops[i] != Operations.NULL_ID) {
                    samples[Operations.indexOf(ops[i])]++;
                    if (i == 0 || ops[i - 1] != ops[i]) {
                        runs[Operations.indexOf(ops[i])]++;
                    }
                }
            }
        }
        for (int k = 0; k < 10; k++) {
            double meanSeconds = samples[k] / runs[k] / 30.0;
            double typical = WorkSchedule.TYPICAL_SECONDS[k];
            assertTrue(Math.abs(meanSeconds - typical) <= 0.35 * typical,
                    Operations.NAMES.get(k) + " lasts " + meanSeconds + " s on average, typical " + typical);
        }
    }

    @Test
    void signalsArePhysicallyPlausible() {
        Recording r = simulate(1, 1, 3, 4L).get(0);
        for (String hand : FactorySimulator.POSITIONS) {
            float[] ax = r.channel(r.channelIndex(hand + "/acc_x"));
            float[] ay = r.channel(r.channelIndex(hand + "/acc_y"));
            float[] az = r.channel(r.channelIndex(hand + "/acc_z"));
            double meanNorm = 0;
            for (int i = 0; i < ax.length; i++) {
                meanNorm += Math.sqrt(ax[i] * ax[i] + ay[i] * ay[i] + az[i] * az[i]);
            }
            meanNorm /= ax.length;
            assertEquals(1.0, meanNorm, 0.1, hand + ": acceleration is gravity (1 G) plus motion");
            for (String cap : List.of("/cap_1", "/cap_2")) {
                for (float v : r.channel(r.channelIndex(hand + cap))) {
                    assertTrue(v > -0.4 && v < 1.6, hand + cap + " = " + v);
                }
            }
        }
        // putting the box on the back table turns the body: large rotation rates on both wrists,
        // far above scanning, where the hands barely rotate
        for (String hand : FactorySimulator.POSITIONS) {
            double turn = meanGyroMagnitude(r, hand, 900);
            double scan = meanGyroMagnitude(r, hand, 700);
            assertTrue(turn > 1.5 * scan && turn > 25, hand + " gyro during 900 " + turn + " vs 700 " + scan);
        }
    }

    private static double meanGyroMagnitude(Recording r, String hand, int op) {
        float[] gx = r.channel(r.channelIndex(hand + "/gyro_x"));
        float[] gy = r.channel(r.channelIndex(hand + "/gyro_y"));
        float[] gz = r.channel(r.channelIndex(hand + "/gyro_z"));
        double sum = 0;
        int n = 0;
        for (int i = 0; i < gx.length; i++) {
            if (r.sampleLabels()[i] == op) {
                sum += Math.sqrt(gx[i] * gx[i] + gy[i] * gy[i] + gz[i] * gz[i]);
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void gyroMatchesTheChangeOfGravityDirection() {
        // For a rotation without linear motion, d(g_body)/dt = g_body x omega: check that the
        // simulated gyro explains the accelerometer's turning better than a zero rate would.
        Recording r = simulate(1, 1, 2, 8L).get(0);
        float[][] acc = new float[3][];
        float[][] gyro = new float[3][];
        for (int k = 0; k < 3; k++) {
            acc[k] = r.channel(r.channelIndex("right_wrist/acc_" + "xyz".charAt(k)));
            gyro[k] = r.channel(r.channelIndex("right_wrist/gyro_" + "xyz".charAt(k)));
        }
        double errWithGyro = 0;
        double errWithoutGyro = 0;
        double dt = 1 / 30.0;
        double rad = Math.PI / 180;
        for (int i = 1; i + 1 < acc[0].length; i++) {
            if (r.sampleLabels()[i] != 300) {
                continue; // box assembly: large rolls, little translation
            }
            double[] g = {acc[0][i], acc[1][i], acc[2][i]};
            double[] w = {gyro[0][i] * rad, gyro[1][i] * rad, gyro[2][i] * rad};
            double[] predicted = {g[1] * w[2] - g[2] * w[1], g[2] * w[0] - g[0] * w[2], g[0] * w[1] - g[1] * w[0]};
            for (int k = 0; k < 3; k++) {
                double observed = (acc[k][i + 1] - acc[k][i - 1]) / (2 * dt);
                errWithGyro += Math.pow(observed - predicted[k], 2);
                errWithoutGyro += observed * observed;
            }
        }
        assertTrue(errWithGyro < 0.6 * errWithoutGyro,
                "gyro should explain the turning of gravity: residual " + errWithGyro + " vs " + errWithoutGyro);
    }

    @Test
    void configIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> new SimulatorConfig(0, 1, 1, 1L));
        assertThrows(IllegalArgumentException.class, () -> new SimulatorConfig(100, 1, 1, 1L));
        assertThrows(IllegalArgumentException.class, () -> new SimulatorConfig(1, 0, 1, 1L));
        assertThrows(IllegalArgumentException.class, () -> new SimulatorConfig(1, 1, 0, 1L));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SimulatorConfig(1, 1, 1, Double.NaN, 1L));
        assertTrue(e.getMessage().contains("samplingRateHz"), e.getMessage());
        assertEquals(30.0, new SimulatorConfig(1, 1, 1, 1L).samplingRateHz());
    }

    @Test
    void otherSamplingRatesWork() {
        Recording r = new FactorySimulator(new SimulatorConfig(1, 1, 1, 50.0, 2L)).simulate().get(0);
        assertEquals(50.0, r.samplingRateHz());
        double meanIntervalMs = (r.timestampsMs()[r.sampleCount() - 1] - r.timestampsMs()[0])
                / (double) (r.sampleCount() - 1);
        assertEquals(20.0, meanIntervalMs, 0.05);
    }

    @Test
    void simulationIsFast() {
        simulate(1, 1, 1, 0L); // warm up
        long t0 = System.nanoTime();
        List<Recording> recs = simulate(4, 2, 6, 1L);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long samples = recs.stream().mapToLong(Recording::sampleCount).sum();
        System.out.printf("simulated 8 sessions x 6 boxes (%d samples, %.0f min) in %d ms%n", samples,
                samples / 30.0 / 60, ms);
        assertTrue(ms < 2000, "took " + ms + " ms");
        assertNotEquals(0, samples);
    }
}
