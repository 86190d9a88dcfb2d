package org.tsak.data.sim;

import java.util.SplittableRandom;

/**
 * Random draws used by the simulator, defined here (not by JDK defaults that may change
 * between versions) so that a seed gives the same numbers on every Java 17+ runtime.
 */
final class Draws {

    private Draws() {
    }

    /** Uniform in {@code [lo, hi)}. */
    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** Standard normal by Box-Muller with {@link StrictMath}. */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1]
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** A child seed: SplitMix64 finaliser of the parent seed and an index. */
    static long childSeed(long parent, long index) {
        long z = parent + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
