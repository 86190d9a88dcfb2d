package org.tsak.data.openpack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tsak.data.DataFormatException;
import org.tsak.data.Recording;
import org.tsak.data.SecondLabels;

/**
 * Reads one session of one user folder into a {@link Recording} on one clock.
 *
 * <p>The clock is the first selected stream in {@link OpenPackSensor} order (so atr01 whenever
 * one of its streams is selected; an E4 stream only when no ATR stream is), after
 * {@link StreamRepair}; its sampling rate is the measured median rate. Other ATR streams are
 * aligned on time, taking the nearest sample within half a clock period and interpolating
 * linearly otherwise; E4 streams are linearly interpolated on time. Clock samples outside
 * another stream's span get its edge value and a note.
 */
final class OpenPackSessionReader {

    private final OpenPackOptions options;

    OpenPackSessionReader(OpenPackOptions options) {
        this.options = options;
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

        // one read per source file, columns of all selected streams of that file
        Map<String, List<OpenPackSensor>> bySource = new LinkedHashMap<>();
        Set<OpenPackSensor> selected = EnumSet.copyOf(options.sensors());
        for (OpenPackSensor s : selected) {
            bySource.computeIfAbsent(s.folder(), f -> new ArrayList<>()).add(s);
        }
        Map<String, SensorStream> streams = new LinkedHashMap<>();
        for (Map.Entry<String, List<OpenPackSensor>> e : bySource.entrySet()) {
            List<OpenPackSensor> sensors = e.getValue();
            Path file = userDir.resolve(e.getKey()).resolve(fileName);
            if (!Files.isRegularFile(file)) {
                throw new DataFormatException(file, "missing file for selected sensor(s) "
                        + keys(sensors) + " of session " + user + "/" + session + "; expected "
                        + e.getKey() + "/" + fileName + " under " + userDir
                        + " (restore it or deselect the sensor(s))");
            }
            List<String> columns = new ArrayList<>();
            for (OpenPackSensor s : sensors) {
                columns.addAll(s.fileColumns());
            }
            String timeColumn = sensors.get(0).timeColumn();
            NumericCsv csv = NumericCsv.read(file, timeColumn, columns);
            checkScaledFinite(csv, sensors);
            String label = user + "/" + e.getKey() + "/" + fileName;
            streams.put(e.getKey(), StreamRepair.clean(csv, label, timeColumn, notes));
        }

        SensorStream clock = streams.values().iterator().next();
        long[] times = clock.timesMs();
        int n = times.length;
        double periodMs = clock.medianPeriodMs();
        double samplingRateHz = 1000.0 / periodMs;

        List<String> channels = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        Set<SensorStream> heldNoted = new HashSet<>();
        for (OpenPackSensor s : options.sensors()) {
            SensorStream src = streams.get(s.folder());
            List<String> cols = s.fileColumns();
            float[][] sourceCols = new float[cols.size()][];
            for (int k = 0; k < cols.size(); k++) {
                sourceCols[k] = src.column(src.columnIndex(cols.get(k)));
            }
            float[][] out;
            if (src == clock) {
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
                double snapMs = s.isAtr() ? periodMs / 2 : 0;
                ClockAligner.Coverage cov = ClockAligner.align(times, src.timesMs(), sourceCols, out, snapMs,
                        s.scale());
                if (!cov.complete() && heldNoted.add(src)) {
                    notes.add(src.label() + ": covers " + src.timesMs()[0] + ".."
                            + src.timesMs()[src.size() - 1] + " ms, the clock (" + clock.label() + ") "
                            + times[0] + ".." + times[n - 1] + " ms; held its first value for "
                            + cov.heldBefore() + " and its last value for " + cov.heldAfter()
                            + " clock sample(s)");
                }
            }
            channels.addAll(s.channelNames());
            for (float[] col : out) {
                values.add(col);
            }
        }

        Path segmentsFile = userDir.resolve("annotation/openpack-operations").resolve(fileName);
        if (!Files.isRegularFile(segmentsFile)) {
            throw new DataFormatException(segmentsFile, "missing operation annotation of session " + user
                    + "/" + session + "; expected annotation/openpack-operations/" + fileName + " under "
                    + userDir + " (restore it or leave the session out with the sessions filter)");
        }
        int[] labels = new int[n];
        int[] boxes = new int[n];
        OperationSegments.read(segmentsFile).label(times, labels, boxes);

        Path secondsFile = userDir.resolve("annotation/openpack-operations-1hz").resolve(fileName);
        SecondLabels truth;
        if (Files.isRegularFile(secondsFile)) {
            truth = GroundTruthFile.read(secondsFile);
        } else {
            truth = SecondLabels.fromSamples(times, labels);
            notes.add(user + "/annotation/openpack-operations-1hz/" + fileName
                    + " is missing; derived the 1 Hz ground truth from the operation segments"
                    + " (label of the first sample of each second)");
        }
        return new Recording(subjectId, sessionId, samplingRateHz, times, channels,
                values.toArray(new float[0][]), labels, boxes, truth, notes);
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

    private static List<String> keys(List<OpenPackSensor> sensors) {
        List<String> out = new ArrayList<>();
        for (OpenPackSensor s : sensors) {
            out.add(s.key());
        }
        return out;
    }
}
