package org.tsak.data;

/**
 * A channel name of the form {@code <position>/<sensor>_<axis>} (e.g. {@code right_wrist/acc_x})
 * or {@code <position>/<sensor>} for single-axis sensors (e.g. {@code right_wrist/eda}).
 *
 * @param position body position, e.g. {@code left_wrist}
 * @param sensor   sensor or modality, e.g. {@code acc}, {@code gyro}, {@code cap}
 * @param axis     axis, e.g. {@code x}, or empty for single-axis sensors
 */
public record ChannelName(String position, String sensor, String axis) {

    /**
     * Parses a channel name.
     *
     * @throws IllegalArgumentException if it is not {@code <position>/<sensor>[_<axis>]}
     */
    public static ChannelName parse(String name) {
        int slash = name.indexOf('/');
        if (slash <= 0 || slash == name.length() - 1 || name.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("channel name '" + name
                    + "' is not of the form <position>/<sensor>_<axis>, e.g. right_wrist/acc_x");
        }
        String position = name.substring(0, slash);
        String rest = name.substring(slash + 1);
        int us = rest.lastIndexOf('_');
        if (us <= 0) {
            return new ChannelName(position, rest, "");
        }
        return new ChannelName(position, rest.substring(0, us), rest.substring(us + 1));
    }

    @Override
    public String toString() {
        return position + "/" + sensor + (axis.isEmpty() ? "" : "_" + axis);
    }
}
