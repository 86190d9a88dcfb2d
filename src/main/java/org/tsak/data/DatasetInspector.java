package org.tsak.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.tsak.data.csv.CsvRecordingFormat;
import org.tsak.data.csv.CsvRecordingReader;
import org.tsak.data.openpack.OpenPackOptions;
import org.tsak.data.openpack.OpenPackReader;
import org.tsak.data.openpack.OpenPackSensor;

/**
 * Reads what a dataset holds for {@code tsak data inspect}, session by session, so that one
 * broken session does not hide the others: a selected OpenPack stream whose file is missing, or
 * that holds no data (all-zero quaternions), is left out of its session with a note
 * ({@link OpenPackOptions#skipUnavailable()}); a session (or CSV file) that cannot be read at all is
 * listed as a problem with the reader's message, and the rest is read.
 *
 * <p>Training reads strictly instead ({@link PreparedData}): there a missing stream is an error.
 */
public final class DatasetInspector {

    /**
     * What was read.
     *
     * @param format     the dataset's format
     * @param recordings every session that could be read
     * @param leftOut    recording key to the selected OpenPack sensor keys left out of it
     * @param problems   one line per session or file that could not be read, naming it
     * @param roots      OpenPack roots found (empty for CSV)
     */
    public record Inventory(DatasetFormat format, List<Recording> recordings, Map<String, List<String>> leftOut,
            List<String> problems, List<Path> roots) {

        /** Copies. */
        public Inventory {
            recordings = List.copyOf(recordings);
            leftOut = Map.copyOf(leftOut);
            problems = List.copyOf(problems);
            roots = List.copyOf(roots);
        }
    }

    private final List<OpenPackSensor> sensors;

    /**
     * An inspector of the given OpenPack streams.
     *
     * @param sensorKeys OpenPack sensor keys as in {@code data.sensors} (e.g. {@code atr01/acc});
     *                   empty = all
     * @throws IllegalArgumentException naming the valid keys if one is unknown or repeated
     */
    public DatasetInspector(List<String> sensorKeys) {
        List<OpenPackSensor> s = new ArrayList<>();
        for (String k : sensorKeys) {
            s.add(OpenPackSensor.parse(k));
        }
        this.sensors = s.isEmpty() ? OpenPackSensor.all() : List.copyOf(s);
        new OpenPackOptions(this.sensors, List.of(), List.of()); // checks repeats
    }

    /** True unless the inspector was given a sensor selection. */
    private boolean allSensors() {
        return sensors.equals(OpenPackSensor.all());
    }

    /**
     * Reads what {@code path} holds.
     *
     * @throws DataFormatException      if the path is not a dataset at all
     * @throws IllegalArgumentException if a sensor selection is given for CSV recordings
     * @throws IOException              if a folder cannot be listed
     */
    public Inventory read(Path path) throws IOException {
        DatasetFormat format = DatasetFormat.detect(path);
        return format == DatasetFormat.OPENPACK ? readOpenPack(path) : readCsv(path);
    }

    private Inventory readOpenPack(Path path) throws IOException {
        List<Path> roots = DatasetFormat.openPackRoot(path) != null ? List.of(DatasetFormat.openPackRoot(path))
                : DatasetFormat.openPackRoots(path);
        OpenPackReader reader = new OpenPackReader(new OpenPackOptions(sensors, List.of(), List.of())
                .withSkipUnavailable(true));
        List<Recording> recordings = new ArrayList<>();
        Map<String, List<String>> leftOut = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path root : roots) {
            List<OpenPackReader.Session> sessions;
            try {
                sessions = reader.sessions(root);
            } catch (DataFormatException e) {
                problems.add(root + ": " + e.getMessage());
                continue;
            }
            for (OpenPackReader.Session s : sessions) {
                Recording r;
                try {
                    r = reader.read(s);
                } catch (DataFormatException e) {
                    problems.add(s.key() + ": not read: " + e.getMessage());
                    continue;
                }
                recordings.add(r);
                List<String> out = leftOutOf(r);
                if (!out.isEmpty()) {
                    leftOut.put(r.key(), out);
                }
            }
        }
        return new Inventory(DatasetFormat.OPENPACK, recordings, leftOut, problems, roots);
    }

    private List<String> leftOutOf(Recording r) {
        Set<String> channels = new LinkedHashSet<>(r.channels());
        List<String> out = new ArrayList<>();
        for (OpenPackSensor s : sensors) {
            if (!channels.containsAll(s.channelNames())) {
                out.add(s.key());
            }
        }
        return out;
    }

    private Inventory readCsv(Path path) throws IOException {
        if (!allSensors()) {
            throw new IllegalArgumentException("a sensor selection applies to OpenPack datasets (keys such as"
                    + " atr01/acc); " + path + " holds CSV recordings, whose channels are all read");
        }
        List<Path> files;
        if (Files.isRegularFile(path)) {
            files = List.of(path);
        } else {
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(CsvRecordingFormat.EXTENSION)
                        && Files.isRegularFile(p)).sorted().toList();
            }
        }
        CsvRecordingReader reader = new CsvRecordingReader();
        List<Recording> recordings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Path> keys = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                Recording r = reader.readFile(f);
                Path other = keys.putIfAbsent(r.key(), f);
                if (other != null) {
                    problems.add(f + ": subject and session " + r.key() + " repeat " + other.getFileName()
                            + "; not read twice");
                    continue;
                }
                recordings.add(r);
            } catch (DataFormatException e) {
                problems.add(f.getFileName() + ": not read: " + e.getMessage());
            }
        }
        return new Inventory(DatasetFormat.CSV, recordings, Map.of(), problems, List.of());
    }
}
