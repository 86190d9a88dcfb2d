package org.tsak.data.sim;

import java.util.Map;

import org.tsak.data.Operations;

/**
 * The motion table of the simulated packaging line: for each operation, how the dominant and
 * the non-dominant hand move (see docs/DATA.md, "Simulator").
 *
 * <p>Four pairs are deliberately alike for the dominant hand's accelerometer and differ
 * mainly in the non-dominant hand, the capacitive proximities or the yaw rate (seen only by
 * the gyroscope): 600/800 (peel and press a label), 200/1000 (fine work at the table),
 * 400/500 (reach into the box) and 700/900 (hold the box edge/scanner; 900 turns the body).
 * The dominant hand's means differ by only a few degrees and its rhythm by ~0.1-0.2 Hz
 * within a pair, less than between workers, so one wrist's accelerometer is genuinely less
 * informative than the full sensor set.
 */
final class OperationMotions {

    /** Pattern of the dominant hand per operation id. */
    private static final Map<Integer, HandPattern> DOMINANT = Map.ofEntries(
            Map.entry(Operations.NULL_ID, HandPattern.of(0, 15, 6, 6, 8, 0.3, 0.02, 0.02, 0.01, 0.25, 0.35, 0.2)),
            // walking to the shelf and picking: arm swing and step bounce
            Map.entry(100, HandPattern.of(10, 60, 10, 25, 12, 0.9, 0.15, 0.03, 0.03, 0.05, 0.05, 0.5)),
            // peel the item label and stick it on: fine roll twists
            Map.entry(200, HandPattern.of(-30, -20, 12, 6, 8, 1.4, 0.02, 0.02, 0.01, 0.2, 0.45, 0.3)),
            // fold the box: large rolls of both hands
            Map.entry(300, HandPattern.of(40, 0, 45, 20, 20, 0.5, 0.10, 0.08, 0.04, 0.8, 0.4, 0.2)),
            // put items into the box: reach down into it
            Map.entry(400, HandPattern.of(0, -45, 8, 20, 10, 0.7, 0.10, 0.03, 0.06, 0.7, 0.3, 0.4)),
            // close the flaps and tape: the same reach, slightly faster
            Map.entry(500, HandPattern.of(4, -42, 10, 18, 13, 0.8, 0.10, 0.04, 0.06, 0.8, 0.35, 0.3)),
            // attach the box label: peel and press on the box side
            Map.entry(600, HandPattern.of(60, -10, 10, 10, 6, 1.2, 0.03, 0.02, 0.01, 0.9, 0.2, 0.15)),
            // scan the label: hold the scanner, small sweeps
            Map.entry(700, HandPattern.of(-60, 20, 5, 5, 10, 0.6, 0.02, 0.03, 0.01, 0.4, 0.2, 0.3)),
            // attach the shipping label: the same peel and press as 600
            Map.entry(800, HandPattern.of(57, -12, 10, 10, 8, 1.1, 0.03, 0.02, 0.01, 0.85, 0.3, 0.15)),
            // put the box on the back table: hold it like the scanner grip, turn round and back
            Map.entry(900, HandPattern.of(-58, 18, 5, 6, 8, 0.6, 0.02, 0.02, 0.01, 0.9, 0.2, 0.1)
                    .withTurn(150, 0.15)),
            // fill out the order: writing, the same fine twists as 200
            Map.entry(1000, HandPattern.of(-27, -18, 11, 6, 10, 1.6, 0.02, 0.02, 0.01, 0.1, 0.75, 0.2)));

    /** Pattern of the non-dominant hand per operation id. */
    private static final Map<Integer, HandPattern> NON_DOMINANT = Map.ofEntries(
            Map.entry(Operations.NULL_ID, HandPattern.of(0, 15, 5, 5, 6, 0.3, 0.02, 0.02, 0.01, 0.25, 0.35, 0.2)),
            Map.entry(100, HandPattern.of(-5, 60, 8, 25, 10, 0.9, 0.15, 0.03, 0.03, 0.05, 0.05, 0.5)),
            // holds the item up in the air
            Map.entry(200, HandPattern.of(20, 30, 3, 3, 3, 0.3, 0.01, 0.01, 0.01, 0.1, 0.15, 0.1)),
            Map.entry(300, HandPattern.of(40, 0, 45, 20, 20, 0.5, 0.10, 0.08, 0.04, 0.8, 0.4, 0.2)),
            // steadies the box flap
            Map.entry(400, HandPattern.of(70, -20, 4, 4, 4, 0.4, 0.01, 0.01, 0.01, 0.6, 0.5, 0.1)),
            // folds and presses the flaps
            Map.entry(500, HandPattern.of(10, -50, 30, 15, 10, 0.9, 0.06, 0.04, 0.03, 0.9, 0.3, 0.2)),
            // holds the box still, flat against its side
            Map.entry(600, HandPattern.of(80, 0, 3, 3, 3, 0.3, 0.01, 0.01, 0.01, 0.95, 0.15, 0.05)),
            // holds the box in front of the scanner
            Map.entry(700, HandPattern.of(30, 35, 4, 4, 4, 0.4, 0.01, 0.01, 0.01, 0.5, 0.1, 0.1)),
            // smooths the shipping label on the box top with sweeps
            Map.entry(800, HandPattern.of(-10, -40, 8, 6, 25, 1.3, 0.08, 0.05, 0.01, 0.7, 0.6, 0.3)),
            // carries the box with the other hand, turning with the body
            Map.entry(900, HandPattern.of(60, 10, 4, 4, 4, 0.6, 0.01, 0.01, 0.01, 0.95, 0.2, 0.1)
                    .withTurn(150, 0.15)),
            // holds the paper flat on the table
            Map.entry(1000, HandPattern.of(0, -5, 2, 2, 2, 0.3, 0.01, 0.01, 0.005, 0.05, 0.9, 0.05)));

    private OperationMotions() {
    }

    /** The dominant hand's pattern for an operation id (100..1000 or Null). */
    static HandPattern dominant(int operationId) {
        return DOMINANT.get(operationId);
    }

    /** The non-dominant hand's pattern for an operation id (100..1000 or Null). */
    static HandPattern nonDominant(int operationId) {
        return NON_DOMINANT.get(operationId);
    }
}
