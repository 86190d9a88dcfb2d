package org.tsak.data.sim;

import java.util.List;
import java.util.SplittableRandom;

import org.tsak.data.Operations;

/**
 * Synthesises one wrist's eight channels (acc x/y/z in G, gyro x/y/z in deg/s, cap_1, cap_2)
 * for a session, from an orientation and position trajectory.
 *
 * <p>Per sample the hand's Z-Y-X Euler angles and world position follow the current
 * operation's {@link HandPattern} (mean posture plus oscillations at the operation's rhythm,
 * a body turn and a lift where the operation has one, slow posture drift). Pattern parameters
 * glide to the next operation's with a 0.3 s time constant and the movement phase is
 * integrated, so signals stay continuous across operation boundaries. Then:
 * <ul>
 * <li>gyro = body angular rate derived from the Euler angles' rate of change (central
 *     differences), in deg/s;</li>
 * <li>acc = specific force in the sensor frame: gravity (+1 G up) plus the hand's linear
 *     acceleration (second differences of position), rotated by the transposed orientation;</li>
 * <li>cap_1 / cap_2 = proximity to the box / the table surface, 0..1, times the worker's gain;</li>
 * </ul>
 * plus the worker's per-sensor bias and white noise, quantised to 0.001 G, 0.1 deg/s and 0.001.
 * All trigonometry uses {@link StrictMath}, so results are identical on every platform.
 */
final class HandSignalSynthesizer {

    /** Time constant in seconds with which pattern parameters follow a change of operation. */
    static final double GLIDE_SECONDS = 0.3;

    private static final double G_MS2 = 9.80665;
    private static final double DEG = StrictMath.PI / 180.0;
    private static final int PARAMS = 12;

    private HandSignalSynthesizer() {
    }

    /**
     * @param segments       the session's operations, tiling {@code [0, sampleCount)}
     * @param sampleCount    samples in the session
     * @param samplingRateHz nominal rate
     * @param dominant       true for the worker's dominant hand
     * @param hand           0 = right wrist, 1 = left wrist (mirrors roll, yaw and sideways motion)
     * @param style          the worker
     * @param rng            the session's stream for this hand
     * @return {@code [8][sampleCount]}: acc_x, acc_y, acc_z, gyro_x, gyro_y, gyro_z, cap_1, cap_2
     */
    static float[][] synthesize(List<Segment> segments, int sampleCount, double samplingRateHz,
            boolean dominant, int hand, WorkerStyle style, SplittableRandom rng) {
        double dt = 1.0 / samplingRateHz;
        double glide = 1.0 - StrictMath.exp(-dt / GLIDE_SECONDS);
        double[][] driftAmp = new double[3][2];
        double[][] driftHz = new double[3][2];
        double[][] driftPhase = new double[3][2];
        for (int a = 0; a < 3; a++) {
            for (int k = 0; k < 2; k++) {
                driftAmp[a][k] = 2.5 * Draws.gaussian(rng);
                driftHz[a][k] = Draws.uniform(rng, 0.02, 0.12);
                driftPhase[a][k] = Draws.uniform(rng, 0, 2 * StrictMath.PI);
            }
        }
        double modHz = Draws.uniform(rng, 0.05, 0.2);
        double modPhase = Draws.uniform(rng, 0, 2 * StrictMath.PI);
        double mirror = hand == 1 ? -1.0 : 1.0;
        double turnSign = style.leftHanded() ? -1.0 : 1.0;

        double[] roll = new double[sampleCount];
        double[] pitch = new double[sampleCount];
        double[] yaw = new double[sampleCount];
        double[] px = new double[sampleCount];
        double[] py = new double[sampleCount];
        double[] pz = new double[sampleCount];
        float[][] out = new float[8][sampleCount];

        double[] state = null;
        double[] target = new double[PARAMS];
        double phase = Draws.uniform(rng, 0, 2 * StrictMath.PI);
        for (Segment seg : segments) {
            HandPattern p = dominant ? OperationMotions.dominant(seg.operationId())
                    : OperationMotions.nonDominant(seg.operationId());
            double[] posture = style.postureDeg()[hand][Operations.indexOf(seg.operationId())];
            double amp = style.amplitudeFactor() * Draws.uniform(rng, 0.8, 1.2);
            double rhythm = style.rhythmFactor() * Draws.uniform(rng, 0.9, 1.1);
            target[0] = p.rollDeg() + posture[0];
            target[1] = p.pitchDeg() + posture[1];
            target[2] = p.rollAmpDeg() * amp;
            target[3] = p.pitchAmpDeg() * amp;
            target[4] = p.yawAmpDeg() * amp;
            target[5] = p.rhythmHz() * rhythm;
            target[6] = p.reachM() * amp;
            target[7] = p.sideM() * amp;
            target[8] = p.bobM() * amp;
            target[9] = p.boxProximity();
            target[10] = p.tableProximity();
            target[11] = p.proximitySwingFraction();
            if (state == null) {
                state = target.clone();
            }
            double turnDeg = p.turnDeg() * Draws.uniform(rng, 0.85, 1.15);
            double liftM = p.liftM() * Draws.uniform(rng, 0.8, 1.2);
            for (int j = 0; j < seg.sampleCount(); j++) {
                int i = seg.startSample() + j;
                double t = i * dt;
                for (int k = 0; k < PARAMS; k++) {
                    state[k] += glide * (target[k] - state[k]);
                }
                phase += 2 * StrictMath.PI * state[5] * dt;
                double mod = 1.0 + 0.2 * StrictMath.sin(2 * StrictMath.PI * modHz * t + modPhase);
                double s1 = StrictMath.sin(phase);
                double arc = StrictMath.sin(StrictMath.PI * (j + 0.5) / seg.sampleCount());
                double r = state[0] + state[2] * mod * s1 + drift(driftAmp[0], driftHz[0], driftPhase[0], t);
                double pt = state[1] + state[3] * mod * (StrictMath.sin(phase + 1.3)
                        + 0.3 * StrictMath.sin(2 * phase + 0.5)) + drift(driftAmp[1], driftHz[1], driftPhase[1], t);
                double y = state[4] * mod * StrictMath.sin(phase + 2.1)
                        + drift(driftAmp[2], driftHz[2], driftPhase[2], t);
                roll[i] = mirror * r * DEG;
                pitch[i] = pt * DEG;
                yaw[i] = (mirror * y + turnSign * turnDeg * arc) * DEG;
                px[i] = state[6] * mod * StrictMath.sin(phase + 0.4);
                py[i] = mirror * state[7] * mod * StrictMath.sin(phase + 1.9);
                pz[i] = state[8] * mod * StrictMath.sin(2 * phase) + liftM * arc;
                double swing = state[11];
                out[6][i] = (float) clamp01(state[9] * (1 + swing * StrictMath.sin(phase + 0.7)));
                out[7][i] = (float) clamp01(state[10] * (1 + 0.5 * swing * StrictMath.sin(phase + 2.5)));
            }
        }
        sensorFrame(roll, pitch, yaw, px, py, pz, dt, out);
        finish(out, hand, style, rng);
        return out;
    }

