package org.tsak.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads every recording of a dataset into {@link Recording}s. Implementations fail with a
 * {@link DataFormatException} naming file, line, column and value on bad input, and record
 * repairs of known dataset flaws in {@link Recording#notes()}.
 */
public interface DatasetReader {

    /**
     * Reads all recordings under {@code root}.
     *
     * @throws DataFormatException if a file is malformed or the folder is not a dataset
     * @throws IOException         if a file cannot be read
     */
    List<Recording> read(Path root) throws IOException;
}
