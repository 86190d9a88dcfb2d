package org.tsak.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.tsak.data.csv.CsvRecordingReader;
import org.tsak.data.openpack.OpenPackOptions;
import org.tsak.data.openpack.OpenPackReader;

/**
 * The on-disk dataset formats the project reads, and detection of which one a path holds.
 */
public enum DatasetFormat {
    /** OpenPack layout (release v1.0.0 or v0.3.0): {@code <root>/U####/atr/...}. */
    OPENPACK,
    /** The project's CSV recording format (docs/DATA.md): one file per session. */
    CSV;

    /** How many folder levels below a path {@link #openPackRoots(Path)} looks for OpenPack roots. */
    public static final int ROOT_SEARCH_DEPTH = 3;

    /**
     * Detects the format of a path: an OpenPack root (folders named {@code U} and four digits,
     * directly, under {@code v1.0.0} or {@code v0.3.0}, or in folders a few levels down, see
     * {@link #openPackRoots(Path)}), a {@code .csv} file, or a folder of them.
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
        if (!openPackRoots(path).isEmpty()) {
            return OPENPACK;
        }
        throw new DataFormatException(path, "not a dataset: found neither OpenPack user folders (U####)"
                + " nor .csv recordings (docs/DATA.md); pass the folder that holds them");
    }

    /**
     * The folder holding U#### folders: the path itself or its v1.0.0 or v0.3.0 child; null if
     * none of them.
     */
    public static Path openPackRoot(Path path) throws IOException {
        for (Path candidate : new Path[] {path, path.resolve("v1.0.0"), path.resolve("v0.3.0")}) {
            if (holdsUserFolders(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Every OpenPack root at or below a path: the path itself if it holds U#### folders, else the
     * roots among its sub-folders down to {@link #ROOT_SEARCH_DEPTH} levels (a folder holding one
     * release's {@code v1.0.0} and another's {@code v0.3.0}, or a parent of several dataset
     * folders), in name order; the search does not descend into a root or a user folder.
     */
    public static List<Path> openPackRoots(Path path) throws IOException {
        List<Path> out = new ArrayList<>();
        collectRoots(path, ROOT_SEARCH_DEPTH, out);
        return out;
    }

    private static void collectRoots(Path dir, int depth, List<Path> out) throws IOException {
        if (holdsUserFolders(dir)) {
            out.add(dir);
            return;
        }
        if (depth == 0 || !Files.isDirectory(dir)) {
            return;
        }
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path c : children) {
            collectRoots(c, depth - 1, out);
        }
    }

    private static boolean holdsUserFolders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().matches("U\\d{4}"));
        }
    }

    /** Reads a dataset of whichever format the path holds, with default options. */
    public static List<Recording> readAny(Path path) throws IOException {
        return switch (detect(path)) {
            case OPENPACK -> new OpenPackReader(OpenPackOptions.defaults()).readAll(List.of(path));
            case CSV -> new CsvRecordingReader().read(path);
        };
    }
}
