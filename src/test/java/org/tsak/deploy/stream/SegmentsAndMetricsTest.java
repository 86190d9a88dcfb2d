package org.tsak.deploy.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tsak.data.Operations;

/** The segment rule and the work metrics on hand-worked sequences of seconds. */
class SegmentsAndMetricsTest {

    private static final long T0 = 1_700_000_000_000L;

    /** Feeds ops[i] at second i with confidence conf[i] (or 0.5), optionally skipping seconds marked -1. */
    private static List<OperationSegment> segments(double minSeconds, int[] ops, double[] conf) {
        List<OperationSegment> out = new ArrayList<>();
        SegmentMerger m = new SegmentMerger(minSeconds, out::add);
        for (int i = 0; i < ops.length; i++) {
            if (ops[i] >= 0) {
                m.accept(second(i, ops[i], conf == null ? 0.5 : conf[i]));
            }
        }
        m.flush();
        return out;
    }

    private static SecondPrediction second(int i, int op, double conf) {
        return new SecondPrediction(T0 + i * 1000L, Operations.indexOf(op), op, Operations.nameOf(op), conf,
                T0 + i * 1000L + 967);
    }

    private static OperationSegment seg(int startSecond, int endSecond, int op, double conf) {
        return new OperationSegment(T0 + startSecond * 1000L, T0 + endSecond * 1000L, op, Operations.nameOf(op), conf);
    }

    @Test
    void aOneSecondFlickerIsMergedIntoTheSegmentBefore() {
        // A A A B A A C C C  ->  A [0, 6) with B merged, C [6, 9)
        int[] ops = {100, 100, 100, 200, 100, 100, 300, 300, 300};
        double[] conf = {0.9, 0.8, 0.7, 0.1, 0.6, 0.5, 0.4, 0.4, 0.7};
        List<OperationSegment> s = segments(2, ops, conf);
        assertEquals(2, s.size());
        assertEquals(seg(0, 6, 100, s.get(0).confidence()), s.get(0));
        assertEquals(0.7, s.get(0).confidence(), 1e-12, "mean of 0.9 0.8 0.7 0.6 0.5; B's 0.1 does not count");
        assertEquals(seg(6, 9, 300, s.get(1).confidence()), s.get(1));
        assertEquals(0.5, s.get(1).confidence(), 1e-12);
    }

    @Test
    void aRunOfExactlyTheMinimumIsASegment() {
        int[] ops = {100, 100, 100, 200, 200, 100, 100, 100};
        List<OperationSegment> s = segments(2, ops, null);
        assertEquals(List.of(seg(0, 3, 100, 0.5), seg(3, 5, 200, 0.5), seg(5, 8, 100, 0.5)), s);
    }

    @Test
    void severalFlickersInARowGoToTheSegmentBefore() {
        // A A A B C D D D  ->  B and C are flickers absorbed by A; D reaches 2 s
        int[] ops = {100, 100, 100, 200, 300, 400, 400, 400};
        List<OperationSegment> s = segments(2, ops, null);
        assertEquals(List.of(seg(0, 5, 100, 0.5), seg(5, 8, 400, 0.5)), s);
    }

    @Test
    void aShortFirstRunGoesToTheSegmentAfterIt() {
        int[] ops = {200, 100, 100, 100};
        List<OperationSegment> s = segments(2, ops, new double[] {0.2, 0.6, 0.6, 0.9});
        assertEquals(1, s.size());
        assertEquals(seg(0, 4, 100, s.get(0).confidence()), s.get(0));
        assertEquals(0.7, s.get(0).confidence(), 1e-12, "the short run's 0.2 does not count");
    }

    @Test
    void zeroMinimumKeepsEveryRunAndHolesInsideARunCount() {
        assertEquals(List.of(seg(0, 1, 100, 0.5), seg(1, 2, 200, 0.5), seg(2, 3, 100, 0.5)),
                segments(0, new int[] {100, 200, 100}, null));
        // second 2 has no prediction: the A run covers it
        assertEquals(List.of(seg(0, 4, 100, 0.5), seg(4, 6, 300, 0.5)),
                segments(2, new int[] {100, 100, -1, 100, 300, 300}, null));
    }

    @Test
    void aShortRunAtTheEndIsMergedIntoTheOpenSegment() {
        assertEquals(List.of(seg(0, 4, 100, 0.5)), segments(2, new int[] {100, 100, 100, 200}, null));
    }

    @Test
    void workMetricsCountBoxesCyclesTimeAndIdle() {
        WorkMetrics m = new WorkMetrics(List.of(100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 8100));
        m.add(seg(0, 10, 8100, 0.5));   // 10 s idle
        m.add(seg(10, 40, 100, 0.5));   // picking 30 s
        m.add(seg(40, 45, 900, 0.5));   // box 1 done at 45 s: no cycle time (its start was not seen)
        assertEquals(1, m.boxesCompleted());
        assertTrue(Double.isNaN(m.cycleSecondsMean()));
        m.add(seg(45, 80, 100, 0.5));
        m.add(seg(80, 85, 900, 0.5));   // box 2 at 85 s: cycle 40 s
        m.add(seg(85, 95, 8100, 0.5));
        m.add(seg(95, 140, 400, 0.5));
        m.add(seg(140, 145, 900, 0.5)); // box 3 at 145 s: cycle 60 s
        assertEquals(3, m.boxesCompleted());
        assertEquals(50.0, m.cycleSecondsMean(), 1e-12);
        assertEquals(60.0, m.cycleSecondsLast(), 1e-12);
        assertEquals(145.0, m.totalSeconds(), 1e-12);
        assertEquals(65.0, m.secondsOf(100), 1e-12);
        assertEquals(15.0, m.secondsOf(900), 1e-12);
        assertEquals(20.0 / 145.0, m.idleShare(), 1e-12);
        m.breakContinuity();
        m.add(seg(300, 305, 900, 0.5)); // after a break: a box, but no cycle across the break
        assertEquals(4, m.boxesCompleted());
        assertEquals(2, m.cycleCount());
        assertEquals(60.0, m.cycleSecondsLast(), 1e-12);
    }

    @Test
    void warningsAreRateLimitedPerKind() {
        List<String> shown = new ArrayList<>();
        StreamWarnings w = new StreamWarnings(shown::add);
        for (int i = 1; i <= 2010; i++) {
            w.warn(WarningKind.MALFORMED, "line " + i + ": bad");
        }
        w.warn(WarningKind.GAP, "gap");
        // 5 in full, then one at 1005 and one at 2005 occurrences, then the gap
        assertEquals(8, shown.size(), shown.toString());
        assertTrue(shown.get(4).endsWith("(further malformed lines are reported once per 1000)"), shown.get(4));
        assertEquals("1000 more malformed lines (1005 in all); latest: line 1005: bad", shown.get(5));
        assertEquals("1000 more malformed lines (2005 in all); latest: line 2005: bad", shown.get(6));
        assertEquals(2010, w.count(WarningKind.MALFORMED));
        assertEquals("2010 malformed lines, 1 gaps", w.summary());
    }
}
