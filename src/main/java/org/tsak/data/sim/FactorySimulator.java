package org.tsak.data.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.tsak.data.Recording;
import org.tsak.data.SecondLabels;

/**
 * A deterministic, seeded simulator of a packaging line: workers pack boxes with the ten
 * OpenPack operations while IMUs (acc in G, gyro in deg/s) and two capacitive proximity
 * sensors on each wrist record at {@link SimulatorConfig#samplingRateHz()}.
 *
 * <p>Determinism: every worker and session draws from its own {@link SplittableRandom}
 * seeded by a SplitMix64 mix of the root seed and its index; no wall clock, hash order or
 * platform-dependent maths ({@link StrictMath}) is involved. The same config gives the same
 * recordings bit for bit, and a worker's data does not depend on how many workers or sessions
 * are simulated after it. See docs/DATA.md for the operations, the motion model and which
 * operation pairs one wrist's accelerometer can hardly tell apart.
 */
public final class FactorySimulator {

    /** Start of the first session, unixtime in ms (2023-11-14T22:13:20Z). */
    public static final long EPOCH_MS = 1_700_000_000_000L;

    /** Offset between workers' first sessions, ms (one day). */
    public static final long WORKER_OFFSET_MS = 86_400_000L;

    /** Offset between a worker's sessions, ms (two hours). */
    public static final long SESSION_OFFSET_MS = 7_200_000L;

    /** Largest timestamp jitter in ms (also limited to a fifth of the sample period). */
    public static final double MAX_JITTER_MS = 3.0;

    /** Body positions, in channel order. */
    public static final List<String> POSITIONS = List.of("right_wrist", "left_wrist");

    /** Per-position channel suffixes, in channel order. */
    public static final List<String> SENSOR_CHANNELS =
            List.of("acc_x", "acc_y", "acc_z", "gyro_x", "gyro_y", "gyro_z", "cap_1", "cap_2");

    /** All channel names: right wrist's eight, then left wrist's eight. */
    public static final List<String> CHANNELS = channelNames();

    private final SimulatorConfig config;

    /** A simulator for {@code config}. */
    public FactorySimulator(SimulatorConfig config) {
        this.config = config;
    }

    /** The config simulated. */
    public SimulatorConfig config() {
        return config;
    }

    /** Simulates every session: W01-S01, W01-S02, ..., W02-S01, ... */
    public List<Recording> simulate() {
        List<Recording> out = new ArrayList<>(config.workers() * config.sessionsPerWorker());
        for (int w = 0; w < config.workers(); w++) {
            long workerSeed = Draws.childSeed(config.seed(), w);
            WorkerStyle style = WorkerStyle.draw(w, new SplittableRandom(Draws.childSeed(workerSeed, -1)));
            for (int s = 0; s < config.sessionsPerWorker(); s++) {
                out.add(session(w, s, style, new SplittableRandom(Draws.childSeed(workerSeed, s))));
            }
        }
        return List.copyOf(out);
    }

    private Recording session(int worker, int session, WorkerStyle style, SplittableRandom rng) {
        double rateHz = config.samplingRateHz();
        SplittableRandom scheduleRng = rng.split();
        SplittableRandom rightRng = rng.split();
        SplittableRandom leftRng = rng.split();
        SplittableRandom clockRng = rng.split();
        List<Segment> segments = WorkSchedule.build(config.boxesPerSession(), rateHz, style, scheduleRng);
        Segment last = segments.get(segments.size() - 1);
        int n = last.startSample() + last.sampleCount();
        int[] labels = new int[n];
        int[] boxes = new int[n];
        for (Segment seg : segments) {
            for (int i = seg.startSample(); i < seg.startSample() + seg.sampleCount(); i++) {
                labels[i] = seg.operationId();
                boxes[i] = seg.box();
            }
        }
        boolean rightDominant = !style.leftHanded();
        float[][] right = HandSignalSynthesizer.synthesize(segments, n, rateHz, rightDominant, 0, style, rightRng);
        float[][] left = HandSignalSynthesizer.synthesize(segments, n, rateHz, !rightDominant, 1, style, leftRng);
        float[][] values = new float[16][];
        System.arraycopy(right, 0, values, 0, 8);
        System.arraycopy(left, 0, values, 8, 8);

        long startMs = EPOCH_MS + worker * WORKER_OFFSET_MS + session * SESSION_OFFSET_MS;
        long[] t = timestamps(startMs, n, rateHz, clockRng);
        String subject = String.format(java.util.Locale.ROOT, "W%02d", worker + 1);
        String sessionId = String.format(java.util.Locale.ROOT, "S%02d", session + 1);
        String note = "synthetic: FactorySimulator seed " + config.seed() + ", " + subject + " is "
                + (style.leftHanded() ? "left-handed (dominant hand left_wrist)"
                        : "right-handed (dominant hand right_wrist)");
        return new Recording(subject, sessionId, rateHz, t, CHANNELS, values, labels, boxes,
                SecondLabels.fromSamples(t, labels), List.of(note));
    }

    /** Nominal times plus uniform jitter, rounded to ms, strictly increasing. */
    static long[] timestamps(long startMs, int n, double rateHz, SplittableRandom rng) {
        double periodMs = 1000.0 / rateHz;
        double jitter = Math.min(MAX_JITTER_MS, periodMs / 5);
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long v = startMs + Math.round(i * periodMs + Draws.uniform(rng, -jitter, jitter));
            t[i] = i > 0 && v <= t[i - 1] ? t[i - 1] + 1 : v;
        }
        return t;
    }

    private static List<String> channelNames() {
        List<String> names = new ArrayList<>();
        for (String p : POSITIONS) {
            for (String s : SENSOR_CHANNELS) {
                names.add(p + "/" + s);
            }
        }
        return List.copyOf(names);
    }
}
