package org.tsak.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tsak.data.openpack.OpenPackOptions;
import org.tsak.data.openpack.OpenPackSensor;

/**
 * Reads what a dataset holds for {@code tsak data inspect}, session by session, so that one
 * broken session does not hide the others: the source whose format the path holds
 * ({@link DatasetSources#detect}) reads it with {@link DatasetSource#inspect}. A selected OpenPack
 * stream whose file is missing, or that holds no data (all-zero quaternions), is left out of its
 * session with a note ({@link OpenPackOptions#skipUnavailable()}); a session (or CSV file) that
 * cannot be read at all is listed as a problem with the reader's message, and the rest is read.
 *
 * <p>Training reads strictly instead ({@link PreparedData}): there a missing stream is an error.
 */
public final class DatasetInspector {

    /**
     * What was read.
     *
     * @param source     the name of the dataset's source ({@code data.source}), e.g. {@code openpack}
     * @param recordings every session that could be read
     * @param leftOut    recording key to the selected OpenPack sensor keys left out of it
     * @param problems   one line per session or file that could not be read, naming it
     * @param roots      OpenPack roots found (empty for CSV)
     */
    public record Inventory(String source, List<Recording> recordings, Map<String, List<String>> leftOut,
            List<String> problems, List<Path> roots) {

        /** Copies. */
        public Inventory {
            recordings = List.copyOf(recordings);
            leftOut = Map.copyOf(leftOut);
            problems = List.copyOf(problems);
            roots = List.copyOf(roots);
        }
    }

    private final List<String> sensorKeys;

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
        new OpenPackOptions(s.isEmpty() ? OpenPackSensor.all() : s, List.of(), List.of()); // checks repeats
        // every stream named is the same as none named: no selection
        this.sensorKeys = s.isEmpty() || s.equals(OpenPackSensor.all()) ? List.of() : List.copyOf(sensorKeys);
    }

    /**
     * Reads what {@code path} holds.
     *
     * @throws DataFormatException      if the path is not a dataset at all
     * @throws IllegalArgumentException if a sensor selection is given for a source that takes none (CSV)
     * @throws IOException              if a folder cannot be listed
     */
    public Inventory read(Path path) throws IOException {
        return DatasetSources.registered().detect(path).inspect(path, sensorKeys);
    }
}
