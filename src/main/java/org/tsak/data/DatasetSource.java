package org.tsak.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.tsak.config.DataConfig;

/**
 * One value of {@code data.source}: how recordings of that source are read for a run, and how a
 * path holding its format is recognised and inspected ({@code tsak data inspect}). Registered by
 * name in {@link DatasetSources}.
 */
public interface DatasetSource {

    /** How strongly a path holds a source's format; {@link DatasetSources#detect} prefers {@link #HOLDS}. */
    enum Match {
        /** Not this format. */
        NONE,
        /** Datasets of this format a few folders below the path (e.g. a folder of OpenPack roots). */
        BELOW,
        /** The path itself is a dataset of this format. */
        HOLDS
    }

    /** The value of {@code data.source}: stable kebab-case. */
    String name();

    /** One line: what a path of this source holds (used in help and in "not a dataset" errors). */
    String description();

    /** True if the source reads files from {@code data.path} (false for generated data). */
    default boolean readsFiles() {
        return true;
    }

    /**
     * Whether {@code path} (which exists) holds this format.
     *
     * @throws IOException if a folder cannot be listed
     */
    default Match detect(Path path) throws IOException {
        return Match.NONE;
    }

    /**
     * Reads the recordings the config names ({@code data.path} / {@code data.paths}, the source's
     * own settings); {@code seed} drives generated data.
     *
     * @throws DataFormatException naming file, line and value on bad input
     */
    List<Recording> read(DataConfig config, long seed) throws IOException;

    /**
     * Reads what {@code path} holds session by session for {@code tsak data inspect}: a session or
     * file that cannot be read is listed as a problem and the rest is read.
     *
     * @param sensorKeys a stream selection as in {@code data.sensors} (e.g. {@code atr01/acc}); empty = all
     * @throws IllegalArgumentException if the source takes no stream selection but one is given
     */
    default DatasetInspector.Inventory inspect(Path path, List<String> sensorKeys) throws IOException {
        throw new IllegalStateException("data.source " + name() + " reads no files to inspect");
    }
}
