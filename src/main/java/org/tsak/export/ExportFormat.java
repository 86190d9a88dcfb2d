package org.tsak.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.tsak.deploy.StudentArtifact;

/**
 * One value of {@code tsak export --format}: how a {@link StudentArtifact} is written. Registered
 * by name in {@link ExportFormats}.
 *
 * @param name         stable kebab-case, as given to {@code --format}
 * @param extension    extension of the file written, without the dot; empty if the format writes a
 *                     folder of files (C: a .h/.c pair)
 * @param description  one line for {@code tsak export --help}: what is written and what runs it
 * @param takesInt8    true if {@code --int8} (int8 weights) applies
 * @param fileTestedBy what the test suite runs the written file with to compare it against the
 *                     Java runtime (e.g. {@code ONNX Runtime}); empty if the runtime reads the file
 *                     itself, so the export check covers it
 * @param writer       writes the artifact to a file or folder
 */
public record ExportFormat(String name, String extension, String description, boolean takesInt8,
        String fileTestedBy, Writer writer) {

    /** Writes a student artifact in one format. */
    @FunctionalInterface
    public interface Writer {
        /**
         * Writes {@code artifact} to {@code out} (a file, or a folder if the format's extension is
         * empty), creating parent folders.
         */
        Written write(StudentArtifact artifact, Path out, Options options) throws IOException;
    }

    /**
     * What the command line passes on to a writer.
     *
     * @param int8 int8 weights; only for a format that {@link #takesInt8()}
     */
    public record Options(boolean int8) {

        /** Float32 weights. */
        public static final Options DEFAULT = new Options(false);
    }

    /**
     * What a writer wrote.
     *
     * @param files          the files written
     * @param where          the files for a person, e.g. {@code out/student.onnx (12,345 bytes)}
     * @param summary        one line: what they hold (inputs, outputs, size)
     * @param contextHeadUse how a deployment feeds the student's temporal context head in this
     *                       format, starting with "; "; empty if there is no head or nothing to add
     */
    public record Written(List<Path> files, String where, String summary, String contextHeadUse) {

        /** Copies. */
        public Written {
            files = List.copyOf(files);
        }
    }

    /** Checks the fields. */
    public ExportFormat {
        if (name == null || !name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("export format name '" + name + "': use kebab-case");
        }
        if (extension == null || description == null || fileTestedBy == null || writer == null) {
            throw new IllegalArgumentException("export format " + name + ": extension, description, fileTestedBy"
                    + " and writer are required (empty strings where nothing applies)");
        }
    }

    /** True if the format writes a folder of files rather than one file. */
    public boolean writesFolder() {
        return extension.isEmpty();
    }

    /**
     * Where the export goes when {@code --out} is not given: {@code <exportDir>/<stem>.<extension>},
     * or the folder {@code <exportDir>/<name>} for a format that writes several files.
     */
    public Path defaultOutput(Path exportDir, String stem) {
        return writesFolder() ? exportDir.resolve(name) : exportDir.resolve(stem + "." + extension);
    }

    /**
     * Writes {@code artifact} to {@code out}.
     *
     * @throws IllegalArgumentException if int8 is asked of a format that does not take it
     */
    public Written write(StudentArtifact artifact, Path out, Options options) throws IOException {
        if (options.int8() && !takesInt8) {
            throw new IllegalArgumentException("export format " + name + " holds float32 weights; int8 does not apply");
        }
        return writer.write(artifact, out, options);
    }
}
