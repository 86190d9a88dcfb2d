package org.tsak.data.openpack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where OpenPack roots (folders holding {@code U####} user folders) are: at a path, under its
 * {@code v1.0.0} or {@code v0.3.0} child, or a few folder levels down.
 */
public final class OpenPackRoots {

    /** How many folder levels below a path {@link #below(Path)} looks for OpenPack roots. */
    public static final int ROOT_SEARCH_DEPTH = 3;

    private OpenPackRoots() {
    }

    /**
     * The folder holding U#### folders: the path itself or its v1.0.0 or v0.3.0 child; null if
     * none of them.
     */
    public static Path at(Path path) throws IOException {
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
    public static List<Path> below(Path path) throws IOException {
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
}
