package org.tsak.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tsak.config.DataConfig;
import org.tsak.data.csv.CsvSource;
import org.tsak.data.openpack.OpenPackSource;
import org.tsak.data.sim.SimulatorSource;
import org.tsak.io.NamedRegistry;

/**
 * The one place where dataset sources are registered: each value of {@code data.source} and its
 * {@link DatasetSource}. Reading a run's data ({@link PreparedData}), detecting what a path holds
 * and {@code tsak data inspect} dispatch through it. Names are stable kebab-case; an unknown name
 * fails with the list of registered ones.
 *
 * <p>The config is validated below this package ({@code config} may not use {@code data}), so
 * {@link DataConfig#SOURCES} repeats the names for the early check when a config is loaded; the
 * registry refuses to start if the two lists differ.
 */
public final class DatasetSources {

    private static final DatasetSources REGISTERED = fill();

    private final NamedRegistry<DatasetSource> sources;

    private static DatasetSources fill() {
        DatasetSources registered = new DatasetSources(List.of(
                new SimulatorSource(),
                new OpenPackSource(),
                new CsvSource()));
        if (!registered.names().equals(DataConfig.SOURCES)) {
            throw new IllegalStateException("dataset sources registered " + registered.names()
                    + " but config/DataConfig.SOURCES accepts " + DataConfig.SOURCES + "; list the same names in both");
        }
        return registered;
    }

    /**
     * A registry of the given sources, in order (detection tries them in this order).
     *
     * @throws IllegalArgumentException if a name repeats or is not kebab-case
     */
    public DatasetSources(List<? extends DatasetSource> sources) {
        this.sources = new NamedRegistry<>("dataset source", sources, DatasetSource::name);
    }

    /** The registered sources: simulator, openpack, csv. */
    public static DatasetSources registered() {
        return REGISTERED;
    }

    /** All names in registration order. */
    public List<String> names() {
        return sources.names();
    }

    /** All sources in registration order. */
    public List<DatasetSource> all() {
        return sources.all();
    }

    /**
     * The source registered under {@code name}.
     *
     * @throws IllegalArgumentException naming the value and listing the registered names
     */
    public DatasetSource source(String name) {
        return sources.find(name).orElseThrow(() -> new IllegalArgumentException("data.source: unknown value '"
                + name + "'; valid: " + String.join(", ", names())));
    }

    /** Reads the recordings the config names, with the source of {@code data.source}. */
    public List<Recording> read(DataConfig config, long seed) throws IOException {
        return source(config.source()).read(config, seed);
    }

    /**
     * The source whose format a path holds: the first, in registration order, that holds it
     * directly ({@link DatasetSource.Match#HOLDS}), else the first that finds datasets below it.
     *
     * @throws DataFormatException if the path does not exist or no source recognises it
     */
    public DatasetSource detect(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new DataFormatException(path, "no such file or folder");
        }
        DatasetSource below = null;
        for (DatasetSource s : sources.all()) {
            DatasetSource.Match m = s.detect(path);
            if (m == DatasetSource.Match.HOLDS) {
                return s;
            }
            if (m == DatasetSource.Match.BELOW && below == null) {
                below = s;
            }
        }
        if (below != null) {
            return below;
        }
        List<String> expected = new ArrayList<>();
        for (DatasetSource s : sources.all()) {
            if (s.readsFiles()) {
                expected.add(s.description() + " (data.source " + s.name() + ")");
            }
        }
        throw new DataFormatException(path, "not a dataset: expected " + String.join("; or ", expected)
                + (Files.isDirectory(path) ? "; pass the folder that holds them" : ""));
    }
}