    private static double drift(double[] amp, double[] hz, double[] phase, double t) {
        return amp[0] * StrictMath.sin(2 * StrictMath.PI * hz[0] * t + phase[0])
                + amp[1] * StrictMath.sin(2 * StrictMath.PI * hz[1] * t + phase[1]);
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    /** Fills acc (G) and gyro (deg/s) rows of {@code out} from the trajectory. */
    private static void sensorFrame(double[] roll, double[] pitch, double[] yaw, double[] px, double[] py,
            double[] pz, double dt, float[][] out) {
        int n = roll.length;
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - 1);
            int b = Math.min(n - 1, i + 1);
            double span = (b - a) * dt;
            double dRoll = span > 0 ? (roll[b] - roll[a]) / span : 0;
            double dPitch = span > 0 ? (pitch[b] - pitch[a]) / span : 0;
            double dYaw = span > 0 ? (yaw[b] - yaw[a]) / span : 0;
            double ax = 0;
            double ay = 0;
            double az = 0;
            if (i > 0 && i < n - 1) {
                ax = (px[i + 1] - 2 * px[i] + px[i - 1]) / (dt * dt) / G_MS2;
                ay = (py[i + 1] - 2 * py[i] + py[i - 1]) / (dt * dt) / G_MS2;
                az = (pz[i + 1] - 2 * pz[i] + pz[i - 1]) / (dt * dt) / G_MS2;
            }
            az += 1.0; // specific force: the accelerometer at rest reads +1 G up
            double cr = StrictMath.cos(roll[i]);
            double sr = StrictMath.sin(roll[i]);
            double cp = StrictMath.cos(pitch[i]);
            double sp = StrictMath.sin(pitch[i]);
            double cy = StrictMath.cos(yaw[i]);
            double sy = StrictMath.sin(yaw[i]);
            // R = Rz(yaw) Ry(pitch) Rx(roll); sensor frame = R^T * world
            double r00 = cy * cp;
            double r01 = cy * sp * sr - sy * cr;
            double r02 = cy * sp * cr + sy * sr;
            double r10 = sy * cp;
            double r11 = sy * sp * sr + cy * cr;
            double r12 = sy * sp * cr - cy * sr;
            double r20 = -sp;
            double r21 = cp * sr;
            double r22 = cp * cr;
            out[0][i] = (float) (r00 * ax + r10 * ay + r20 * az);
            out[1][i] = (float) (r01 * ax + r11 * ay + r21 * az);
            out[2][i] = (float) (r02 * ax + r12 * ay + r22 * az);
            // body rates from Z-Y-X Euler rates
            out[3][i] = (float) ((dRoll - dYaw * sp) / DEG);
            out[4][i] = (float) ((dPitch * cr + dYaw * cp * sr) / DEG);
            out[5][i] = (float) ((-dPitch * sr + dYaw * cp * cr) / DEG);
        }
    }

    /** Adds gain, bias and noise and quantises to the sensors' resolution. */
    private static void finish(float[][] out, int hand, WorkerStyle style, SplittableRandom rng) {
        double[] bias = style.bias()[hand];
        double gain = style.capGain()[hand];
        for (int c = 0; c < 8; c++) {
            double noise = c < 3 ? style.accNoiseG() : c < 6 ? style.gyroNoiseDps() : style.capNoise();
            double step = c < 3 ? 1000.0 : c < 6 ? 10.0 : 1000.0;
            double g = c < 6 ? 1.0 : gain;
            float[] row = out[c];
            for (int i = 0; i < row.length; i++) {
                double v = g * row[i] + bias[c] + noise * Draws.gaussian(rng);
                row[i] = (float) (StrictMath.rint(v * step) / step);
            }
        }
    }
}
