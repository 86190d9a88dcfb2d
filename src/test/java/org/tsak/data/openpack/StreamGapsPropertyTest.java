package org.tsak.data.openpack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

import org.tsak.data.DatasetInspection;
import org.tsak.data.Recording;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.WindowSpec;
import org.tsak.data.window.Windower;
import org.tsak.testing.FuzzTally;
import org.tsak.testing.ScratchDir;

/**
 * Gaps in random streams at random places: a small OpenPack session (four ATR IMUs 30 ms apart
 * for 9 s, the four E4 streams covering them) loses rows in one to four dropouts (any stream,
 * atr01 the clock included, any place and length) and may have an E4 stream start late or end
 * early. After reading all sensors and windowing (1 s windows, 0.5 s stride), exactly the windows
 * whose time span overlaps a gap are missing, computed here from the files alone: a gap is an
 * interval of a file longer than 1.5 times its median interval, and an E4 or ATR stream starting
 * after (ending before) the clock's first (last) sample has its edge value held there, which is
 * a gap too. The session line of the inspection counts the same gaps. 50 tries with a fixed seed by
 * default (about 2 s: rewriting files is slow on some disks), 2,000 with a random seed under the
 * {@code fuzz} tag.
 */
class StreamGapsPropertyTest {

    private static final long T0 = OpenPackFixture.T0;
    private static final int ROWS = 300;
    private static final WindowSpec SPEC = new WindowSpec(1.0, 0.5);
    private static final String[] STREAMS = {"atr01", "atr02", "atr03", "atr04", "e4/acc", "e4/bvp", "e4/eda",
        "e4/temp"};
    private static final FuzzTally TALLY = new FuzzTally("stream gaps", "with windows dropped");
    private static final Map<String, List<String>> SESSION = session();
    /** One folder for all tries, its files overwritten by each (deleting files is slow on some disks). */
    private static ScratchDir dir;

    /**
     * Rows of one stream removed: times in {@code [T0 + fromMs, T0 + fromMs + lengthMs)}; with
     * lengthMs 0 every row before {@code T0 + fromMs} (a late start), with lengthMs -1 every row
     * from {@code T0 + fromMs} on (an early end).
     */
    record Dropout(int stream, int fromMs, int lengthMs) {
    }

    @AfterContainer
    static void printTally() {
        TALLY.print();
        if (dir != null) {
            dir.close();
        }
    }

    @Property(tries = 50, seed = "20261127")
    void windowsSpanningAGapOfAnyStreamAreDropped(@ForAll("dropouts") List<Dropout> dropouts) throws IOException {
        check(dropouts);
    }

    @Property(tries = 2000)
    @Tag("fuzz")
    void windowsSpanningAGapOfAnyStreamAreDroppedFuzz(@ForAll("dropouts") List<Dropout> dropouts) throws IOException {
        check(dropouts);
    }

