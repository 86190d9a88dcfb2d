package org.tsak.data.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.tsak.data.Operations;

/**
 * The sequence of operations in one simulated session: per box the ten OpenPack operations
 * in the line's order, with OpenPack-like durations varied by the worker's speed and by
 * &plusmn;30%, short Null gaps between some operations, an occasionally skipped item-label
 * relocation and an occasionally repeated scan.
 */
final class WorkSchedule {

    /** Typical duration in seconds of operations 100..1000 (index = id / 100 - 1). */
    static final double[] TYPICAL_SECONDS = {8, 20, 12, 10, 10, 4, 8, 7, 4, 8};

    /** Probability that a Null gap separates two operations of a box. */
    static final double GAP_PROBABILITY = 0.35;

    /** Probability that 200 Relocate Item Label is skipped (the label was already right). */
    static final double SKIP_RELOCATE_PROBABILITY = 0.05;

    /** Probability that 700 Scan Label is repeated (the first scan failed). */
    static final double REPEAT_SCAN_PROBABILITY = 0.1;

    private WorkSchedule() {
    }

    /** Builds the segments of a session of {@code boxes} boxes; they tile the session. */
    static List<Segment> build(int boxes, double samplingRateHz, WorkerStyle style, SplittableRandom rng) {
        List<Segment> out = new ArrayList<>();
        int[] next = {0};
        add(out, next, Operations.NULL_ID, 0, Draws.uniform(rng, 1, 3), samplingRateHz);
        for (int box = 1; box <= boxes; box++) {
            for (int k = 0; k < Operations.OPERATION_IDS.size(); k++) {
                int op = Operations.OPERATION_IDS.get(k);
                if (op == 200 && rng.nextDouble() < SKIP_RELOCATE_PROBABILITY) {
                    continue;
                }
                if (k > 0 && rng.nextDouble() < GAP_PROBABILITY) {
                    add(out, next, Operations.NULL_ID, box, Draws.uniform(rng, 0.5, 3), samplingRateHz);
                }
                add(out, next, op, box, duration(k, style, rng), samplingRateHz);
                if (op == 700 && rng.nextDouble() < REPEAT_SCAN_PROBABILITY) {
                    add(out, next, Operations.NULL_ID, box, Draws.uniform(rng, 0.5, 1.5), samplingRateHz);
                    add(out, next, op, box, duration(k, style, rng) * 0.6, samplingRateHz);
                }
            }
            add(out, next, Operations.NULL_ID, 0,
                    box == boxes ? Draws.uniform(rng, 1, 2) : Draws.uniform(rng, 1, 4), samplingRateHz);
        }
        return out;
    }

    private static double duration(int opIndex, WorkerStyle style, SplittableRandom rng) {
        return Math.max(1.0, TYPICAL_SECONDS[opIndex] * style.durationFactor() * Draws.uniform(rng, 0.7, 1.3));
    }

    private static void add(List<Segment> out, int[] next, int op, int box, double seconds, double rateHz) {
        int n = Math.max(1, (int) Math.round(seconds * rateHz));
        out.add(new Segment(op, box, next[0], n));
        next[0] += n;
    }
}
