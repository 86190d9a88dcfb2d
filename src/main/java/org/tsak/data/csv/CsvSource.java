package org.tsak.data.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.tsak.config.DataConfig;
import org.tsak.data.DataFormatException;
import org.tsak.data.DatasetInspector;
import org.tsak.data.DatasetSource;
import org.tsak.data.Recording;

/** {@code data.source: csv}: the project's CSV recordings (docs/DATA.md), read by {@link CsvRecordingReader}. */
public final class CsvSource implements DatasetSource {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "a .csv recording (docs/DATA.md) or a folder of them";
    }

    @Override
    public Match detect(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return isCsv(path) ? Match.HOLDS : Match.NONE;
        }
        if (!Files.isDirectory(path)) {
            return Match.NONE;
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.anyMatch(CsvSource::isCsv) ? Match.HOLDS : Match.NONE;
        }
    }

    private static boolean isCsv(Path p) {
        return p.getFileName().toString().endsWith(CsvRecordingFormat.EXTENSION);
    }

    @Override
    public List<Recording> read(DataConfig config, long seed) throws IOException {
        List<Recording> all = new ArrayList<>();
        for (String p : config.allPaths()) {
            all.addAll(new CsvRecordingReader().read(Path.of(p)));
        }
        return all;
    }

    /** Reads each file on its own: a file that cannot be read, or repeats a session, is a problem. */
    @Override
    public DatasetInspector.Inventory inspect(Path path, List<String> sensorKeys) throws IOException {
        if (!sensorKeys.isEmpty()) {
            throw new IllegalArgumentException("a sensor selection applies to OpenPack datasets (keys such as"
                    + " atr01/acc); " + path + " holds CSV recordings, whose channels are all read");
        }
        List<Path> files;
        if (Files.isRegularFile(path)) {
            files = List.of(path);
        } else {
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(p -> isCsv(p) && Files.isRegularFile(p)).sorted().toList();
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
        return new DatasetInspector.Inventory(name(), recordings, Map.of(), problems, List.of());
    }
}
