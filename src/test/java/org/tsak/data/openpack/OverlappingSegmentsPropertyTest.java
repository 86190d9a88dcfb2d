package org.tsak.data.openpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

import org.tsak.data.Operations;
import org.tsak.testing.FuzzTally;
import org.tsak.testing.ScratchDir;

/**
 * Operation segment files with segments in random arrangements (disjoint, touching, overlapping,
 * nested, identical, zero-length; in random line order): every sample gets the label and box of
 * the brute-force rule (of the segments covering it, the one that started latest, then the one
 * ending first, then the later line; Null and box 0 if none), and the note names the overlapping
 * pairs exactly when there are some. 200 tries with a fixed seed by default, 2,000 with a random
 * seed under the {@code fuzz} tag.
 */
class OverlappingSegmentsPropertyTest {

    private static final long T0 = 1648531521000L;
    private static final FuzzTally TALLY = new FuzzTally("OperationSegments", "with overlapping segments");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.ofHours(9));

    /** One segment: start and length in 100 ms units from T0, operation index, box. */
    record Seg(int start, int length, int operation, int box) {
    }

    @AfterContainer
    static void printTally() {
        TALLY.print();
    }

    @Property(tries = 200, seed = "20261126")
    void samplesTakeTheLatestStartedCoveringSegment(@ForAll("arrangements") List<Seg> segs) throws IOException {
        check(segs);
    }

    @Property(tries = 2000)
    @Tag("fuzz")
    void samplesTakeTheLatestStartedCoveringSegmentFuzz(@ForAll("arrangements") List<Seg> segs) throws IOException {
        check(segs);
    }

    @Provide
    Arbitrary<List<Seg>> arrangements() {
        Arbitrary<Seg> seg = Combinators.combine(Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 5)).as(Seg::new);
        return seg.list().ofMinSize(1).ofMaxSize(8);
    }

    private static void check(List<Seg> segs) throws IOException {
        List<String> lines = new ArrayList<>(List.of("uuid,user,session,box,id,operation,start,end,actions"));
        for (Seg s : segs) {
            lines.add("op:" + lines.size() + ",U0209,S0500," + s.box() + "," + Operations.OPERATION_IDS.get(s.operation())
                    + ",x," + ISO.format(Instant.ofEpochMilli(T0 + 100L * s.start())) + ","
                    + ISO.format(Instant.ofEpochMilli(T0 + 100L * (s.start() + s.length()))) + ",act:y");
        }
        try (ScratchDir dir = ScratchDir.create("segments")) {
            Path file = dir.write("S0500.csv", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            OperationSegments read = OperationSegments.read(file);
            long[] times = new long[220];
            for (int i = 0; i < times.length; i++) {
                times[i] = T0 - 500 + 50L * i + (i % 3); // 50 ms apart, off the 100 ms grid now and then
            }
            int[] ids = new int[times.length];
            int[] boxes = new int[times.length];
            read.label(times, ids, boxes);
            for (int i = 0; i < times.length; i++) {
                int k = expected(segs, times[i]);
                int id = k < 0 ? Operations.NULL_ID : Operations.OPERATION_IDS.get(segs.get(k).operation());
                int box = k < 0 ? 0 : segs.get(k).box();
                assertEquals(id, ids[i], "label at " + (times[i] - T0) + " ms in " + segs);
                assertEquals(box, boxes[i], "box at " + (times[i] - T0) + " ms in " + segs);
            }
            int pairs = overlappingPairs(segs);
            String note = read.overlapNote("S0500.csv");
            if (pairs == 0) {
                assertNull(note, "no overlap in " + segs);
            } else {
                assertTrue(note.startsWith("S0500.csv: " + pairs + " overlapping segment pair(s)"), note + " for " + segs);
            }
            TALLY.valid(pairs > 0);
        }
    }

    /** Index of the segment labelling time t by the rule, by brute force; -1 for none. */
    private static int expected(List<Seg> segs, long t) {
        int best = -1;
        for (int k = 0; k < segs.size(); k++) {
            Seg s = segs.get(k);
            long start = T0 + 100L * s.start();
            long end = start + 100L * s.length();
            if (start > t || t >= end) {
                continue;
            }
            if (best < 0) {
                best = k;
                continue;
            }
            Seg b = segs.get(best);
            long bStart = T0 + 100L * b.start();
            long bEnd = bStart + 100L * b.length();
            if (start > bStart || (start == bStart && (end < bEnd || end == bEnd))) {
                best = k; // later start; or same start and ends first; or the same span on a later line
            }
        }
        return best;
    }

    private static int overlappingPairs(List<Seg> segs) {
        int n = 0;
        for (int a = 0; a < segs.size(); a++) {
            for (int b = a + 1; b < segs.size(); b++) {
                long sa = segs.get(a).start();
                long ea = sa + segs.get(a).length();
                long sb = segs.get(b).start();
                long eb = sb + segs.get(b).length();
                if (sa < eb && sb < ea) {
                    n++;
                }
            }
        }
        return n;
    }
}
