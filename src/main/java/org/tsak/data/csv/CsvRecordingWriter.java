package org.tsak.data.csv;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.tsak.data.Recording;

/**
 * Writes a {@link Recording} in the {@code tsak-recording v1} CSV format (docs/DATA.md).
 *
 * <p>Output is deterministic: the same recording gives identical bytes (UTF-8, {@code \n}
 * line ends, values as {@link Float#toString(float)}, which reads back to the same float).
 * A file is written to a temporary file in the target folder and then moved into place with
 * {@link StandardCopyOption#ATOMIC_MOVE}, so readers never see a half-written file.
 */
public final class CsvRecordingWriter {

    /** Creates a writer. */
    public CsvRecordingWriter() {
    }

    /**
     * Writes every recording to {@code dir/<subject>-<session>.csv}, creating {@code dir}.
     *
     * @return the files written, in the order of {@code recordings}
     * @throws IllegalArgumentException if two recordings have the same subject and session
     */
    public static List<Path> writeAll(List<Recording> recordings, Path dir) throws IOException {
        Files.createDirectories(dir);
        CsvRecordingWriter writer = new CsvRecordingWriter();
        List<Path> files = new ArrayList<>(recordings.size());
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Recording r : recordings) {
            if (!keys.add(r.key())) {
                throw new IllegalArgumentException("two recordings have the key " + r.key()
                        + "; subject and session must identify a recording");
            }
        }
        for (Recording r : recordings) {
            Path file = dir.resolve(fileName(r));
            writer.write(r, file);
            files.add(file);
        }
        return files;
    }

    /** The file name used by {@link #writeAll}: {@code <subject>-<session>.csv}. */
    public static String fileName(Recording recording) {
        return recording.key() + CsvRecordingFormat.EXTENSION;
    }

    /**
     * Writes one recording to {@code file} atomically (temporary file in the same folder, then
     * an atomic move that replaces any existing file).
     *
     * @throws IllegalArgumentException if the recording holds a value the format cannot carry
     *                                  (a non-finite sample, a line break in an id or note)
     */
    public void write(Recording recording, Path file) throws IOException {
        org.tsak.io.AtomicFiles.write(file.toAbsolutePath(), out -> {
            java.io.Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(recording, w);
            w.flush();
        });
    }

    /**
     * Writes one recording to a character stream (not closed).
     *
     * @throws IllegalArgumentException as for {@link #write(Recording, Path)}
     */
    public void write(Recording recording, Writer out) throws IOException {
        out.write(CsvRecordingFormat.MAGIC_LINE);
        out.write('\n');
        metadata(out, CsvRecordingFormat.KEY_SUBJECT, checkedText("subject", recording.subjectId()));
        metadata(out, CsvRecordingFormat.KEY_SESSION, checkedText("session", recording.sessionId()));
        metadata(out, CsvRecordingFormat.KEY_SAMPLING_RATE_HZ, formatRate(recording.samplingRateHz()));
        for (String note : recording.notes()) {
            metadata(out, CsvRecordingFormat.KEY_NOTE, checkedText("note", note));
        }
        List<String> channels = recording.channels();
        StringBuilder line = new StringBuilder(32 + 16 * channels.size());
        line.append(CsvRecordingFormat.COLUMN_TIMESTAMP);
        for (String c : channels) {
            if (c.indexOf(',') >= 0) {
                throw new IllegalArgumentException("channel name '" + c + "' contains a comma");
            }
            line.append(',').append(c);
        }
        line.append(',').append(CsvRecordingFormat.COLUMN_OPERATION)
                .append(',').append(CsvRecordingFormat.COLUMN_BOX).append('\n');
        out.write(line.toString());

        long[] t = recording.timestampsMs();
        int[] ops = recording.sampleLabels();
        int[] boxes = recording.sampleBoxes();
        int channelCount = channels.size();
        float[][] values = new float[channelCount][];
        for (int c = 0; c < channelCount; c++) {
            values[c] = recording.channel(c);
        }
        for (int i = 0; i < t.length; i++) {
            line.setLength(0);
            line.append(t[i]);
            for (int c = 0; c < channelCount; c++) {
                float v = values[c][i];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(recording.key() + " sample " + i + " channel "
                            + channels.get(c) + " is " + v + "; the CSV format holds finite values only");
                }
                line.append(',').append(Float.toString(v));
            }
            line.append(',').append(ops[i]).append(',').append(boxes[i]).append('\n');
            out.write(line.toString());
        }
    }

    private static void metadata(Writer out, String key, String value) throws IOException {
        out.write("# ");
        out.write(key);
        out.write(": ");
        out.write(value);
        out.write('\n');
    }

    private static String checkedText(String what, String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty; the CSV format needs a value");
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " '" + text + "' contains a line break");
        }
        if (!text.equals(text.strip())) {
            throw new IllegalArgumentException(what + " '" + text
                    + "' has leading or trailing white space, which would not survive a round trip");
        }
        return text;
    }

    /** Whole rates print without a fraction ({@code 30}), others as {@link Double#toString}. */
    static String formatRate(double hz) {
        if (hz == Math.rint(hz) && Math.abs(hz) < 1e15) {
            return Long.toString((long) hz);
        }
        return Double.toString(hz);
    }
}
