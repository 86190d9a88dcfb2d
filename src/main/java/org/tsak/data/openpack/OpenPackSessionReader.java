package org.tsak.data.openpack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tsak.data.DataFormatException;
import org.tsak.data.Recording;
import org.tsak.data.SecondLabels;
import org.tsak.data.StreamGap;

/**
 * Reads one session of one user folder into a {@link Recording} on one clock.
 *
 * <p><b>Clock.</b> By default the clock is the first selected stream in {@link OpenPackSensor}
 * order (so atr01 whenever one of its streams is selected; an E4 stream only when no ATR stream
 * is), after {@link StreamRepair}; its sampling rate is the measured median rate. Other ATR
 * streams are aligned on time, taking the nearest sample within half a clock period and
 * interpolating linearly otherwise; E4 streams are linearly interpolated on time. With
 * {@link OpenPackOptions#clockRateHz()} the clock is a uniform grid at that rate over the first
 * selected stream's span ({@code t0 + round(i * 1000 / rate)} ms) and every stream, the first one
 * too, is linearly interpolated onto it.
 *
 * <p><b>Gaps.</b> Clock samples outside another stream's span get its edge value and a note. Those
 * spans and every gap of a stream merged onto the clock (an interval over
 * {@link StreamRepair#GAP_PERIODS} of its median intervals) become the recording's
 * {@link Recording#streamGaps()}, so that windows spanning them are dropped like windows spanning
 * a gap of the clock itself.
 *
 * <p><b>Labels.</b> Release v1.0.0 ({@link OpenPackRelease}): per-sample labels and boxes from the
 * operation segments ({@link OperationSegments}), ground truth from the 1 Hz file or, without it,
 * derived from the samples. Release v0.3.0: labels, boxes and ground truth from the per-second
 * file ({@link ActivitySecondsFile}).
 *
 * <p><b>Unavailable streams.</b> A selected stream without a file, or an orientation stream whose
 * quaternions are all zero (no orientation: release v0.3.0), fails the session with one error that
 * names every such stream and the streams that are there, unless
 * {@link OpenPackOptions#skipUnavailable()}: then it is left out of the recording with a note.
 */
final class OpenPackSessionReader {

    private final OpenPackOptions options;

    OpenPackSessionReader(OpenPackOptions options) {
        this.options = options;
    }

    /** A selected stream that is not there: its file is missing or it holds no data. */
    private record Unavailable(OpenPackSensor sensor, Path file, String why) {
    }

