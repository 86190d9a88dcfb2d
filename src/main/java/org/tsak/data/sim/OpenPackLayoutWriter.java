package org.tsak.data.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

import org.tsak.data.Operations;
import org.tsak.data.Recording;
import org.tsak.io.AtomicFiles;

/**
 * Writes {@link FactorySimulator}'s line in OpenPack v1.0.0's own folder layout, so that the
 * OpenPack reader reads it like the real dataset (a rehearsal of the full dataset):
 *
 * <pre>
 * U0101/atr/atr01..atr04/S0100.csv             unixtime,acc_x..z (G),gyro_x..z (deg/s),quat_w..z; rows 30 ms apart
 * U0101/e4/e401|e402/acc/S0100.csv             time,acc_x..z: G / 9.80665, 32 Hz
 * U0101/e4/e401|e402/bvp|eda|temp/S0100.csv    time,bvp (64 Hz) | time,eda (4 Hz, uS) | time,temp (4 Hz, deg C)
 * U0101/annotation/openpack-operations/S0100.csv     uuid,user,session,box,id,operation,start,end,actions (+09:00)
 * U0101/annotation/openpack-operations-1hz/S0100.csv unixtime,user,session,box,id
 * </pre>
 *
 * <p>Devices: atr01 is the simulated right wrist, atr02 the left wrist; atr03 and atr04 (upper
 * arms) follow their wrist attenuated and smoothed around gravity, with a seeded tilt offset;
 * quaternions integrate the device's gyroscope from a seeded unit orientation. e401 is on the
 * right wrist, e402 on the left (the reader reads e401); BVP, EDA and temperature are seeded
 * physiological-looking signals. The capacitive channels of the simulator have no OpenPack
 * device and are not written. Null (8100) samples are left uncovered by segments, as in OpenPack.
 *
 * <p>User ids are sixteen distinct persons' ids of OpenPack (U0101..U0111, U0201, U0206..U0209;
 * none of the ids the reader merges with another), then U0301, U0302, ...; sessions S0100,
 * S0200, ... Same config, identical bytes: every value comes from the seeded simulator or from
 * a {@link SplittableRandom} seeded from the config's seed, the user and the session, and is
 * printed with a fixed number of decimals.
 */
public final class OpenPackLayoutWriter {

    /** ATR row spacing in ms (the sample's 33.3 Hz). */
    public static final int ATR_PERIOD_MS = 30;

    /** ATR sampling rate in Hz, as the simulator is run. */
    public static final double ATR_RATE_HZ = 1000.0 / ATR_PERIOD_MS;

    /** E4 rates in Hz: acc, bvp, eda and temp. */
    public static final double E4_ACC_HZ = 32, E4_BVP_HZ = 64, E4_EDA_HZ = 4, E4_TEMP_HZ = 4;

    /** E4 streams start this long before the first ATR row and end this long after the last. */
    public static final long E4_MARGIN_MS = 2_000;

    private static final double STANDARD_GRAVITY = 9.80665;

    private static final List<String> USERS = List.of("U0101", "U0102", "U0103", "U0104", "U0105", "U0106",
            "U0107", "U0108", "U0109", "U0110", "U0111", "U0201", "U0206", "U0207", "U0208", "U0209");

    /**
     * The eleven users of the OpenPack Challenge 2022 split (three of them aliases the reader
     * merges: U0202 = U0105, U0205 = U0107, U0210 = U0103), then five more distinct ones.
     */
    private static final List<String> CHALLENGE_USERS = List.of("U0101", "U0102", "U0103", "U0105", "U0106",
            "U0107", "U0109", "U0111", "U0202", "U0205", "U0210", "U0104", "U0108", "U0110", "U0201", "U0206");

    private static final DateTimeFormatter ISO = DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx", Locale.ROOT).withZone(ZoneOffset.ofHours(9));

    private final SimulatorConfig config;

