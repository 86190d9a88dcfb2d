package org.tsak.data;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.tsak.config.DataConfig;
import org.tsak.data.hands.HandMirroring;
import org.tsak.data.hands.Handedness;
import org.tsak.data.hands.HandednessPolicy;
import org.tsak.data.window.ChannelView;
import org.tsak.data.window.LeaveOneSubjectOutSplitter;
import org.tsak.data.window.SessionSplitter;
import org.tsak.data.window.Split;
import org.tsak.data.window.SubjectSplitter;
import org.tsak.data.window.TimeBlockSplitter;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.WindowSpec;
import org.tsak.data.window.Windower;
import org.tsak.data.window.ZScore;

/**
 * The data side of a run, ready for the models: recordings read per the config, windows,
 * the split(s), per-channel z-score fitted on each split's training windows, and the teacher
 * (all channels) and student (one wrist accelerometer) channel views.
 *
 * <p>Handedness ({@code data.handedness}, {@code data.studentHand}; see {@link HandednessPolicy})
 * is applied to the recordings right after reading: with {@code mirror-to-right} the
 * recordings of left-handed workers are mirrored left/right for every consumer (teacher,
 * semantic classifier, students, baselines, evaluation); with {@code studentHand: dominant}
 * derived {@code dominant_wrist/acc_*} channels are added, which only the student reads.
 *
 * @param recordings  the recordings read, after the handedness policy
 * @param windows     all windows
 * @param folds       one split, or one per subject for leave-one-subject-out
 * @param teacherView all channels (but derived {@code dominant_wrist/*} ones)
 * @param studentView the student's wrist accelerometer
 * @param fingerprint SHA-256 over the recordings' fingerprints and the window layout
 */
public record PreparedData(List<Recording> recordings, WindowSet windows, List<Split> folds,
        ChannelView teacherView, ChannelView studentView, String fingerprint) {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PreparedData.class);

    /** Reads and windows per the config; {@code seed} drives the simulator. */
    public static PreparedData prepare(DataConfig config, long seed) throws IOException {
        List<Recording> recordings = read(config, seed);
        for (Recording r : recordings) {
            for (String note : r.notes()) {
                if (note.startsWith("synthetic:")) {
                    LOG.debug("{}: {}", r.key(), note); // the simulator's description, not a flaw
                } else {
                    LOG.warn("{}: {}", r.key(), note); // a flaw of the data and the repair made
                }
            }
        }
        if (recordings.isEmpty()) {
            throw new IllegalArgumentException("data: no recordings found for source " + config.source()
                    + (config.path() == null ? "" : " at " + config.path()));
        }
        // handedness first, so teacher, students and baselines all see the same (mirrored) data
        recordings = HandednessPolicy.apply(recordings, config.handedness(), config.studentHand());
        for (Recording r : recordings) {
            for (String note : r.notes()) {
                if (note.startsWith(HandMirroring.NOTE_PREFIX)) {
                    LOG.info("{}: {}", r.key(), note);
                }
            }
            if (config.handedness().equals("mirror-to-right") && Handedness.of(r) == Handedness.UNKNOWN) {
                LOG.warn("{}: data.handedness mirror-to-right, but the recording does not say which hand is"
                        + " dominant: kept as recorded", r.key());
            }
        }
        WindowSpec spec = new WindowSpec(config.window().seconds(), config.window().strideSeconds());
        WindowSet windows = new Windower(spec).window(recordings);
        if (windows.size() == 0) {
            throw new IllegalArgumentException("data.window: no windows of " + spec.windowSeconds()
                    + " s fit the recordings");
        }
        List<String> channels = windows.channels();
        ChannelView student;
        try {
            student = HandednessPolicy.studentView(channels, config.studentHand());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data.studentHand: the student needs the "
                    + config.studentHand() + " wrist accelerometer, but " + e.getMessage(), e);
        }
        List<Split> folds = split(config.split(), windows);
        return new PreparedData(List.copyOf(recordings), windows, folds, HandednessPolicy.teacherView(channels),
                student, fingerprint(recordings, spec));
    }

    /** Reads the recordings the config names, with the {@link DatasetSources registered} source of {@code data.source}. */
    public static List<Recording> read(DataConfig config, long seed) throws IOException {
        return DatasetSources.registered().read(config, seed);
    }

    private static List<Split> split(DataConfig.SplitSettings s, WindowSet windows) {
        return switch (s.kind()) {
            case "subject" -> List.of(new SubjectSplitter(s.train(), s.validation(), s.test(), lastBoxes(s)).split(windows));
            case "session" -> List.of(new SessionSplitter(s.train(), s.validation(), s.test(), lastBoxes(s)).split(windows));
            case "time-blocks" -> List.of(s.boxes() != null
                    ? TimeBlockSplitter.byBoxes(boxRange("train", s.boxes().train()),
                            boxRange("validation", s.boxes().validation()),
                            boxRange("test", s.boxes().test())).split(windows)
                    : TimeBlockSplitter.byFractions(s.fractions().get(0), s.fractions().get(1),
                            s.fractions().get(2)).split(windows));
            case "leave-one-subject-out" -> new LeaveOneSubjectOutSplitter().folds(windows);
            case "leave-one-session-out" -> new org.tsak.data.window.LeaveOneSessionOutSplitter().folds(windows);
            default -> throw new IllegalArgumentException("data.split.kind: unknown value '" + s.kind() + "'");
        };
    }

    private static int lastBoxes(DataConfig.SplitSettings s) {
        return s.validationLastBoxes() == null ? 0 : s.validationLastBoxes();
    }

    private static TimeBlockSplitter.BoxRange boxRange(String part, String text) {
        int[] r = DataConfig.BoxRanges.parse("data.split.boxes." + part, text);
        return new TimeBlockSplitter.BoxRange(r[0], r[1]);
    }

    /** Z-score fitted on a fold's training windows. */
    public ZScore normalisation(Split fold) {
        return ZScore.fit(windows, fold.train());
    }

    private static String fingerprint(List<Recording> recordings, WindowSpec spec) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Recording r : recordings) {
                md.update(r.fingerprint().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            md.update(spec.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
