package org.tsak.data.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

import org.tsak.data.Recording;
import org.tsak.data.SecondLabels;
import org.tsak.data.StreamGap;
import org.tsak.testing.FuzzTally;

/**
 * The windower against a brute-force oracle on random recordings: a 10 Hz clock with random
 * jitter and random runs of missing timestamps (a CSV recording's gaps, visible in its one
 * timestamp column), plus random {@link StreamGap}s of other streams (interior gaps and held
 * edges). A window is kept exactly when no sample interval of its clock is longer than 1.5
 * periods and its span {@code [t_start, t_end]} overlaps no stream gap. 1,000 tries with a fixed
 * seed by default (well under a second), 10,000 with a random seed under the {@code fuzz} tag.
 */
class WindowerGapsPropertyTest {

    private static final FuzzTally TALLY = new FuzzTally("Windower gaps", "with windows dropped");

    /**
     * A random case.
     *
     * @param jitterMs    per-sample jitter (0..20 ms at a 100 ms period, never a gap by itself)
     * @param missing     runs of missing samples: {start index, length}
     * @param streamGaps  {stream, after offset, before offset} in ms from t0; offsets -1 = open edge
     * @param windowSamples window length
     * @param strideSamples stride
     */
    record Case(List<Integer> jitterMs, List<int[]> missing, List<long[]> streamGaps, int windowSamples,
            int strideSamples) {
    }

    @AfterContainer
    static void printTally() {
        TALLY.print();
    }

    @Property(tries = 1000, seed = "20261128")
    void keptWindowsSpanNoGap(@ForAll("cases") Case c) {
        check(c);
    }

    @Property(tries = 10_000)
    @Tag("fuzz")
    void keptWindowsSpanNoGapFuzz(@ForAll("cases") Case c) {
        check(c);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<Integer>> jitter = Arbitraries.integers().between(0, 20).list().ofSize(200);
        Arbitrary<List<int[]>> missing = Combinators.combine(Arbitraries.integers().between(1, 190),
                Arbitraries.integers().between(1, 15)).as((s, n) -> new int[] {s, n}).list().ofMaxSize(3);
        Arbitrary<long[]> gap = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.longs().between(-1, 19_000), Arbitraries.longs().between(1, 4_000))
                .as((s, at, len) -> new long[] {s, at, len});
        return Combinators.combine(jitter, missing, gap.list().ofMaxSize(4), Arbitraries.integers().between(2, 30),
                Arbitraries.integers().between(1, 15)).as(Case::new);
    }

    private static void check(Case c) {
        long t0 = 1_700_000_000_000L;
        BitSet gone = new BitSet();
        for (int[] m : c.missing()) {
            gone.set(m[0], Math.min(200, m[0] + m[1]));
        }
        long[] ts = new long[200 - gone.cardinality()];
        int n = 0;
        for (int i = 0; i < 200; i++) {
            if (!gone.get(i)) {
                ts[n++] = t0 + 100L * i + c.jitterMs().get(i);
            }
        }
        List<StreamGap> streamGaps = new ArrayList<>();
        String[] names = {"atr02", "atr03", "e4/bvp", "e4/eda"};
        for (long[] g : c.streamGaps()) {
            if (g[1] < 0) {
                streamGaps.add(StreamGap.heldBefore(names[(int) g[0]], t0 + g[2]));
            } else if (g[1] > 18_000) {
                streamGaps.add(StreamGap.heldAfter(names[(int) g[0]], t0 + g[1]));
            } else {
                streamGaps.add(new StreamGap(names[(int) g[0]], t0 + g[1], t0 + g[1] + g[2]));
            }
        }
        float[][] v = {new float[n]};
        int[] labels = new int[n];
        Arrays.fill(labels, 100);
        Recording r = new Recording("W01", "S01", 10.0, ts, List.of("right_wrist/acc_x"), v, labels, new int[n],
                SecondLabels.fromSamples(ts, labels), List.of(), streamGaps);
        WindowSpec spec = new WindowSpec(c.windowSamples() / 10.0, c.strideSamples() / 10.0);
        WindowSet set = new Windower(spec).window(List.of(r));

        int w = c.windowSamples();
        BitSet expected = new BitSet();
        int dropped = 0;
        for (int s = 0; s + w <= n; s += c.strideSamples()) {
            boolean spans = false;
            for (int i = s + 1; i < s + w; i++) {
                spans |= ts[i] - ts[i - 1] > 150; // 1.5 periods of 100 ms
            }
            for (StreamGap g : streamGaps) {
                spans |= ts[s] < g.beforeMs() && ts[s + w - 1] > g.afterMs();
            }
            if (spans) {
                dropped++;
            } else {
                expected.set(s);
            }
        }
        BitSet kept = new BitSet();
        for (int i = 0; i < set.size(); i++) {
            kept.set(set.startSampleOf(i));
        }
        assertEquals(expected, kept, "kept window starts");
        assertEquals(dropped, set.droppedForGaps());
        TALLY.valid(dropped > 0);
    }
}
