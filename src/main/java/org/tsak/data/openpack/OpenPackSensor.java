package org.tsak.data.openpack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One sensor stream of an OpenPack session that the reader can load, selected by a stable key
 * such as {@code atr01/acc} or {@code e4/bvp}.
 *
 * <p>ATR IMUs ({@code atr01} right wrist, {@code atr02} left wrist, {@code atr03} right upper
 * arm, {@code atr04} left upper arm) give {@code acc} (G), {@code gyro} (deg/s) and {@code quat}
 * (unit quaternion w, x, y, z), all in one file per device. The Empatica E4 on the right wrist
 * gives {@code acc} (stored as G / 9.80665, scaled back to G here), {@code bvp}, {@code eda}
 * (microsiemens) and {@code temp} (degrees Celsius), one file each.
 *
 * <p>Channel names: {@code <position>/<sensor>_<axis>}, e.g. {@code right_wrist/acc_x},
 * {@code left_upper_arm/quat_w}, {@code right_wrist/e4acc_x}, {@code right_wrist/eda}.
 */
public enum OpenPackSensor {
    /** Right wrist ATR accelerometer (G). */
    ATR01_ACC("atr01", "acc"),
    /** Right wrist ATR gyroscope (deg/s). */
    ATR01_GYRO("atr01", "gyro"),
    /** Right wrist ATR orientation quaternion. */
    ATR01_QUAT("atr01", "quat"),
    /** Left wrist ATR accelerometer (G). */
    ATR02_ACC("atr02", "acc"),
    /** Left wrist ATR gyroscope (deg/s). */
    ATR02_GYRO("atr02", "gyro"),
    /** Left wrist ATR orientation quaternion. */
    ATR02_QUAT("atr02", "quat"),
    /** Right upper arm ATR accelerometer (G). */
    ATR03_ACC("atr03", "acc"),
    /** Right upper arm ATR gyroscope (deg/s). */
    ATR03_GYRO("atr03", "gyro"),
    /** Right upper arm ATR orientation quaternion. */
    ATR03_QUAT("atr03", "quat"),
    /** Left upper arm ATR accelerometer (G). */
    ATR04_ACC("atr04", "acc"),
    /** Left upper arm ATR gyroscope (deg/s). */
    ATR04_GYRO("atr04", "gyro"),
    /** Left upper arm ATR orientation quaternion. */
    ATR04_QUAT("atr04", "quat"),
    /** Right wrist E4 accelerometer, 32 Hz (scaled to G). */
    E4_ACC("e4", "acc"),
    /** Right wrist E4 blood volume pulse, 64 Hz. */
    E4_BVP("e4", "bvp"),
    /** Right wrist E4 electrodermal activity, 4 Hz (microsiemens). */
    E4_EDA("e4", "eda"),
    /** Right wrist E4 skin temperature, 4 Hz (degrees Celsius). */
    E4_TEMP("e4", "temp");

    /** Standard gravity: E4 acc files hold G / 9.80665. */
    public static final float STANDARD_GRAVITY = 9.80665f;

    private final String device;
    private final String stream;

    OpenPackSensor(String device, String stream) {
        this.device = device;
        this.stream = stream;
    }

    /**
     * The sensor of a key such as {@code atr02/gyro} or {@code e4/eda} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the valid keys if {@code key} is not one
     */
    public static OpenPackSensor parse(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        for (OpenPackSensor s : values()) {
            if (s.key().equals(k)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown OpenPack sensor '" + key + "'; valid keys are "
                + String.join(", ", keys()));
    }

    /** All sensors: the default selection. */
    public static List<OpenPackSensor> all() {
        return List.of(values());
    }

    /** All valid keys, in order. */
    public static List<String> keys() {
        List<String> out = new ArrayList<>();
        for (OpenPackSensor s : values()) {
            out.add(s.key());
        }
        return out;
    }

    /** The stable key, e.g. {@code atr01/acc}. */
    public String key() {
        return device + "/" + stream;
    }

    /** The device: {@code atr01}..{@code atr04} or {@code e4}. */
    public String device() {
        return device;
    }

    /** The stream within the device: {@code acc}, {@code gyro}, {@code quat}, {@code bvp}, ... */
    public String stream() {
        return stream;
    }

    /** True for the ATR IMU streams. */
    public boolean isAtr() {
        return device.startsWith("atr");
    }

    /** Body position of the device, e.g. {@code right_wrist}. */
    public String position() {
        switch (device) {
            case "atr01":
            case "e4":
                return "right_wrist";
            case "atr02":
                return "left_wrist";
            case "atr03":
                return "right_upper_arm";
            case "atr04":
                return "left_upper_arm";
            default:
                throw new IllegalStateException(device);
        }
    }

    /**
     * The source stream (one file per session) in short: the device for ATR streams, which share
     * one file ({@code atr02}), {@code e4/<stream>} for the E4 ({@code e4/bvp}).
     */
    public String sourceName() {
        return isAtr() ? device : "e4/" + stream;
    }

    /** True for the orientation quaternion streams. */
    public boolean isQuaternion() {
        return stream.equals("quat");
    }

    /** Folder of the stream's session files relative to the user folder, e.g. {@code atr/atr01}. */
    public String folder() {
        return isAtr() ? "atr/" + device : "e4/e401/" + stream;
    }

    /** Name of the time column (ms): {@code unixtime} for ATR, {@code time} for E4. */
    public String timeColumn() {
        return isAtr() ? "unixtime" : "time";
    }

    /** Columns of the source file that this stream reads, in channel order. */
    public List<String> fileColumns() {
        switch (stream) {
            case "acc":
            case "gyro":
                return List.of(stream + "_x", stream + "_y", stream + "_z");
            case "quat":
                return List.of("quat_w", "quat_x", "quat_y", "quat_z");
            default:
                return List.of(stream);
        }
    }

    /** Channel names produced, parallel to {@link #fileColumns()}. */
    public List<String> channelNames() {
        String prefix = position() + "/";
        if (this == E4_ACC) {
            return Arrays.asList(prefix + "e4acc_x", prefix + "e4acc_y", prefix + "e4acc_z");
        }
        List<String> out = new ArrayList<>();
        for (String c : fileColumns()) {
            out.add(prefix + c);
        }
        return List.copyOf(out);
    }

    /** Factor applied to the stored values: 9.80665 for E4 acc (to G), else 1. */
    public float scale() {
        return this == E4_ACC ? STANDARD_GRAVITY : 1f;
    }
}
