package org.tsak.data.openpack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tsak.config.DataConfig;
import org.tsak.data.DataFormatException;
import org.tsak.data.DatasetInspector;
import org.tsak.data.DatasetSource;
import org.tsak.data.Recording;

/**
 * {@code data.source: openpack}: OpenPack roots (release v1.0.0 or v0.3.0) read by
 * {@link OpenPackReader}, the streams of {@code data.sensors} aligned onto the IMU clock (or
 * {@code data.window.samplingRateHz}).
 */
public final class OpenPackSource implements DatasetSource {

    @Override
    public String name() {
        return "openpack";
    }

    @Override
    public String description() {
        return "an OpenPack root holding U#### folders (release v1.0.0 or v0.3.0), or a folder holding several";
    }

    @Override
    public Match detect(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return Match.NONE;
        }
        if (OpenPackRoots.at(path) != null) {
            return Match.HOLDS;
        }
        return OpenPackRoots.below(path).isEmpty() ? Match.NONE : Match.BELOW;
    }

    @Override
    public List<Recording> read(DataConfig config, long seed) throws IOException {
        List<OpenPackSensor> sensors = new ArrayList<>();
        for (String s : config.sensors()) {
            sensors.add(OpenPackSensor.parse(s));
        }
        OpenPackOptions options = (sensors.isEmpty() ? OpenPackOptions.defaults()
                : OpenPackOptions.defaults().withSensors(sensors)).withClockRateHz(config.window().samplingRateHz());
        // every root (v1.0.0 or v0.3.0) under each of data.path / data.paths
        return new OpenPackReader(options).readAll(config.allPaths().stream().map(Path::of).toList());
    }

    /**
     * Reads every session of every root at or below {@code path}; a selected stream whose file is
     * missing, or that holds no data (all-zero quaternions), is left out of its session with a note
     * ({@link OpenPackOptions#skipUnavailable()}).
     */
    @Override
    public DatasetInspector.Inventory inspect(Path path, List<String> sensorKeys) throws IOException {
        List<OpenPackSensor> sensors = new ArrayList<>();
        for (String k : sensorKeys) {
            sensors.add(OpenPackSensor.parse(k));
        }
        if (sensors.isEmpty()) {
            sensors = OpenPackSensor.all();
        }
        Path root = OpenPackRoots.at(path);
        List<Path> roots = root != null ? List.of(root) : OpenPackRoots.below(path);
        OpenPackReader reader = new OpenPackReader(new OpenPackOptions(sensors, List.of(), List.of())
                .withSkipUnavailable(true));
        List<Recording> recordings = new ArrayList<>();
        Map<String, List<String>> leftOut = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path r0 : roots) {
            List<OpenPackReader.Session> sessions;
            try {
                sessions = reader.sessions(r0);
            } catch (DataFormatException e) {
                problems.add(r0 + ": " + e.getMessage());
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
                List<String> out = leftOutOf(r, sensors);
                if (!out.isEmpty()) {
                    leftOut.put(r.key(), out);
                }
            }
        }
        return new DatasetInspector.Inventory(name(), recordings, leftOut, problems, roots);
    }

    private static List<String> leftOutOf(Recording r, List<OpenPackSensor> sensors) {
        Set<String> channels = new LinkedHashSet<>(r.channels());
        List<String> out = new ArrayList<>();
        for (OpenPackSensor s : sensors) {
            if (!channels.containsAll(s.channelNames())) {
                out.add(s.key());
            }
        }
        return out;
    }
}
