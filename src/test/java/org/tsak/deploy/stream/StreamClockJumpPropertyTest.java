package org.tsak.deploy.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.statistics.Statistics;

import org.tsak.deploy.RandomArtifacts;
import org.tsak.deploy.StudentArtifact;

/**
 * Property (issue 11, kind 1): backward clock jumps of random size (1 ms to 2 h) at random places
 * of a 30 Hz stream. Whatever they are, the stream (a) warns once per jump, never silently:
 * a jump of at least one sample period is a {@link WarningKind#CLOCK_BACK} and loses no sample,
 * a smaller one is a late sample, skipped as {@link WarningKind#OUT_OF_ORDER}; and (b) keeps
 * recognising: its seconds and segments are exactly those of fresh streams fed each stretch
 * between jumps. 100 tries with a fixed seed by default, 2,000 with a random seed under the
 * {@code fuzz} tag.
 */
class StreamClockJumpPropertyTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final long STEP_MS = 33; // 30.3 Hz: within the rate tolerance of the 30 Hz model
    private static final StudentArtifact ART = RandomArtifacts.rightWristAcc(9L, 30.0, 60, 30, new int[] {4});

    @Property(tries = 100, seed = "20261126")
    void backwardJumpsWarnOnceEachAndRecognitionGoesOn(@ForAll("lengths") int samples,
            @ForAll("jumps") List<Long> jumpSizes, @ForAll("seeds") long seed) {
        check(samples, jumpSizes, seed);
    }

    @Property(tries = 2000)
    @Tag("fuzz")
    void backwardJumpsWarnOnceEachAndRecognitionGoesOnFuzz(@ForAll("lengths") int samples,
            @ForAll("jumps") List<Long> jumpSizes, @ForAll("seeds") long seed) {
        check(samples, jumpSizes, seed);
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.integers().between(150, 700);
    }

    /** One to four jump sizes, ms: below one sample period, up to a few windows, up to two hours. */
    @Provide
    Arbitrary<List<Long>> jumps() {
        Arbitrary<Long> size = Arbitraries.oneOf(Arbitraries.longs().between(1, STEP_MS - 1),
                Arbitraries.longs().between(STEP_MS, 5_000), Arbitraries.longs().between(5_001, 7_200_000));
        return size.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static void check(int n, List<Long> jumpSizes, long seed) {
        Random r = new Random(seed);
        // jump positions: distinct, at least 3 samples apart, in [1, n - 1]
        TreeMap<Integer, Long> jumps = new TreeMap<>();
        for (long d : jumpSizes) {
            int at = 1 + r.nextInt(n - 1);
            if (jumps.floorKey(at + 2) == null || jumps.floorKey(at + 2) < at - 2) {
                jumps.put(at, d);
            }
        }
        long[] t = new long[n];
        float[][] v = new float[n][];
        for (int i = 0; i < n; i++) {
            t[i] = i == 0 ? T0 : t[i - 1] + (jumps.containsKey(i) ? -jumps.get(i) : STEP_MS);
            v[i] = new float[] {(float) r.nextGaussian(), (float) r.nextGaussian() - 0.8f, (float) r.nextGaussian()};
        }
        // the rule, worked out independently: stretches between jumps of >= one period
        List<List<Integer>> stretches = new ArrayList<>();
        stretches.add(new ArrayList<>());
        int late = 0;
        for (int i = 0; i < n; i++) {
            Long d = jumps.get(i);
            if (d != null && (d < STEP_MS || i == n - 1)) {
                late++;
                continue;
            }
            if (d != null) {
                stretches.add(new ArrayList<>());
            }
            stretches.get(stretches.size() - 1).add(i);
        }
        int clockJumps = stretches.size() - 1;
        Statistics.label("jumps").collect(jumps.size());
        Statistics.label("kind").collect(clockJumps > 0 && late > 0 ? "clock jumps and late samples"
                : clockJumps > 0 ? "clock jumps only" : "late samples only");

        CollectingListener l = new CollectingListener();
        StreamRecognizer rec = new StreamRecognizer(ART, StreamSettings.defaults(), l);
        for (int i = 0; i < n; i++) {
            rec.accept(t[i], v[i], i + 1);
        }
        rec.finish();

        List<SecondPrediction> seconds = new ArrayList<>();
        List<OperationSegment> segments = new ArrayList<>();
        long windows = 0;
        for (List<Integer> stretch : stretches) {
            CollectingListener fresh = new CollectingListener();
            StreamRecognizer alone = new StreamRecognizer(ART, StreamSettings.defaults(), fresh);
            for (int i : stretch) {
                alone.accept(t[i], v[i], i + 1);
            }
            alone.finish();
            seconds.addAll(fresh.seconds);
            segments.addAll(fresh.segments);
            windows += alone.windowsRun();
        }
        String where = "jumps " + jumps + " in " + n + " samples";
        assertEquals(clockJumps, rec.warnings().count(WarningKind.CLOCK_BACK), where);
        assertEquals(late, rec.warnings().count(WarningKind.OUT_OF_ORDER), where);
        assertEquals(jumps.size(), rec.warnings().total(), "one warning per jump, nothing else: " + where);
        assertTrue(l.warnings.size() >= Math.min(jumps.size(), StreamWarnings.SHOWN_IN_FULL), where);
        assertEquals(n - late, rec.samplesAccepted(), where);
        assertEquals(windows, rec.windowsRun(), where);
        assertEquals(seconds, l.seconds, where);
        assertEquals(segments, l.segments, where);
    }
}
