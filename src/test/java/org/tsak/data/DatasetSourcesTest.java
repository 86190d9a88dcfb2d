package org.tsak.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.config.DataConfig;
import org.tsak.data.csv.CsvRecordingWriter;
import org.tsak.data.csv.CsvSource;
import org.tsak.data.openpack.OpenPackSource;
import org.tsak.data.sim.OpenPackLayoutWriter;
import org.tsak.data.sim.SimulatorSource;

/**
 * The registry of {@code data.source} values: every registered name reads a real small dataset
 * through {@link PreparedData#read}, is detected from its files and inspected; an unknown name
 * fails listing the registered ones; a name cannot be registered twice.
 */
class DatasetSourcesTest {

    private static final DataConfig.SimulatorSettings TINY = new DataConfig.SimulatorSettings(2, 1, 1, 30.0);

    private static DataConfig config(String source, Path path) {
        return new DataConfig(source, path == null ? null : path.toString(), TINY, null, null, null, null);
    }

    @Test
    void registeredNamesAreTheConfigsAndRoundTrip() {
        DatasetSources registry = DatasetSources.registered();
        assertEquals(List.of("simulator", "openpack", "csv"), registry.names());
        assertEquals(DataConfig.SOURCES, registry.names(), "config validation accepts exactly the registered names");
        for (String name : registry.names()) {
            DatasetSource s = registry.source(name);
            assertEquals(name, s.name());
            assertFalse(s.description().isBlank(), name);
        }
    }

    @Test
    void everySourceReadsItsDatasetThroughTheRegistry(@TempDir Path dir) throws IOException {
        List<Recording> simulated = PreparedData.read(config("simulator", null), 7);
        assertEquals(2, simulated.size(), "2 workers x 1 session");
        assertEquals(simulated.get(0).fingerprint(), PreparedData.read(config("simulator", null), 7).get(0)
                .fingerprint(), "the seed drives the simulator");

        Path csv = Files.createDirectories(dir.resolve("csv"));
        CsvRecordingWriter.writeAll(simulated, csv);
        assertEquals(simulated.stream().map(Recording::key).toList(),
                PreparedData.read(config("csv", csv), 0).stream().map(Recording::key).toList());
        assertEquals("csv", DatasetSources.registered().detect(csv).name());
        Path oneFile = Files.list(csv).sorted().findFirst().orElseThrow();
        assertEquals("csv", DatasetSources.registered().detect(oneFile).name());

        Path openpack = dir.resolve("openpack");
        new OpenPackLayoutWriter(1, 1, 1, 3).write(openpack, w -> { });
        List<Recording> op = PreparedData.read(config("openpack", openpack), 0);
        assertEquals(1, op.size());
        assertEquals("openpack", DatasetSources.registered().detect(openpack).name());
        assertEquals("openpack", DatasetSources.registered().detect(dir).name(), "a root one level down");

        DatasetInspector.Inventory opInv = new DatasetInspector(List.of()).read(openpack);
        assertEquals("openpack", opInv.source());
        assertEquals(op.get(0).key(), opInv.recordings().get(0).key());
        DatasetInspector.Inventory csvInv = new DatasetInspector(List.of()).read(csv);
        assertEquals("csv", csvInv.source());
        assertEquals(2, csvInv.recordings().size());
        IllegalArgumentException selection = assertThrows(IllegalArgumentException.class,
                () -> new DatasetInspector(List.of("atr01/acc")).read(csv));
        assertTrue(selection.getMessage().contains("holds CSV recordings"), selection.getMessage());
    }

    @Test
    void aFolderThatHoldsRecordingsDirectlyWinsOverRootsBelowIt(@TempDir Path dir) throws IOException {
        new OpenPackLayoutWriter(1, 1, 1, 3).write(dir.resolve("deeper"), w -> { });
        CsvRecordingWriter.writeAll(PreparedData.read(config("simulator", null), 1), dir);
        assertEquals("csv", DatasetSources.registered().detect(dir).name());
    }

    @Test
    void unknownNameListsTheRegisteredOnes(@TempDir Path dir) throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetSources.registered().source("hdf5"));
        assertEquals("data.source: unknown value 'hdf5'; valid: simulator, openpack, csv", e.getMessage());
        IllegalArgumentException config = assertThrows(IllegalArgumentException.class, () -> config("hdf5", dir));
        assertTrue(config.getMessage().contains("hdf5") && config.getMessage().contains("simulator, openpack, csv"),
                config.getMessage());

        Files.writeString(dir.resolve("notes.txt"), "hello");
        DataFormatException folder = assertThrows(DataFormatException.class,
                () -> DatasetSources.registered().detect(dir));
        assertTrue(folder.getMessage().contains("not a dataset") && folder.getMessage().contains("data.source openpack")
                && folder.getMessage().contains("data.source csv"), folder.getMessage());
        assertFalse(folder.getMessage().contains("data.source simulator"), "the simulator reads no files");
        assertThrows(DataFormatException.class, () -> DatasetSources.registered().detect(dir.resolve("notes.txt")));
        assertThrows(DataFormatException.class, () -> DatasetSources.registered().detect(dir.resolve("absent")));
    }

    @Test
    void aNameIsRegisteredOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DatasetSources(List.of(new SimulatorSource(), new CsvSource(), new CsvSource())));
        assertTrue(e.getMessage().contains("'csv' registered twice"), e.getMessage());
        DatasetSources two = new DatasetSources(List.of(new OpenPackSource(), new CsvSource()));
        assertEquals(List.of("openpack", "csv"), two.names());
        assertSame(two.source("csv"), two.all().get(1));
    }
}
