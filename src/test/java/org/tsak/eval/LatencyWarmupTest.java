package org.tsak.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tsak.config.ConfigLoader;
import org.tsak.config.EvaluationConfig;
import org.tsak.testing.TestJvm;

/**
 * Issue 11, kind 6: latency with too few runs. Below the minimum the config is refused naming
 * the key; with the minimum, in a fresh JVM (nothing warmed, as in {@code tsak experiment}), the
 * teacher + semantic classifier is never measured faster than the teacher alone beyond noise.
 */
class LatencyWarmupTest {

    /** The SC runs the whole teacher and a head: its median may undercut the teacher's by noise only. */
    private static final double NOISE = 0.15;

    @Test
    void tooFewRunsAreAConfigErrorNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("evaluation: {latencyRuns: 5, warmupRuns: 50}\n", "my.yaml"));
        assertEquals("my.yaml line 1: evaluation.latencyRuns: must be at least 30 (timed runs per model; fewer give"
                + " latencies that depend on which model is measured first), got 5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("evaluation:\n  latencyRuns: 300\n  warmupRuns: 2\n", "my.yaml"));
        assertEquals("my.yaml line 3: evaluation.warmupRuns: must be at least 10 (warm-up runs per model; fewer give"
                + " latencies that depend on which model is measured first), got 2", e.getMessage());
        assertEquals(30, new EvaluationConfig(30, 10, null).latencyRuns());
        assertThrows(IllegalArgumentException.class, () -> new LatencyMeter(2, 5));
    }

    /**
     * The runner's case: the teacher and the teacher + SC timed with the minimum runs in a JVM
     * where nothing has warmed the engine. Timed in turns ({@link LatencyMeter#measureInTurns})
     * the SC is never faster beyond noise. Timed one after the other ({@link LatencyMeter#measure})
     * the engine warm-up removes the 2x to 5x error of the old meter, but 30 calls of one model
     * still fall into whatever burst of load the machine has at that moment (on a shared 2-core
     * machine, up to 35% either way), so that figure is printed, not asserted.
     */
    @Test
    void teacherFirstInAFreshJvmTheScIsNotFasterThanTheTeacher() throws Exception {
        for (String mode : new String[] {"turns", "sequential"}) {
            TestJvm.Result r = TestJvm.run(LatencyOrderProbe.class, 120, mode,
                    String.valueOf(EvaluationConfig.MIN_WARMUP_RUNS), String.valueOf(EvaluationConfig.MIN_LATENCY_RUNS));
            assertEquals(0, r.exitCode(), r.out());
            Matcher m = Pattern.compile("teacher ([0-9.]+) sc ([0-9.]+)").matcher(r.out());
            assertTrue(m.find(), r.out());
            double teacher = Double.parseDouble(m.group(1));
            double sc = Double.parseDouble(m.group(2));
            System.out.printf("latency p50 with the minimum runs, %s: teacher %.1f µs, teacher + SC %.1f µs%n", mode,
                    teacher, sc);
            if (mode.equals("turns")) {
                assertTrue(sc >= (1 - NOISE) * teacher, mode + ": the teacher + SC (" + sc + " µs) looks faster than"
                        + " the teacher alone (" + teacher + " µs)");
            }
        }
    }
}
