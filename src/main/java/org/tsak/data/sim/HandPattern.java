package org.tsak.data.sim;

/**
 * How one hand moves during one operation, written for a right hand (the left hand mirrors
 * roll, yaw and sideways position). Angles are Z-Y-X Euler angles of the wrist sensor in the
 * world frame: roll about the forearm, pitch up/down, yaw about the vertical.
 *
 * @param rollDeg          mean roll in degrees
 * @param pitchDeg         mean pitch in degrees (positive = hand tilted down along the forearm)
 * @param rollAmpDeg       roll oscillation amplitude in degrees
 * @param pitchAmpDeg      pitch oscillation amplitude in degrees
 * @param yawAmpDeg        yaw oscillation amplitude in degrees
 * @param rhythmHz         frequency of the operation's movement cycle in Hz
 * @param reachM           amplitude of forward/back hand movement in metres
 * @param sideM            amplitude of sideways hand movement in metres
 * @param bobM             amplitude of up/down hand movement in metres (at twice the rhythm)
 * @param boxProximity     cap_1 level, 0 (far from the box) .. 1 (touching it)
 * @param tableProximity   cap_2 level, 0 (far from the table surface) .. 1 (touching it)
 * @param proximitySwingFraction how much the proximities swing with the movement cycle, 0..1
 * @param turnDeg          body turn over the operation (out and back), degrees; 0 for none
 * @param liftM            box lift over the operation (up and down), metres; 0 for none
 */
record HandPattern(double rollDeg, double pitchDeg, double rollAmpDeg, double pitchAmpDeg,
        double yawAmpDeg, double rhythmHz, double reachM, double sideM, double bobM,
        double boxProximity, double tableProximity, double proximitySwingFraction,
        double turnDeg, double liftM) {

    /** A pattern without body turn or lift. */
    static HandPattern of(double rollDeg, double pitchDeg, double rollAmpDeg, double pitchAmpDeg,
            double yawAmpDeg, double rhythmHz, double reachM, double sideM, double bobM,
            double boxProximity, double tableProximity, double proximitySwingFraction) {
        return new HandPattern(rollDeg, pitchDeg, rollAmpDeg, pitchAmpDeg, yawAmpDeg, rhythmHz,
                reachM, sideM, bobM, boxProximity, tableProximity, proximitySwingFraction, 0, 0);
    }

    /** This pattern with a body turn and a lift. */
    HandPattern withTurn(double turnDegrees, double liftMetres) {
        return new HandPattern(rollDeg, pitchDeg, rollAmpDeg, pitchAmpDeg, yawAmpDeg, rhythmHz,
                reachM, sideM, bobM, boxProximity, tableProximity, proximitySwingFraction,
                turnDegrees, liftMetres);
    }
}