    private final boolean challengeUsers;

    /**
     * A writer for {@code workers}, {@code sessions} and {@code boxes} from {@code seed} with
     * distinct persons' user ids; the simulator runs at {@link #ATR_RATE_HZ}.
     */
    public OpenPackLayoutWriter(int workers, int sessions, int boxes, long seed) {
        this(workers, sessions, boxes, seed, false);
    }

    /**
     * As {@link #OpenPackLayoutWriter(int, int, int, long)}; with {@code challengeUsers} the first
     * eleven workers get the user ids of the OpenPack Challenge 2022 split instead (so that
     * {@code configs/openpack-full.yaml}'s official split finds its sessions with 11+ workers and 5
     * sessions), three of which the reader merges with another simulated worker into one subject.
     */
    public OpenPackLayoutWriter(int workers, int sessions, int boxes, long seed, boolean challengeUsers) {
        this.config = new SimulatorConfig(workers, sessions, boxes, ATR_RATE_HZ, seed);
        this.challengeUsers = challengeUsers;
    }

    /** The simulator config used. */
    public SimulatorConfig config() {
        return config;
    }

    /** The OpenPack user id of worker {@code index} (0-based). */
    public static String userId(int index) {
        return userId(index, false);
    }

    /** The OpenPack user id of worker {@code index} (0-based), the challenge split's users first if asked. */
    public static String userId(int index, boolean challengeUsers) {
        List<String> users = challengeUsers ? CHALLENGE_USERS : USERS;
        return index < users.size() ? users.get(index)
                : String.format(Locale.ROOT, "U03%02d", index - users.size() + 1);
    }

    /** The OpenPack session id of session {@code index} (0-based): S0100, S0200, ... */
    public static String sessionId(int index) {
        return String.format(Locale.ROOT, "S%04d", (index + 1) * 100);
    }

    /** What was written for one worker. */
    public record WorkerWritten(String user, int sessions, int files, long bytes, double seconds) {
    }

    /**
     * Simulates and writes every worker under {@code root}, calling {@code progress} after each
     * worker.
     *
     * @return the total bytes written
     */
    public long write(Path root, Consumer<WorkerWritten> progress) throws IOException {
        List<Recording> recordings = new FactorySimulator(config).simulate();
        long total = 0;
        int perWorker = config.sessionsPerWorker();
        for (int w = 0; w < config.workers(); w++) {
            String user = userId(w, challengeUsers);
            long bytes = 0;
            int files = 0;
            double seconds = 0;
            for (int s = 0; s < perWorker; s++) {
                Recording r = recordings.get(w * perWorker + s);
                long startMs = FactorySimulator.EPOCH_MS + w * FactorySimulator.WORKER_OFFSET_MS
                        + s * FactorySimulator.SESSION_OFFSET_MS;
                List<Written> ws = session(root.resolve(user), user, sessionId(s), r, startMs,
                        new SplittableRandom(Draws.childSeed(Draws.childSeed(config.seed() ^ 0x4F50L, w), s)));
                for (Written x : ws) {
                    AtomicFiles.write(x.path, x.bytes);
                    bytes += x.bytes.length;
                    files++;
                }
                seconds += r.sampleCount() * (ATR_PERIOD_MS / 1000.0);
            }
            total += bytes;
            if (progress != null) {
                progress.accept(new WorkerWritten(user, perWorker, files, bytes, seconds));
            }
        }
        return total;
    }

    private record Written(Path path, byte[] bytes) {
    }

