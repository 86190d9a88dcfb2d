package org.tsak.data.openpack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@link OpenPackReader} loads.
 *
 * @param sensors         streams to load, in channel order; default: all ({@link OpenPackSensor#all()})
 * @param users           user ids to read, e.g. {@code U0209}; empty = every user folder found
 * @param sessions        session ids to read, e.g. {@code S0500}; empty = every session found
 * @param clockRateHz     null: each session's clock is its first selected stream's own (atr01's
 *                        rows); a rate in Hz (1..1000): a uniform clock at that rate over the first
 *                        selected stream's span, every stream linearly interpolated onto it, so
 *                        that sessions of releases sampled at different rates (v1.0.0 30 ms rows,
 *                        v0.3.0 33 ms rows) give windows of the same length
 * @param skipUnavailable false: a selected stream without a file or without data (all-zero
 *                        quaternions) fails the session; true: it is left out of that session's
 *                        recording with a note ({@code tsak data inspect} reads what is there)
 */
public record OpenPackOptions(List<OpenPackSensor> sensors, List<String> users, List<String> sessions,
        Double clockRateHz, boolean skipUnavailable) {

    private static final Pattern USER = Pattern.compile("U\\d{4}");
    private static final Pattern SESSION = Pattern.compile("S\\d{4}");

    /** Validates and copies: at least one sensor, no repeats, ids of the form U#### / S####. */
    public OpenPackOptions {
        if (sensors == null || sensors.isEmpty()) {
            throw new IllegalArgumentException("select at least one OpenPack sensor; valid keys are "
                    + String.join(", ", OpenPackSensor.keys()));
        }
        Set<OpenPackSensor> seen = new HashSet<>();
        for (OpenPackSensor s : sensors) {
            if (s == null) {
                throw new IllegalArgumentException("null in the OpenPack sensor list");
            }
            if (!seen.add(s)) {
                throw new IllegalArgumentException("OpenPack sensor " + s.key() + " selected twice");
            }
        }
        users = checkIds(users, USER, "user", "U0209");
        sessions = checkIds(sessions, SESSION, "session", "S0500");
        sensors = List.copyOf(sensors);
        if (clockRateHz != null && !(clockRateHz >= 1 && clockRateHz <= 1000)) {
            throw new IllegalArgumentException("OpenPack clock rate must be in [1, 1000] Hz, got " + clockRateHz);
        }
    }

    /** Sensors, users and sessions; each session on its own clock, unavailable streams fail. */
    public OpenPackOptions(List<OpenPackSensor> sensors, List<String> users, List<String> sessions) {
        this(sensors, users, sessions, null, false);
    }

    /** All sensors, all users, all sessions. */
    public static OpenPackOptions defaults() {
        return new OpenPackOptions(OpenPackSensor.all(), List.of(), List.of());
    }

    /**
     * Options from sensor keys such as {@code atr01/acc}.
     *
     * @throws IllegalArgumentException naming the valid keys if a key is unknown
     */
    public static OpenPackOptions of(List<String> sensorKeys, List<String> users, List<String> sessions) {
        List<OpenPackSensor> s = new ArrayList<>();
        for (String k : sensorKeys) {
            s.add(OpenPackSensor.parse(k));
        }
        return new OpenPackOptions(s, users, sessions);
    }

    /** A copy with another sensor selection. */
    public OpenPackOptions withSensors(List<OpenPackSensor> newSensors) {
        return new OpenPackOptions(newSensors, users, sessions, clockRateHz, skipUnavailable);
    }

    /** A copy with a uniform clock at {@code rateHz} (null: the first selected stream's own clock). */
    public OpenPackOptions withClockRateHz(Double rateHz) {
        return new OpenPackOptions(sensors, users, sessions, rateHz, skipUnavailable);
    }

    /** A copy that leaves unavailable streams out of a session (true) or fails on them (false). */
    public OpenPackOptions withSkipUnavailable(boolean skip) {
        return new OpenPackOptions(sensors, users, sessions, clockRateHz, skip);
    }

    /** True if the user passes the filter. */
    public boolean includesUser(String user) {
        return users.isEmpty() || users.contains(user);
    }

    /** True if the session passes the filter. */
    public boolean includesSession(String session) {
        return sessions.isEmpty() || sessions.contains(session);
    }

    private static List<String> checkIds(List<String> ids, Pattern p, String what, String example) {
        if (ids == null) {
            return List.of();
        }
        for (String id : ids) {
            if (id == null || !p.matcher(id).matches()) {
                throw new IllegalArgumentException("OpenPack " + what + " id '" + id + "' is not of the form "
                        + p.pattern().replace("\\d{4}", "####") + ", e.g. " + example);
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(ids));
    }
}
