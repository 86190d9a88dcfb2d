package org.tsak.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates the real datasets under {@code ../shared/datasets} (never copied into the repo:
 * the OpenPack sample is CC BY-NC-SA). Tests call {@link #openPackSampleOrSkip()}, which
 * skips (not fails) the test when the folder is absent.
 */
public final class SharedDatasets {

    private SharedDatasets() {
    }

    /** The shared folder: system property {@code tsak.shared.dir}, else {@code ../shared}. */
    public static Path sharedDir() {
        return Path.of(System.getProperty("tsak.shared.dir", "../shared")).toAbsolutePath().normalize();
    }

    /** Root of the OpenPack sample ({@code .../openpack-sample/v1.0.0}), if present. */
    public static Optional<Path> openPackSample() {
        Path root = sharedDir().resolve("datasets/openpack-sample/v1.0.0");
        return Files.isDirectory(root.resolve("U0209")) ? Optional.of(root) : Optional.empty();
    }

    /** The OpenPack sample root, or skips the calling test with a message saying why. */
    public static Path openPackSampleOrSkip() {
        Optional<Path> p = openPackSample();
        Assumptions.assumeTrue(p.isPresent(),
                "OpenPack sample not found under " + sharedDir() + "/datasets/openpack-sample: test skipped");
        return p.get();
    }
}
