package org.tsak.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.tsak.data.csv.CsvRecordingReader;
import org.tsak.data.openpack.OpenPackOptions;
import org.tsak.data.openpack.OpenPackReader;

/**
 * The on-disk dataset formats the project reads, and detection of which one a path holds.
 */
public enum DatasetFormat {
    /** OpenPack v1.0.0 layout: {@code <root>/U####/atr/...}. */
    OPENPACK,
    /** The project's CSV recording format (docs/DATA.md): one file per session. */
    CSV;

    /**
     * Detects the format of a path: an OpenPack root (folders named {@code U} and four digits,
     * directly or under {@code v1.0.0}), a {@code .csv} file, or a folder of them.
     *
     * @throws DataFormatException if the path is neither
     */
    public static DatasetFormat detect(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new DataFormatException(path, "no such file or folder");
        }
        if (Files.isRegularFile(path)) {
            if (path.getFileName().toString().endsWith(".csv")) {
                return CSV;
            }
            throw new DataFormatException(path, "not a dataset: expected a .csv recording (docs/DATA.md),"
                    + " a folder of them, or an OpenPack root holding U#### folders");
        }
        if (openPackRoot(path) != null) {
            return OPENPACK;
        }
        try (Stream<Path> s = Files.list(path)) {
            if (s.anyMatch(p -> p.getFileName().toString().endsWith(".csv"))) {
                return CSV;
            }
        }
        throw new DataFormatException(path, "not a dataset: found neither OpenPack user folders (U####)"
                + " nor .csv recordings (docs/DATA.md); pass the folder that holds them");
    }

    /** The folder holding U#### folders: the path itself or its v1.0.0 child; null if neither. */
    public static Path openPackRoot(Path path) throws IOException {
        for (Path candidate : new Path[] {path, path.resolve("v1.0.0")}) {
            if (!Files.isDirectory(candidate)) {
                continue;
            }
            try (Stream<Path> s = Files.list(candidate)) {
                if (s.anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().matches("U\\d{4}"))) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Reads a dataset of whichever format the path holds, with default options. */
    public static java.util.List<Recording> readAny(Path path) throws IOException {
        return switch (detect(path)) {
            case OPENPACK -> new OpenPackReader(OpenPackOptions.defaults()).read(openPackRoot(path));
            case CSV -> new CsvRecordingReader().read(path);
        };
    }
}
