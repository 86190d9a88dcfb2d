package org.tsak.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    private static final double EPS = 1e-9;

    @Test
    void tenDurationsByHand() {
        // sorted: 1..10 us. p50: rank ceil(0.50 * 10) = 5 -> 5 us; p95: rank ceil(9.5) = 10 -> 10 us
        long[] ns = {5_000, 1_000, 3_000, 2_000, 4_000, 10_000, 6_000, 7_000, 8_000, 9_000};
        LatencyStats s = LatencyStats.fromNanos(ns);
        assertEquals(10, s.count());
        assertEquals(5.0, s.p50Micros(), EPS);
        assertEquals(10.0, s.p95Micros(), EPS);
        assertEquals(5.5, s.meanMicros(), EPS);            // 55 us / 10
        assertEquals(64 / 5.5e-6, s.windowsPerSecond(64), 1e-3);
    }

    @Test
    void twentyDurationsHitExactRanks() {
        // 1..20 us: p50 rank 10 -> 10 us; p95 rank 19 (exactly 0.95 * 20, no float round-up) -> 19 us
        long[] ns = new long[20];
        for (int i = 0; i < ns.length; i++) {
            ns[i] = (20 - i) * 1_000L;
        }
        LatencyStats s = LatencyStats.fromNanos(ns);
        assertEquals(10.0, s.p50Micros(), EPS);
        assertEquals(19.0, s.p95Micros(), EPS);
        assertEquals(10.5, s.meanMicros(), EPS);
    }

    @Test
    void singleDurationIsEveryPercentile() {
        LatencyStats s = LatencyStats.fromNanos(new long[] {2_500});
        assertEquals(2.5, s.p50Micros(), EPS);
        assertEquals(2.5, s.p95Micros(), EPS);
        assertEquals(1, LatencyStats.nearestRank(new long[] {1, 2, 3}, 1));
    }

    @Test
    void throughputAndErrors() {
        assertEquals(50.0, LatencyStats.windowsPerSecond(100, 2e9), EPS);
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.fromNanos(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.fromNanos(new long[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.windowsPerSecond(1, 0));
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.nearestRank(new long[] {1}, 0));
    }
}
