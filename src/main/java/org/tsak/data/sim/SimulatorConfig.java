package org.tsak.data.sim;

/**
 * What {@link FactorySimulator} simulates: how many workers, sessions per worker and boxes per
 * session, at what sampling rate, from which seed. Validated on construction.
 *
 * @param workers           number of workers, 1..99 (subject ids W01..W99)
 * @param sessionsPerWorker sessions per worker, 1..99 (session ids S01..S99)
 * @param boxesPerSession   boxes packed per session, 1..1000 (each box runs the ten operations)
 * @param samplingRateHz    nominal sampling rate in Hz, 5..200 (default 30, as OpenPack's IMUs)
 * @param seed              root seed; the same config gives byte-identical recordings
 */
public record SimulatorConfig(int workers, int sessionsPerWorker, int boxesPerSession,
        double samplingRateHz, long seed) {

    /** Default sampling rate in Hz. */
    public static final double DEFAULT_SAMPLING_RATE_HZ = 30.0;

    /** Validates. */
    public SimulatorConfig {
        check(workers >= 1 && workers <= 99, "workers", workers, "1..99");
        check(sessionsPerWorker >= 1 && sessionsPerWorker <= 99, "sessionsPerWorker", sessionsPerWorker,
                "1..99");
        check(boxesPerSession >= 1 && boxesPerSession <= 1000, "boxesPerSession", boxesPerSession, "1..1000");
        check(samplingRateHz >= 5 && samplingRateHz <= 200, "samplingRateHz", samplingRateHz, "5..200");
    }

    /** A config at the default sampling rate of 30 Hz. */
    public SimulatorConfig(int workers, int sessionsPerWorker, int boxesPerSession, long seed) {
        this(workers, sessionsPerWorker, boxesPerSession, DEFAULT_SAMPLING_RATE_HZ, seed);
    }

    private static void check(boolean ok, String name, Object value, String range) {
        if (!ok) {
            throw new IllegalArgumentException("simulator " + name + " is " + value + "; it must be in " + range);
        }
    }
}
