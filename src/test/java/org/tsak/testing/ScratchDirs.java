package org.tsak.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting test folders that may hold files of another user or a full file system. */
public final class ScratchDirs {

    private ScratchDirs() {
    }

    /** Deletes {@code root} and everything in it, ignoring what cannot be deleted. */
    public static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for the system's /tmp cleaning
                }
            }
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
