package org.tsak.deploy;

import java.io.IOException;
import java.nio.file.Path;
import org.tsak.io.AtomicFiles;

/**
 * One rendered C99 export: a header and a source file, and their memory footprint.
 *
 * @param baseName  file base name, {@code <baseName>.h} and {@code <baseName>.c}
 * @param header    text of the header
 * @param source    text of the source
 * @param footprint flash and RAM the export needs
 */
public record CExport(String baseName, String header, String source, CFootprint footprint) {

    /** Header file name. */
    public String headerFileName() {
        return baseName + ".h";
    }

    /** Source file name. */
    public String sourceFileName() {
        return baseName + ".c";
    }

    /**
     * Writes both files into {@code dir} (each atomically).
     *
     * @return the path of the source file
     */
    public Path write(Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve(headerFileName()), header);
        Path c = dir.resolve(sourceFileName());
        AtomicFiles.writeString(c, source);
        return c;
    }
}
