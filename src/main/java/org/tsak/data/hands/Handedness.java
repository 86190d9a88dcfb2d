package org.tsak.data.hands;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tsak.data.Recording;

/**
 * A recording's dominant hand, as the recording itself says: {@link #RIGHT}, {@link #LEFT} or
 * {@link #UNKNOWN}.
 *
 * <p>Read from {@link Recording#notes()}: the last note containing
 * {@code dominant hand right_wrist} or {@code dominant hand left_wrist} (optionally
 * {@code dominant hand now ...}) decides. Such notes come from
 * <ul>
 * <li>the simulator: {@code synthetic: FactorySimulator seed 42, W03 is left-handed (dominant
 *     hand left_wrist)};</li>
 * <li>a CSV recording's metadata {@code # dominant_hand: left}, which the CSV reader turns into
 *     the note {@link #note(Handedness, String)};</li>
 * <li>{@link HandMirroring}, whose note on a mirrored recording says
 *     {@code dominant hand now right_wrist} when it knew the hand before.</li>
 * </ul>
 * OpenPack recordings carry no such field: {@link #UNKNOWN}.
 */
public enum Handedness {
    /** The right hand is dominant. */
    RIGHT("right"),
    /** The left hand is dominant. */
    LEFT("left"),
    /** The recording does not say. */
    UNKNOWN("unknown");

    /** The optional CSV metadata key ({@code # dominant_hand: left}) the CSV reader turns into a note. */
    public static final String METADATA_KEY = "dominant_hand";

    private static final Pattern NOTE = Pattern.compile("dominant hand (?:now )?(right|left)_wrist");

    private final String word;

    Handedness(String word) {
        this.word = word;
    }

    /** The recording's dominant hand from its notes (the last note that says wins). */
    public static Handedness of(Recording recording) {
        return fromNotes(recording.notes());
    }

    /** The dominant hand the notes state (the last statement wins), or {@link #UNKNOWN}. */
    public static Handedness fromNotes(List<String> notes) {
        Handedness found = UNKNOWN;
        for (String note : notes) {
            Matcher m = NOTE.matcher(note);
            while (m.find()) {
                found = m.group(1).equals("right") ? RIGHT : LEFT;
            }
        }
        return found;
    }

    /**
     * Parses a metadata value: {@code right} or {@code left} (case-insensitive, surrounding
     * spaces ignored).
     *
     * @throws IllegalArgumentException for any other value, naming the valid ones
     */
    public static Handedness parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "right" -> RIGHT;
            case "left" -> LEFT;
            default -> throw new IllegalArgumentException("dominant hand '" + value
                    + "' is neither 'right' nor 'left'");
        };
    }

    /**
     * The note that records a dominant hand, e.g. {@code dominant hand left_wrist (metadata
     * dominant_hand: left)}; {@link #fromNotes} reads it back.
     *
     * @param source where the statement comes from, e.g. {@code metadata dominant_hand: left}
     * @throws IllegalStateException for {@link #UNKNOWN}
     */
    public static String note(Handedness hand, String source) {
        return "dominant hand " + hand.wristPosition() + " (" + source + ")";
    }

    /** {@code right}, {@code left} or {@code unknown}. */
    public String word() {
        return word;
    }

    /**
     * {@code right_wrist} or {@code left_wrist}.
     *
     * @throws IllegalStateException for {@link #UNKNOWN}
     */
    public String wristPosition() {
        if (this == UNKNOWN) {
            throw new IllegalStateException("the dominant hand is unknown, so is its wrist");
        }
        return word + "_wrist";
    }

    /** The other hand ({@link #UNKNOWN} stays unknown). */
    public Handedness opposite() {
        return this == RIGHT ? LEFT : this == LEFT ? RIGHT : UNKNOWN;
    }
}
