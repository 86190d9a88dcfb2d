package org.tsak.data.openpack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.tsak.testing.SharedDatasets;

/**
 * Copies of the real OpenPack samples under a temporary folder, for tests that damage one file
 * (the originals under ../shared are never touched), and the v0.3.0 sample's location.
 */
final class SampleCopy {

    private SampleCopy() {
    }

    /** Root of the v0.3.0 sample ({@code .../openpack-v030-sample/v0.3.0}), if present. */
    static Optional<Path> v030Sample() {
        Path root = SharedDatasets.sharedDir().resolve("datasets/openpack-v030-sample/v0.3.0");
        return Files.isDirectory(root.resolve("U0102")) ? Optional.of(root) : Optional.empty();
    }

    /** The v0.3.0 sample root, or skips the calling test with a message saying why. */
    static Path v030SampleOrSkip() {
        Optional<Path> p = v030Sample();
        Assumptions.assumeTrue(p.isPresent(), "OpenPack v0.3.0 sample not found under " + SharedDatasets.sharedDir()
                + "/datasets/openpack-v030-sample: test skipped");
        return p.get();
    }

    /** Copies every file under {@code root} to {@code to} (same relative paths); returns {@code to}. */
    static Path copy(Path root, Path to) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(root.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /**
     * Removes the data rows of a CSV file whose first field (the time in ms) matches {@code drop};
     * returns the number removed.
     */
    static int dropRows(Path file, LongPredicate drop) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        int removed = 0;
        for (String line : lines.subList(1, lines.size())) {
            long t = Long.parseLong(line.substring(0, line.indexOf(',')));
            if (drop.test(t)) {
                removed++;
            } else {
                kept.add(line);
            }
        }
        Files.write(file, kept, StandardCharsets.UTF_8);
        return removed;
    }
}