    /**
     * Reads a session.
     *
     * @param userDir   the user folder, e.g. {@code .../v1.0.0/U0209}
     * @param session   session id, e.g. {@code S0500}
     * @param subjectId subject id for the recording
     * @param sessionId session id for the recording
     * @param notes     notes so far (e.g. on the subject mapping); repairs are added
     */
    Recording read(Path userDir, String session, String subjectId, String sessionId, List<String> notes)
            throws IOException {
        String user = userDir.getFileName().toString();
        String fileName = session + ".csv";
        OpenPackRelease release = OpenPackRelease.of(userDir, session);

        // one read per source file, columns of all selected streams of that file
        Map<String, List<OpenPackSensor>> bySource = new LinkedHashMap<>();
        Set<OpenPackSensor> selected = EnumSet.copyOf(options.sensors());
        for (OpenPackSensor s : selected) {
            bySource.computeIfAbsent(s.folder(), f -> new ArrayList<>()).add(s);
        }
        List<Unavailable> unavailable = new ArrayList<>();
        Map<String, SensorStream> streams = new LinkedHashMap<>();
        for (Map.Entry<String, List<OpenPackSensor>> e : bySource.entrySet()) {
            List<OpenPackSensor> sensors = e.getValue();
            Path file = userDir.resolve(e.getKey()).resolve(fileName);
            if (!Files.isRegularFile(file)) {
                for (OpenPackSensor s : sensors) {
                    unavailable.add(new Unavailable(s, file, "missing file " + e.getKey() + "/" + fileName));
                }
                continue;
            }
            List<String> columns = new ArrayList<>();
            for (OpenPackSensor s : sensors) {
                columns.addAll(s.fileColumns());
            }
            String timeColumn = sensors.get(0).timeColumn();
            NumericCsv csv = NumericCsv.read(file, timeColumn, columns);
            checkScaledFinite(csv, sensors);
            String label = user + "/" + e.getKey() + "/" + fileName;
            SensorStream stream = StreamRepair.clean(csv, label, timeColumn, notes);
            streams.put(e.getKey(), stream);
            for (OpenPackSensor s : sensors) {
                if (s.isQuaternion() && allZero(stream, s)) {
                    unavailable.add(new Unavailable(s, file, "every quaternion of " + e.getKey() + "/" + fileName
                            + " is (0, 0, 0, 0): no orientation data"
                            + (release == OpenPackRelease.V0_3_0 ? " (release v0.3.0 records none)" : "")));
                }
            }
        }
        List<OpenPackSensor> used = new ArrayList<>(options.sensors());
        if (!unavailable.isEmpty()) {
            if (!options.skipUnavailable() || unavailable.size() == options.sensors().size()) {
                throw unavailableError(user, session, userDir, unavailable, release);
            }
            for (Unavailable u : unavailable) {
                used.remove(u.sensor());
                notes.add(u.sensor().key() + ": " + u.why() + "; left out of this session");
            }
        }

        SensorStream first = streams.get(used.get(0).folder());
        Double rate = options.clockRateHz();
        long[] times = rate == null ? first.timesMs() : uniformClock(first.timesMs(), rate);
        int n = times.length;
        double periodMs = rate == null ? first.medianPeriodMs() : 1000.0 / rate;
        double samplingRateHz = rate == null ? 1000.0 / periodMs : rate;
        String clockLabel = rate == null ? first.label()
                : String.format(Locale.ROOT, "a uniform %s Hz grid over %s", StreamRepair.fmt(rate), first.label());

        List<String> channels = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        List<StreamGap> gaps = new ArrayList<>();
        Set<SensorStream> merged = new HashSet<>();
        for (OpenPackSensor s : used) {
            SensorStream src = streams.get(s.folder());
            List<String> cols = s.fileColumns();
            float[][] sourceCols = new float[cols.size()][];
            for (int k = 0; k < cols.size(); k++) {
                sourceCols[k] = src.column(src.columnIndex(cols.get(k)));
            }
            float[][] out;
            if (src == first && rate == null) {
                out = sourceCols;
                if (s.scale() != 1f) {
                    for (float[] col : out) {
                        for (int i = 0; i < n; i++) {
                            col[i] *= s.scale();
                        }
                    }
                }
            } else {
                out = new float[cols.size()][n];
                double snapMs = s.isAtr() && rate == null ? periodMs / 2 : 0;
                ClockAligner.Coverage cov = ClockAligner.align(times, src.timesMs(), sourceCols, out, snapMs,
                        s.scale());
                if (merged.add(src)) {
                    addGaps(src, s.sourceName(), cov, clockLabel, times, gaps, notes);
                }
            }
            channels.addAll(s.channelNames());
            for (float[] col : out) {
                values.add(col);
            }
        }

        int[] labels = new int[n];
        int[] boxes = new int[n];
        SecondLabels truth = release == OpenPackRelease.V0_3_0
                ? labelBySeconds(userDir, session, times, labels, boxes, notes)
                : labelBySegments(userDir, session, times, labels, boxes, notes);
        return new Recording(subjectId, sessionId, samplingRateHz, times, channels,
                values.toArray(new float[0][]), labels, boxes, truth, notes, gaps);
    }

    /** The stream's gaps and held edges as {@link StreamGap}s, with a note on held edges. */
    private static void addGaps(SensorStream src, String name, ClockAligner.Coverage cov, String clockLabel,
            long[] times, List<StreamGap> gaps, List<String> notes) {
        long[] st = src.timesMs();
        if (cov.heldBefore() > 0) {
            gaps.add(StreamGap.heldBefore(name, st[0]));
        }
        gaps.addAll(StreamRepair.gaps(st, src.medianPeriodMs(), name));
        if (cov.heldAfter() > 0) {
            gaps.add(StreamGap.heldAfter(name, st[st.length - 1]));
        }
        if (!cov.complete()) {
            notes.add(src.label() + ": covers " + st[0] + ".." + st[st.length - 1] + " ms, the clock ("
                    + clockLabel + ") " + times[0] + ".." + times[times.length - 1] + " ms; held its first value for "
                    + cov.heldBefore() + " and its last value for " + cov.heldAfter()
                    + " clock sample(s); windows spanning them are dropped");
        }
    }

