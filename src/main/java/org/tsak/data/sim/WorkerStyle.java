package org.tsak.data.sim;

import java.util.SplittableRandom;

/**
 * How one simulated worker works and how their sensors behave: speed, movement size,
 * handedness, a personal posture per operation, sensor noise and per-sensor bias. Drawn once
 * per worker from the worker's own seed, so a worker looks the same in every session.
 *
 * @param durationFactor  multiplies every operation's duration (slow workers &gt; 1), 0.8..1.25
 * @param rhythmFactor    multiplies every movement rhythm, 0.85..1.15
 * @param amplitudeFactor multiplies every movement amplitude, 0.75..1.3
 * @param leftHanded      true if the left hand is the dominant one
 * @param postureDeg      personal posture offset {@code [hand][operation index 0..10][roll, pitch]}
 *                        in degrees (hand 0 = right wrist, 1 = left wrist)
 * @param accNoiseG       accelerometer white noise (standard deviation) in G
 * @param gyroNoiseDps    gyroscope white noise in deg/s
 * @param capNoise        capacitive white noise, in proximity units
 * @param capGain         capacitive gain per hand (skin and fit differ)
 * @param bias            constant offset per hand and channel {@code [hand][channel 0..7]},
 *                        in the channel's unit (acc G, gyro deg/s, cap units)
 */
record WorkerStyle(double durationFactor, double rhythmFactor, double amplitudeFactor,
        boolean leftHanded, double[][][] postureDeg, double accNoiseG, double gyroNoiseDps,
        double capNoise, double[] capGain, double[][] bias) {

    /**
     * Draws a worker's style. Every fourth worker (index 2, 6, 10, ...: W03, W07, W11, ...) is
     * left-handed, so any split with four or more workers holds both kinds.
     */
    static WorkerStyle draw(int workerIndex, SplittableRandom rng) {
        double duration = Draws.uniform(rng, 0.8, 1.25);
        double rhythm = Draws.uniform(rng, 0.85, 1.15);
        double amplitude = Draws.uniform(rng, 0.75, 1.3);
        boolean left = workerIndex % 4 == 2;
        double[][][] posture = new double[2][11][2];
        for (int h = 0; h < 2; h++) {
            double globalRoll = 6 * Draws.gaussian(rng);
            double globalPitch = 6 * Draws.gaussian(rng);
            for (int op = 0; op < 11; op++) {
                posture[h][op][0] = globalRoll + 4 * Draws.gaussian(rng);
                posture[h][op][1] = globalPitch + 4 * Draws.gaussian(rng);
            }
        }
        double accNoise = Draws.uniform(rng, 0.01, 0.03);
        double gyroNoise = Draws.uniform(rng, 1.0, 3.0);
        double capNoise = Draws.uniform(rng, 0.02, 0.05);
        double[] capGain = {Draws.uniform(rng, 0.8, 1.2), Draws.uniform(rng, 0.8, 1.2)};
        double[][] bias = new double[2][8];
        for (int h = 0; h < 2; h++) {
            for (int c = 0; c < 8; c++) {
                double scale = c < 3 ? 0.02 : c < 6 ? 1.5 : 0.04;
                bias[h][c] = scale * Draws.gaussian(rng);
            }
        }
        return new WorkerStyle(duration, rhythm, amplitude, left, posture, accNoise, gyroNoise, capNoise,
                capGain, bias);
    }
}
