package org.tsak.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.DataFormatException;
import org.tsak.data.openpack.OpenPackReader;

/**
 * Relative {@code data.path} / {@code data.paths} are read from the config file's folder (not the
 * current directory), stored absolute and normalised (so a run folder's saved config.yaml reads the
 * same data from anywhere), and a missing folder is named as such with the key and the config file.
 */
class ConfigDataPathTest {

    @TempDir
    Path dir;

    private Path config(String dataLines) throws IOException {
        Path configs = Files.createDirectories(dir.resolve("project/configs"));
        Path file = configs.resolve("op.yaml");
        Files.writeString(file, "name: op\ndata:\n  source: openpack\n" + dataLines);
        return file;
    }

    @Test
    void relativePathIsReadFromTheConfigFilesFolderAndNormalised() throws IOException {
        Files.createDirectories(dir.resolve("datasets/sample"));
        Path file = config("  path: ../../datasets/sample\n");
        ExperimentConfig c = ConfigLoader.loadWithData(file);
        assertEquals(dir.resolve("datasets/sample").toAbsolutePath().normalize().toString(), c.data().path());
        // the run folder's copy (written with toYaml) keeps that absolute path: read back, it is the same
        ExperimentConfig saved = ConfigLoader.parse(ConfigLoader.toYaml(c), "run/config.yaml");
        assertEquals(c.data().path(), saved.data().path());
        assertFalse(saved.data().path().contains(".."), saved.data().path());
    }

    @Test
    void shippedOpenPackConfigPointsAtTheSharedDatasetsFromAnyDirectory() throws IOException {
        ExperimentConfig sample = ConfigLoader.load(Path.of("configs/openpack-sample.yaml").toAbsolutePath());
        Path expected = Path.of("configs").toAbsolutePath().getParent().getParent()
                .resolve("shared/datasets/openpack-sample/v1.0.0").normalize();
        assertEquals(expected.toString(), sample.data().path());
    }

    @Test
    void missingFolderNamesAbsolutePathKeyAndConfigFile() throws IOException {
        Path file = config("  path: ../nowhere\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.loadWithData(file));
        Path missing = dir.resolve("project/nowhere").toAbsolutePath().normalize();
        assertTrue(e.getMessage().startsWith("no such folder: " + missing + " (data.path in "
                + file.toAbsolutePath().normalize()), e.getMessage());
    }

    @Test
    void missingEntryOfPathsNamesItsIndex() throws IOException {
        Files.createDirectories(dir.resolve("project/a"));
        Path file = config("  paths: [../a, ../b]\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.loadWithData(file));
        assertTrue(e.getMessage().contains("no such folder: " + dir.resolve("project/b").toAbsolutePath().normalize()
                + " (data.paths[1] in "), e.getMessage());
    }

    @Test
    void readerSaysNoSuchFolderNotNotAnOpenPackRoot() {
        Path missing = dir.resolve("gone");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> new OpenPackReader(org.tsak.data.openpack.OpenPackOptions.defaults()).readAll(List.of(missing)));
        assertTrue(e.getMessage().contains("no such folder"), e.getMessage());
        assertFalse(e.getMessage().contains("not an OpenPack root"), e.getMessage());
    }
}