    /** {@code t0 + round(i * 1000 / rate)} for every such time up to the last of {@code span}. */
    private static long[] uniformClock(long[] span, double rateHz) {
        long t0 = span[0];
        long last = span[span.length - 1];
        double periodMs = 1000.0 / rateHz;
        int n = (int) Math.floor((last - t0) / periodMs) + 1;
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = t0 + Math.round(i * periodMs);
        }
        return t;
    }

    private static SecondLabels labelBySegments(Path userDir, String session, long[] times, int[] labels,
            int[] boxes, List<String> notes) throws IOException {
        String user = userDir.getFileName().toString();
        String fileName = session + ".csv";
        Path segmentsFile = OpenPackRelease.V1_0_0.labelFile(userDir, session);
        OperationSegments segments = OperationSegments.read(segmentsFile);
        String overlaps = segments.overlapNote(user + "/annotation/openpack-operations/" + fileName);
        if (overlaps != null) {
            notes.add(overlaps);
        }
        segments.label(times, labels, boxes);
        Path secondsFile = userDir.resolve("annotation/openpack-operations-1hz").resolve(fileName);
        if (Files.isRegularFile(secondsFile)) {
            return GroundTruthFile.read(secondsFile);
        }
        notes.add(user + "/annotation/openpack-operations-1hz/" + fileName
                + " is missing; derived the 1 Hz ground truth from the operation segments"
                + " (label of the first sample of each second)");
        return SecondLabels.fromSamples(times, labels);
    }

    private static SecondLabels labelBySeconds(Path userDir, String session, long[] times, int[] labels,
            int[] boxes, List<String> notes) throws IOException {
        String user = userDir.getFileName().toString();
        ActivitySecondsFile seconds = ActivitySecondsFile.read(OpenPackRelease.V0_3_0.labelFile(userDir, session));
        int unlisted = seconds.label(times, labels, boxes);
        notes.add(String.format(Locale.ROOT, "%s/%s: OpenPack release v0.3.0 layout: labels, boxes and ground truth"
                + " from annotation/activity-1s/%s.csv (%,d seconds, %d of them Null), each sample taking its"
                + " second's label (no operation segments in this release); %,d sample(s) in seconds the file"
                + " does not list are Null; v1.0.0 corrected these annotations, so scores are not strictly"
                + " comparable with v1.0.0 sessions", user, session, session, seconds.size(), seconds.nullSeconds(),
                unlisted));
        return seconds.groundTruth();
    }

    private static DataFormatException unavailableError(String user, String session, Path userDir,
            List<Unavailable> unavailable, OpenPackRelease release) {
        List<String> missing = new ArrayList<>();
        for (Unavailable u : unavailable) {
            missing.add(u.sensor().key() + " (" + u.why() + ")");
        }
        List<String> there = new ArrayList<>();
        for (OpenPackSensor s : OpenPackSensor.all()) {
            if (unavailable.stream().noneMatch(u -> u.sensor() == s)
                    && Files.isRegularFile(userDir.resolve(s.folder()).resolve(session + ".csv"))
                    && !(s.isQuaternion() && release == OpenPackRelease.V0_3_0)) {
                there.add(s.key());
            }
        }
        Unavailable firstMissing = unavailable.stream().filter(u -> u.why().startsWith("missing file")).findFirst()
                .orElse(unavailable.get(0));
        return new DataFormatException(firstMissing.file(), (firstMissing.why().startsWith("missing file")
                ? "missing file for selected sensor(s) " : "no data for selected sensor(s) ")
                + "of session " + user + "/" + session + " (release " + release.version() + " layout under "
                + userDir + "): " + String.join("; ", missing) + ". Restore it or deselect the sensor(s)"
                + " (data.sensors, or --sensors of tsak data inspect); streams available here: " + there);
    }

    private static boolean allZero(SensorStream stream, OpenPackSensor quat) {
        for (String c : quat.fileColumns()) {
            for (float v : stream.column(stream.columnIndex(c))) {
                if (v != 0f) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A value that is finite in the file but not once scaled ({@link OpenPackSensor#scale()}, E4
     * acc to G) fails naming its line, rather than reaching the recording as an infinity.
     */
    private static void checkScaledFinite(NumericCsv csv, List<OpenPackSensor> sensors) {
        int k = 0;
        for (OpenPackSensor s : sensors) {
            for (String column : s.fileColumns()) {
                float[] v = csv.column(k++);
                if (s.scale() == 1f) {
                    continue;
                }
                for (int row = 0; row < v.length; row++) {
                    if (!Float.isFinite(v[row] * s.scale())) {
                        throw new DataFormatException(csv.file(), NumericCsv.lineOf(row), column,
                                Float.toString(v[row]), "too large: scaled by " + s.scale() + " (to G) it leaves"
                                        + " the float range; fix or remove the row");
                    }
                }
            }
        }
    }
}
