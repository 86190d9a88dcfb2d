package org.tsak.data.openpack;

import java.nio.file.Files;
import java.nio.file.Path;

import org.tsak.data.DataFormatException;

/**
 * The OpenPack release whose layout a session is stored in, told apart by its label files.
 * <ul>
 * <li>{@link #V1_0_0}: {@code annotation/openpack-operations/<session>.csv} (one row per operation
 * segment) and usually {@code annotation/openpack-operations-1hz/<session>.csv};</li>
 * <li>{@link #V0_3_0}: only {@code annotation/activity-1s/<session>.csv} (one row per second,
 * columns {@code unixtime,user,session,box,operation,action}); ATR quaternions are all zero and
 * the E4 accelerometer file may be absent (the public v0.3.0 sample has none).</li>
 * </ul>
 * Sensor files have the same layout and columns in both.
 */
public enum OpenPackRelease {
    /** OpenPack v1.0.0: operation segments (and the official 1 Hz ground truth). */
    V1_0_0("v1.0.0", "annotation/openpack-operations"),
    /** OpenPack v0.3.0: per-second labels only. */
    V0_3_0("v0.3.0", "annotation/activity-1s");

    private final String version;
    private final String labelFolder;

    OpenPackRelease(String version, String labelFolder) {
        this.version = version;
        this.labelFolder = labelFolder;
    }

    /** The version as the dataset names its folder, e.g. {@code v0.3.0}. */
    public String version() {
        return version;
    }

    /** Folder of the session label files relative to the user folder. */
    public String labelFolder() {
        return labelFolder;
    }

    /** The label file of a session, e.g. {@code <user>/annotation/activity-1s/S0500.csv}. */
    public Path labelFile(Path userDir, String session) {
        return userDir.resolve(labelFolder).resolve(session + ".csv");
    }

    /**
     * The release of a session, by which label file it has (v1.0.0's segments win if both exist).
     *
     * @param userDir the user folder, e.g. {@code .../U0102}
     * @param session the session id, e.g. {@code S0500}
     * @throws DataFormatException naming both expected files if neither exists
     */
    public static OpenPackRelease of(Path userDir, String session) {
        for (OpenPackRelease r : values()) {
            if (Files.isRegularFile(r.labelFile(userDir, session))) {
                return r;
            }
        }
        String user = userDir.getFileName().toString();
        throw new DataFormatException(V1_0_0.labelFile(userDir, session), "missing operation annotation of session "
                + user + "/" + session + "; expected " + V1_0_0.labelFolder + "/" + session + ".csv (release v1.0.0)"
                + " or " + V0_3_0.labelFolder + "/" + session + ".csv (release v0.3.0) under " + userDir
                + " (restore it or leave the session out with the sessions filter)");
    }
}
