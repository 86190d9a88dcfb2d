package org.tsak.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder for one property try (jqwik does not inject JUnit's {@code @TempDir}),
 * deleted with its contents on {@link #close()}.
 */
public final class ScratchDir implements AutoCloseable {

    private final Path root;

    private ScratchDir(Path root) {
        this.root = root;
    }

    /** A new empty folder whose name starts with {@code prefix}. */
    public static ScratchDir create(String prefix) throws IOException {
        return new ScratchDir(Files.createTempDirectory("tsak-" + prefix + "-"));
    }

    /** The folder. */
    public Path root() {
        return root;
    }

    /** Writes {@code bytes} to {@code relative} under the folder, creating parent folders. */
    public Path write(String relative, byte[] bytes) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
