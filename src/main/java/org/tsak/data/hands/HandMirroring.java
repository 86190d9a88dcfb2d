package org.tsak.data.hands;

import java.util.ArrayList;
import java.util.List;

import org.tsak.data.Recording;

/**
 * The left/right mirror image of a recording: the hands' channels swap position by position
 * and the lateral axes change sign, by the rules of {@link MirrorMap} (e.g. the new
 * {@code right_wrist/acc_y} is minus the old {@code left_wrist/acc_y}, the new
 * {@code right_wrist/gyro_x} minus the old {@code left_wrist/gyro_x}, the new
 * {@code right_wrist/cap_1} the old {@code left_wrist/cap_1}). A left-handed worker's mirrored
 * recording looks like a right-handed worker's: a model trained on right-handed workers can
 * serve left-handed ones.
 *
 * <p>Channel names and order, timestamps, labels, ground truth and stream gaps are unchanged. The mirrored
 * recording gets a note naming the transform, the channels kept unmirrored for want of a
 * counterpart, and, when the dominant hand was known, {@code dominant hand now <hand>_wrist}
 * (so {@link Handedness#of} reads the new side).
 */
public final class HandMirroring {

    /** Every note this transform writes starts with this. */
    public static final String NOTE_PREFIX = "mirrored left/right";

    private HandMirroring() {
    }

    /**
     * The mirror image of {@code recording} (new sample arrays; the input is not modified).
     *
     * @throws IllegalArgumentException if a channel name is not {@code <position>/<sensor>_<axis>}
     */
    public static Recording mirror(Recording recording) {
        MirrorMap map = MirrorMap.of(recording.channels());
        int n = recording.sampleCount();
        float[][] values = new float[map.size()][];
        for (int c = 0; c < map.size(); c++) {
            float[] from = recording.channel(map.source(c));
            float s = map.sign(c);
            float[] to = new float[n];
            for (int i = 0; i < n; i++) {
                to[i] = s * from[i];
            }
            values[c] = to;
        }
        List<String> notes = new ArrayList<>(recording.notes());
        notes.add(note(map, Handedness.of(recording)));
        return recording.withChannels(recording.channels(), values, notes);
    }

    /** The note added to a mirrored recording. */
    static String note(MirrorMap map, Handedness before) {
        StringBuilder sb = new StringBuilder(NOTE_PREFIX).append(": hands' channels swapped and lateral axes"
                + " sign-flipped (acc y; gyro, mag, quat x and z)");
        if (before != Handedness.UNKNOWN) {
            sb.append(", so the dominant hand now ").append(before.opposite().wristPosition());
        }
        if (!map.unpaired().isEmpty()) {
            sb.append("; kept unmirrored, no counterpart: ").append(String.join(" ", map.unpaired()));
        }
        if (!map.unknownAxes().isEmpty()) {
            sb.append("; kept unchanged, no mirror rule for their axes: ").append(String.join(" ", map.unknownAxes()));
        }
        return sb.toString();
    }
}