    private static List<Written> session(Path userDir, String user, String session, Recording r, long t0,
            SplittableRandom rng) {
        String file = session + ".csv";
        int n = r.sampleCount();
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = t0 + (long) i * ATR_PERIOD_MS;
        }
        float[][] right = hand(r, "right_wrist");
        float[][] left = hand(r, "left_wrist");
        float[][] rightArm = upperArm(right, rng.split());
        float[][] leftArm = upperArm(left, rng.split());
        List<Written> out = new ArrayList<>();
        out.add(new Written(userDir.resolve("atr/atr01").resolve(file), atr(t, right, rng.split())));
        out.add(new Written(userDir.resolve("atr/atr02").resolve(file), atr(t, left, rng.split())));
        out.add(new Written(userDir.resolve("atr/atr03").resolve(file), atr(t, rightArm, rng.split())));
        out.add(new Written(userDir.resolve("atr/atr04").resolve(file), atr(t, leftArm, rng.split())));
        long e4Start = t0 - E4_MARGIN_MS;
        long e4End = t[n - 1] + E4_MARGIN_MS;
        double heartHz = 1.0 + rng.nextDouble() * 0.4;
        double edaBase = 0.3 + rng.nextDouble() * 1.5;
        double tempBase = 31.5 + rng.nextDouble() * 2.5;
        String[] devices = {"e401", "e402"};
        float[][][] hands = {right, left};
        for (int d = 0; d < 2; d++) {
            Path dir = userDir.resolve("e4").resolve(devices[d]);
            out.add(new Written(dir.resolve("acc").resolve(file), e4Acc(t, hands[d], e4Start, e4End, rng.split())));
            out.add(new Written(dir.resolve("bvp").resolve(file), bvp(e4Start, e4End, heartHz, rng.split())));
            out.add(new Written(dir.resolve("eda").resolve(file), eda(e4Start, e4End, edaBase, rng.split())));
            out.add(new Written(dir.resolve("temp").resolve(file), temp(e4Start, e4End, tempBase, rng.split())));
        }
        List<long[]> segments = segments(t, r.sampleLabels(), r.sampleBoxes());
        out.add(new Written(userDir.resolve("annotation/openpack-operations").resolve(file),
                operations(user, session, segments)));
        out.add(new Written(userDir.resolve("annotation/openpack-operations-1hz").resolve(file),
                oneHz(user, session, t, segments)));
        return out;
    }

    /** acc x,y,z (G) and gyro x,y,z (deg/s) of one simulated wrist. */
    private static float[][] hand(Recording r, String position) {
        String[] names = {"acc_x", "acc_y", "acc_z", "gyro_x", "gyro_y", "gyro_z"};
        float[][] v = new float[6][];
        for (int k = 0; k < 6; k++) {
            v[k] = r.channel(r.channelIndex(position + "/" + names[k]));
        }
        return v;
    }

    /** An upper arm: the wrist's motion around gravity attenuated and smoothed, with a seeded tilt. */
    private static float[][] upperArm(float[][] wrist, SplittableRandom rng) {
        int n = wrist[0].length;
        float[][] v = new float[6][n];
        double tilt = Math.toRadians(10 + rng.nextDouble() * 20);
        double g0 = StrictMath.sin(tilt), g2 = StrictMath.cos(tilt);
        double[] rest = {g0, 0, g2};
        double alpha = 0.15;
        double[] state = new double[6];
        for (int k = 0; k < 6; k++) {
            state[k] = k < 3 ? rest[k] : 0;
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 6; k++) {
                double target = k < 3 ? rest[k] + 0.45 * (wrist[k][i] - meanGravity(k)) : 0.4 * wrist[k][i];
                state[k] += alpha * (target - state[k]);
                v[k][i] = (float) state[k];
            }
        }
        return v;
    }

    /** A rough gravity reading of the wrist at rest (the simulator's neutral pose reads +1 G on z). */
    private static double meanGravity(int axis) {
        return axis == 2 ? 1.0 : 0.0;
    }

    /** An ATR file: the motion plus sensor noise, quaternions integrated from the gyroscope. */
    private static byte[] atr(long[] t, float[][] v, SplittableRandom rng) {
        int n = t.length;
        StringBuilder sb = new StringBuilder(n * 80);
        sb.append("unixtime,acc_x,acc_y,acc_z,gyro_x,gyro_y,gyro_z,quat_w,quat_x,quat_y,quat_z\n");
        double[] q = randomUnitQuaternion(rng);
        double dt = ATR_PERIOD_MS / 1000.0;
        for (int i = 0; i < n; i++) {
            sb.append(t[i]);
            for (int k = 0; k < 3; k++) {
                sb.append(',');
                fixed(sb, v[k][i] + Draws.gaussian(rng) * 0.004, 4);
            }
            for (int k = 3; k < 6; k++) {
                sb.append(',');
                fixed(sb, v[k][i] + Draws.gaussian(rng) * 0.3, 2);
            }
            if (i > 0) {
                q = integrate(q, Math.toRadians(v[3][i]), Math.toRadians(v[4][i]), Math.toRadians(v[5][i]), dt);
            }
            for (int k = 0; k < 4; k++) {
                sb.append(',');
                fixed(sb, q[k], 4);
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double[] randomUnitQuaternion(SplittableRandom rng) {
        double[] q = {Draws.gaussian(rng), Draws.gaussian(rng), Draws.gaussian(rng), Draws.gaussian(rng)};
        return normalise(q[0] < 0 ? new double[] {-q[0], -q[1], -q[2], -q[3]} : q);
    }

    /** q' = q + dt / 2 * q (x) (0, w), normalised. */
    static double[] integrate(double[] q, double wx, double wy, double wz, double dt) {
        double h = dt / 2;
        double w = q[0] - h * (q[1] * wx + q[2] * wy + q[3] * wz);
        double x = q[1] + h * (q[0] * wx + q[2] * wz - q[3] * wy);
        double y = q[2] + h * (q[0] * wy - q[1] * wz + q[3] * wx);
        double z = q[3] + h * (q[0] * wz + q[1] * wy - q[2] * wx);
        return normalise(new double[] {w, x, y, z});
    }

    private static double[] normalise(double[] q) {
        double norm = StrictMath.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        if (norm == 0) {
            return new double[] {1, 0, 0, 0};
        }
        return new double[] {q[0] / norm, q[1] / norm, q[2] / norm, q[3] / norm};
    }

    /** The wrist's accelerometer linearly resampled at 32 Hz, in G / 9.80665 as the E4 files store it. */
    private static byte[] e4Acc(long[] t, float[][] v, long start, long end, SplittableRandom rng) {
        StringBuilder sb = new StringBuilder();
        sb.append("time,acc_x,acc_y,acc_z\n");
        int j = 0;
        for (int i = 0;; i++) {
            long ti = start + Math.round(i * 1000.0 / E4_ACC_HZ);
            if (ti > end) {
                break;
            }
            while (j < t.length - 2 && t[j + 1] <= ti) {
                j++;
            }
            double f = Math.max(0, Math.min(1, (ti - t[j]) / (double) (t[j + 1] - t[j])));
            sb.append(ti);
            for (int k = 0; k < 3; k++) {
                double g = v[k][j] + f * (v[k][j + 1] - v[k][j]) + Draws.gaussian(rng) * 0.01;
                sb.append(',');
                fixed(sb, g / STANDARD_GRAVITY, 6);
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bvp(long start, long end, double heartHz, SplittableRandom rng) {
        StringBuilder sb = new StringBuilder("time,bvp\n");
        double phase = 0;
        double hr = heartHz;
        for (int i = 0;; i++) {
            long ti = start + Math.round(i * 1000.0 / E4_BVP_HZ);
            if (ti > end) {
                break;
            }
            hr += 0.002 * (heartHz - hr) + Draws.gaussian(rng) * 0.002;
            phase += 2 * Math.PI * hr / E4_BVP_HZ;
            double pulse = 60 * StrictMath.sin(phase) + 20 * StrictMath.sin(2 * phase + 0.8);
            sb.append(ti).append(',');
            fixed(sb, pulse + Draws.gaussian(rng) * 4, 2);
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] eda(long start, long end, double base, SplittableRandom rng) {
        StringBuilder sb = new StringBuilder("time,eda\n");
        double level = base;
        double response = 0;
        for (int i = 0;; i++) {
            long ti = start + Math.round(i * 1000.0 / E4_EDA_HZ);
            if (ti > end) {
                break;
            }
            level = Math.max(0.05, level + 0.001 * (base - level) + Draws.gaussian(rng) * 0.003);
            response *= 0.97;
            if (rng.nextDouble() < 0.01) {
                response += 0.1 + rng.nextDouble() * 0.3;
            }
            sb.append(ti).append(',');
            fixed(sb, level + response, 6);
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] temp(long start, long end, double base, SplittableRandom rng) {
        StringBuilder sb = new StringBuilder("time,temp\n");
        double level = base;
        for (int i = 0;; i++) {
            long ti = start + Math.round(i * 1000.0 / E4_TEMP_HZ);
            if (ti > end) {
                break;
            }
            level += 0.0005 * (base - level) + Draws.gaussian(rng) * 0.005;
            sb.append(ti).append(',');
            fixed(sb, Math.round(level * 50) / 50.0, 2);
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Runs of one (operation, box) that is not Null: {start ms, end ms (exclusive), id, box}. */
    private static List<long[]> segments(long[] t, int[] labels, int[] boxes) {
        List<long[]> out = new ArrayList<>();
        int n = t.length;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && labels[j + 1] == labels[i] && boxes[j + 1] == boxes[i]) {
                j++;
            }
            if (labels[i] != Operations.NULL_ID) {
                long end = j + 1 < n ? t[j + 1] : t[j] + ATR_PERIOD_MS;
                out.add(new long[] {t[i], end, labels[i], boxes[i]});
            }
            i = j + 1;
        }
        return out;
    }

    private static byte[] operations(String user, String session, List<long[]> segments) {
        StringBuilder sb = new StringBuilder("uuid,user,session,box,id,operation,start,end,actions\n");
        for (long[] s : segments) {
            String key = user + "/" + session + "/" + s[0] + "/" + s[2];
            sb.append("op:").append(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)))
                    .append(',').append(user).append(',').append(session).append(',').append(s[3])
                    .append(',').append(s[2]).append(',').append(Operations.nameOf((int) s[2]))
                    .append(',').append(ISO.format(Instant.ofEpochMilli(s[0])))
                    .append(',').append(ISO.format(Instant.ofEpochMilli(s[1])))
                    .append(",act:").append(UUID.nameUUIDFromBytes(("act/" + key).getBytes(StandardCharsets.UTF_8)))
                    .append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One row per whole second within the ATR span: the segment covering it, else Null (box of the last one). */
    private static byte[] oneHz(String user, String session, long[] t, List<long[]> segments) {
        StringBuilder sb = new StringBuilder("unixtime,user,session,box,id\n");
        long first = (t[0] + 999) / 1000 * 1000;
        int k = 0;
        long box = 0;
        for (long s = first; s <= t[t.length - 1]; s += 1000) {
            while (k < segments.size() && segments.get(k)[1] <= s) {
                box = segments.get(k)[3];
                k++;
            }
            long id = Operations.NULL_ID;
            if (k < segments.size() && segments.get(k)[0] <= s) {
                id = segments.get(k)[2];
                box = segments.get(k)[3];
            }
            sb.append(s).append(',').append(user).append(',').append(session).append(',').append(box)
                    .append(',').append(id).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends {@code v} rounded to {@code decimals} places, without exponent; same value, same text. */
    static void fixed(StringBuilder sb, double v, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long m = Math.round(v * scale);
        if (m < 0) {
            sb.append('-');
            m = -m;
        }
        sb.append(m / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(m % scale);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
    }
}
