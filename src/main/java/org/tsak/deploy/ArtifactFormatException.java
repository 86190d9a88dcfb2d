package org.tsak.deploy;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A student artifact file that cannot be trusted: wrong magic, unsupported format version,
 * truncated, checksum mismatch or inconsistent content. The message names the file and the fault;
 * the remedy is always to re-export the artifact (or upgrade TSAK for a newer format).
 */
public class ArtifactFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** A fault in {@code file}, described by {@code problem}. */
    public ArtifactFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** A fault in {@code file}, described by {@code problem}, caused by {@code cause}. */
    public ArtifactFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
