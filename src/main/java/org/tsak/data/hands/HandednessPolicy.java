package org.tsak.data.hands;

import java.util.ArrayList;
import java.util.List;

import org.tsak.data.ChannelName;
import org.tsak.data.Recording;
import org.tsak.data.window.ChannelView;

/**
 * What a run does about handedness, applied to the recordings before windowing, so every
 * consumer (teacher, semantic classifier, students, baselines, evaluation) sees the same data:
 *
 * <ul>
 * <li>{@code data.handedness: as-recorded} (default) keeps the recordings as they are;
 *     {@code mirror-to-right} replaces every recording whose dominant hand is the left one
 *     ({@link Handedness#of}) by its mirror image ({@link HandMirroring}), so that the right
 *     hand is the dominant one everywhere. Recordings that do not say are kept.</li>
 * <li>{@code data.studentHand: right | left} (default right): the student reads that wrist's
 *     accelerometer. {@code dominant}: the student reads the dominant wrist's accelerometer of
 *     each recording, seen as a right wrist: three channels {@code dominant_wrist/acc_x, _y, _z}
 *     are added to every recording, a copy of {@code right_wrist/acc_*}, or of
 *     {@code left_wrist/acc_*} with {@code acc_y} sign-flipped ({@link MirrorMap}) when the left
 *     hand is dominant. The teacher never sees these derived channels
 *     ({@link #teacherView(List)}). Every recording must then say its dominant hand.</li>
 * </ul>
 * A model trained on mirrored or dominant-wrist data expects such input when deployed: a
 * left-handed user's live stream needs the same mirroring.
 */
public final class HandednessPolicy {

    /** Valid values of {@code data.handedness}. */
    public static final List<String> HANDEDNESS = List.of("as-recorded", "mirror-to-right");

    /** Valid values of {@code data.studentHand}. */
    public static final List<String> STUDENT_HANDS = List.of("right", "left", "dominant");

    /** Position of the derived dominant-wrist channels. */
    public static final String DOMINANT_WRIST = "dominant_wrist";

    private static final List<String> AXES = List.of("x", "y", "z");

    private HandednessPolicy() {
    }

    /**
     * Applies {@code handedness} to each recording, then, for {@code studentHand = dominant},
     * adds the dominant-wrist accelerometer channels.
     *
     * @param handedness  {@code as-recorded} or {@code mirror-to-right}
     * @param studentHand {@code right}, {@code left} or {@code dominant}
     * @throws IllegalArgumentException naming the config key and the recording: an unknown
     *                                  value, a dominant-wrist student on a recording that
     *                                  does not say its dominant hand or lacks that wrist's
     *                                  accelerometer
     */
    public static List<Recording> apply(List<Recording> recordings, String handedness, String studentHand) {
        if (!HANDEDNESS.contains(handedness)) {
            throw new IllegalArgumentException("data.handedness: unknown value '" + handedness + "'; valid: "
                    + HANDEDNESS);
        }
        if (!STUDENT_HANDS.contains(studentHand)) {
            throw new IllegalArgumentException("data.studentHand: unknown value '" + studentHand + "'; valid: "
                    + STUDENT_HANDS);
        }
        List<Recording> out = new ArrayList<>(recordings.size());
        for (Recording r : recordings) {
            Recording x = handedness.equals("mirror-to-right") && Handedness.of(r) == Handedness.LEFT
                    ? HandMirroring.mirror(r) : r;
            out.add(studentHand.equals("dominant") ? withDominantWrist(x) : x);
        }
        return List.copyOf(out);
    }

    /**
     * The recording with three more channels, {@code dominant_wrist/acc_x, _y, _z}: the
     * dominant wrist's accelerometer as a right wrist's (the left wrist's with {@code acc_y}
     * sign-flipped).
     *
     * @throws IllegalArgumentException if the recording does not say its dominant hand, lacks
     *                                  that wrist's accelerometer, or already has the channels
     */
    public static Recording withDominantWrist(Recording r) {
        Handedness hand = Handedness.of(r);
        if (hand == Handedness.UNKNOWN) {
            throw new IllegalArgumentException("data.studentHand: 'dominant' needs every recording to say which"
                    + " hand is dominant, but " + r.key() + " does not (OpenPack has no such field; a CSV"
                    + " recording says it with '# dominant_hand: left' or 'right'); use studentHand right or left");
        }
        List<String> channels = new ArrayList<>(r.channels());
        float[][] values = new float[channels.size() + AXES.size()][];
        for (int c = 0; c < channels.size(); c++) {
            values[c] = r.channel(c);
        }
        for (int a = 0; a < AXES.size(); a++) {
            ChannelName from = new ChannelName(hand.wristPosition(), "acc", AXES.get(a));
            int idx = r.channelIndex(from.toString());
            if (idx < 0) {
                throw new IllegalArgumentException("data.studentHand: 'dominant' reads " + from + " in "
                        + r.key() + " (dominant hand " + hand.word() + "), but the recording has no such channel;"
                        + " channels: " + r.channels());
            }
            String name = new ChannelName(DOMINANT_WRIST, "acc", AXES.get(a)).toString();
            if (r.channelIndex(name) >= 0) {
                throw new IllegalArgumentException(r.key() + " already has a channel " + name);
            }
            float sign = hand == Handedness.LEFT ? MirrorMap.axisSign(from) : 1f;
            float[] src = r.channel(idx);
            float[] copy = new float[src.length];
            for (int i = 0; i < src.length; i++) {
                copy[i] = sign * src[i];
            }
            channels.add(name);
            values[channels.size() - 1] = copy;
        }
        return r.withChannels(channels, values, r.notes());
    }

    /** Every channel except the derived {@code dominant_wrist/*} ones: the teacher's input. */
    public static ChannelView teacherView(List<String> channels) {
        List<String> wanted = new ArrayList<>();
        for (String c : channels) {
            if (!ChannelName.parse(c).position().equals(DOMINANT_WRIST)) {
                wanted.add(c);
            }
        }
        return wanted.size() == channels.size() ? ChannelView.all(channels) : ChannelView.of(channels, wanted);
    }

    /**
     * The student's 3-axis accelerometer: {@code <studentHand>_wrist/acc_x, _y, _z}.
     *
     * @throws IllegalArgumentException if {@code studentHand} is not one of {@link #STUDENT_HANDS}
     *                                  or the channels are missing (listing the available ones)
     */
    public static ChannelView studentView(List<String> channels, String studentHand) {
        if (!STUDENT_HANDS.contains(studentHand)) {
            throw new IllegalArgumentException("data.studentHand: unknown value '" + studentHand + "'; valid: "
                    + STUDENT_HANDS);
        }
        String p = studentHand + "_wrist/acc_";
        return ChannelView.of(channels, List.of(p + "x", p + "y", p + "z"));
    }
}
