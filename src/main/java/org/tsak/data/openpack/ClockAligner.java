package org.tsak.data.openpack;

/**
 * Puts a stream onto another stream's clock by time (never by row index).
 *
 * <p>For each clock time {@code t}: if a source sample lies within {@code snapMs} of {@code t},
 * the nearest one is taken as it is (IMUs sampled on the same grid keep their exact values);
 * otherwise the two source samples around {@code t} are linearly interpolated. With
 * {@code snapMs = 0} this is plain linear interpolation on time (used for the E4 streams).
 * Clock times before the first or after the last source sample get the edge value (held) and
 * are counted in the returned {@link Coverage}.
 */
final class ClockAligner {

    /** How many clock samples lay outside the source's span and got its edge value. */
    record Coverage(int heldBefore, int heldAfter) {

        /** True if no sample was held. */
        boolean complete() {
            return heldBefore == 0 && heldAfter == 0;
        }
    }

    private ClockAligner() {
    }

    /**
     * Aligns every column of {@code sources} onto {@code clockMs}, writing into {@code out}.
     *
     * @param clockMs  ascending clock times
     * @param sourceMs strictly ascending source times
     * @param sources  source columns, each parallel to {@code sourceMs}
     * @param out      receives one array per source column, parallel to {@code clockMs}
     * @param snapMs   take the nearest source sample as is when within this distance, in ms
     * @param scale    factor applied to every value
     */
    static Coverage align(long[] clockMs, long[] sourceMs, float[][] sources, float[][] out, double snapMs,
            float scale) {
        int n = clockMs.length;
        int m = sourceMs.length;
        int before = 0;
        int after = 0;
        int j = 0;
        for (int i = 0; i < n; i++) {
            long t = clockMs[i];
            if (t <= sourceMs[0]) {
                if (t < sourceMs[0]) {
                    before++;
                }
                copy(sources, out, 0, i, scale);
                continue;
            }
            if (t >= sourceMs[m - 1]) {
                if (t > sourceMs[m - 1]) {
                    after++;
                }
                copy(sources, out, m - 1, i, scale);
                continue;
            }
            while (sourceMs[j + 1] <= t) {
                j++;
            }
            // sourceMs[j] <= t < sourceMs[j + 1]
            long t0 = sourceMs[j];
            long t1 = sourceMs[j + 1];
            long d0 = t - t0;
            long d1 = t1 - t;
            if (d0 <= snapMs || d1 <= snapMs) {
                copy(sources, out, d0 <= d1 ? j : j + 1, i, scale);
                continue;
            }
            double w = (double) d0 / (t1 - t0);
            for (int c = 0; c < sources.length; c++) {
                float a = sources[c][j];
                float b = sources[c][j + 1];
                float d = b - a;
                // b - a overflows the float range only for huge values of opposite sign: take it in double
                out[c][i] = Float.isInfinite(d) ? (float) ((a + ((double) b - a) * w) * scale)
                        : (float) (a + d * w) * scale;
            }
        }
        return new Coverage(before, after);
    }

    private static void copy(float[][] sources, float[][] out, int from, int to, float scale) {
        for (int c = 0; c < sources.length; c++) {
            out[c][to] = sources[c][from] * scale;
        }
    }
}