    @Provide
    Arbitrary<List<Dropout>> dropouts() {
        // dropouts start at least 1.3 s after T0 and late starts cut at most 0.7 s, so every stream keeps
        // two regular rows first (a long interval right after the first row would make that row a
        // "bad first row", dropped: a different repair)
        Arbitrary<Integer> stream = Arbitraries.integers().between(0, STREAMS.length - 1);
        Arbitrary<Dropout> gap = Combinators.combine(stream, Arbitraries.integers().between(1300, 30 * ROWS - 400),
                Arbitraries.integers().between(20, 2500)).as(Dropout::new);
        Arbitrary<Dropout> lateStart = Combinators.combine(Arbitraries.integers().between(1, STREAMS.length - 1),
                Arbitraries.integers().between(1, 700)).as((s, ms) -> new Dropout(s, ms, 0));
        Arbitrary<Dropout> earlyEnd = Combinators.combine(Arbitraries.integers().between(1, STREAMS.length - 1),
                Arbitraries.integers().between(7000, 30 * ROWS - 1)).as((s, ms) -> new Dropout(s, ms, -1));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, gap), net.jqwik.api.Tuple.of(1, lateStart),
                net.jqwik.api.Tuple.of(1, earlyEnd)).list().ofMinSize(1).ofMaxSize(4);
    }

    private static void check(List<Dropout> dropouts) throws IOException {
        Map<String, List<String>> files = new LinkedHashMap<>(SESSION);
        for (Dropout d : dropouts) {
            List<String> rows = files.get(STREAMS[d.stream()]);
            List<String> kept = new ArrayList<>(List.of(rows.get(0)));
            for (String row : rows.subList(1, rows.size())) {
                long t = Long.parseLong(row.substring(0, row.indexOf(','))) - T0;
                boolean drop = d.lengthMs() == 0 ? t < d.fromMs() : d.lengthMs() < 0 ? t >= d.fromMs()
                        : t >= d.fromMs() && t < d.fromMs() + d.lengthMs();
                if (!drop) {
                    kept.add(row);
                }
            }
            files.put(STREAMS[d.stream()], kept);
        }
        synchronized (StreamGapsPropertyTest.class) {
            if (dir == null) {
                dir = ScratchDir.create("gaps");
            }
            for (Map.Entry<String, List<String>> e : files.entrySet()) {
                String folder = e.getKey().startsWith("atr") ? "atr/" + e.getKey() : "e4/e401/" + e.getKey().substring(3);
                dir.write("U0209/" + folder + "/S0500.csv", (String.join("\n", e.getValue()) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            dir.write("U0209/annotation/openpack-operations/S0500.csv", ("uuid,user,session,box,id,operation,start,end,"
                    + "actions\nop:a,U0209,S0500,1,100,Picking,2022-03-29 14:25:20.000000+09:00,"
                    + "2022-03-29 14:25:40.000000+09:00,act:x\n").getBytes(StandardCharsets.UTF_8));
            Recording r = new OpenPackReader().read(dir.root()).get(0);
            long[] clock = r.timestampsMs();
            assertEquals(Arrays.toString(times(files.get("atr01"))), Arrays.toString(clock), "the clock is atr01's rows");

            List<long[]> gaps = new ArrayList<>(); // open intervals (after, before) computed from the files
            for (String stream : STREAMS) {
                long[] t = times(files.get(stream));
                double limit = 1.5 * median(t);
                for (int i = 1; i < t.length; i++) {
                    if (t[i] - t[i - 1] > limit) {
                        gaps.add(new long[] {t[i - 1], t[i]});
                    }
                }
                if (!stream.equals("atr01") && t[0] > clock[0]) {
                    gaps.add(new long[] {Long.MIN_VALUE, t[0]});
                }
                if (!stream.equals("atr01") && t[t.length - 1] < clock[clock.length - 1]) {
                    gaps.add(new long[] {t[t.length - 1], Long.MAX_VALUE});
                }
            }
            int w = SPEC.windowSamples(r.samplingRateHz());
            int stride = SPEC.strideSamples(r.samplingRateHz());
            BitSet expectedKept = new BitSet();
            int dropped = 0;
            for (int s = 0; s + w <= clock.length; s += stride) {
                long from = clock[s];
                long to = clock[s + w - 1];
                if (gaps.stream().anyMatch(g -> from < g[1] && to > g[0])) {
                    dropped++;
                } else {
                    expectedKept.set(s);
                }
            }
            WindowSet set = new Windower(SPEC).window(List.of(r));
            BitSet kept = new BitSet();
            for (int i = 0; i < set.size(); i++) {
                kept.set(set.startSampleOf(i));
            }
            assertEquals(expectedKept, kept, "windows kept, for dropouts " + dropouts);
            assertEquals(dropped, set.droppedForGaps());
            DatasetInspection.SessionSummary summary = DatasetInspection.of(List.of(r)).sessions().get(0);
            assertEquals(gaps.size(), summary.gaps(), "gaps on the session line for " + dropouts);
            TALLY.valid(dropped > 0);
        }
    }

    /** The session's files, stream name to lines (header first). */
    private static Map<String, List<String>> session() {
        Map<String, List<String>> files = new LinkedHashMap<>();
        for (int n = 1; n <= 4; n++) {
            List<String> lines = new ArrayList<>(List.of(OpenPackFixture.ATR_HEADER));
            for (int i = 0; i < ROWS; i++) {
                lines.add(String.format(Locale.ROOT, "%d,%d.01,0.5,1.0,%d.0,0.0,-1.0,1.0,0.0,0.0,0.0", T0 + 30L * i, n,
                        i % 17));
            }
            files.put("atr0" + n, lines);
        }
        long start = T0 - 400;
        long end = T0 + 30L * ROWS + 400;
        files.put("e4/acc", e4("time,acc_x,acc_y,acc_z", start, end, 31.25, k -> "0.0,0.0," + (k % 5) / 10.0));
        files.put("e4/bvp", e4("time,bvp", start, end, 16, k -> k + ".0"));
        files.put("e4/eda", e4("time,eda", start, end, 250, k -> "0." + k));
        files.put("e4/temp", e4("time,temp", start, end, 250, k -> (30 + k) + ".0"));
        return files;
    }

    private static List<String> e4(String header, long start, long end, double periodMs,
            java.util.function.IntFunction<String> values) {
        List<String> lines = new ArrayList<>(List.of(header));
        for (int k = 0; start + Math.round(k * periodMs) <= end; k++) {
            lines.add((start + Math.round(k * periodMs)) + "," + values.apply(k));
        }
        return lines;
    }

    private static long[] times(List<String> lines) {
        long[] t = new long[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            t[i - 1] = Long.parseLong(lines.get(i).substring(0, lines.get(i).indexOf(',')));
        }
        return t;
    }

    private static double median(long[] t) {
        long[] d = new long[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            d[i - 1] = t[i] - t[i - 1];
        }
        Arrays.sort(d);
        int m = d.length;
        return m % 2 == 1 ? d[m / 2] : (d[m / 2 - 1] + d[m / 2]) / 2.0;
    }
}
