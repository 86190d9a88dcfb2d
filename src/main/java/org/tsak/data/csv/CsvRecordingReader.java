package org.tsak.data.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.tsak.data.ChannelName;
import org.tsak.data.DataFormatException;
import org.tsak.data.DatasetReader;
import org.tsak.data.Operations;
import org.tsak.data.Recording;
import org.tsak.data.SecondLabels;
import org.tsak.data.hands.Handedness;

/**
 * Reads recordings in the {@code tsak-recording v1} CSV format (docs/DATA.md): a single
 * {@code .csv} file, or a folder whose {@code *.csv} files (not sub-folders) are read in
 * file-name order.
 *
 * <p>Bad input fails with a {@link DataFormatException} naming the file, the 1-based line
 * (comment lines count), the column and the value. A jump between timestamps of more than
 * {@link CsvRecordingFormat#GAP_FACTOR} nominal periods is not an error: it is noted in
 * {@link Recording#notes()} as a gap (windows spanning it are to be dropped downstream).
 * The 1 Hz ground truth is derived with {@link SecondLabels#fromSamples}.
 *
 * <p>Text is UTF-8 (a leading byte-order mark is skipped); bytes that are not UTF-8 fail naming
 * their line. The last data row must end with a line end like every other: a last line without
 * one is taken as a file cut short, whose last value may have been shortened, and fails.
 *
 * <p>All files of a folder must have the same channels; channels are put in the order of the
 * first file. Parsing is hand-rolled (no regular expressions, one pass over each line).
 */
public final class CsvRecordingReader implements DatasetReader {

    /** A UTF-8 byte-order mark, skipped at the start of a file. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    /** What the decoder puts in place of bytes that are not UTF-8. */
    private static final char REPLACEMENT_CHAR = '\uFFFD';

    /** Creates a reader. */
    public CsvRecordingReader() {
    }

    /**
     * Reads a single {@code .csv} file or every {@code *.csv} file of a folder (sorted by name).
     *
     * @throws DataFormatException if a file is malformed, the folder holds no {@code .csv}
     *                             file, files disagree on channels or two files hold the same
     *                             subject and session
     */
    @Override
    public List<Recording> read(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return List.of(readFile(root));
        }
        if (!Files.isDirectory(root)) {
            throw new DataFormatException(root, "neither a .csv file nor a folder; give a recording"
                    + " file or a folder of them");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(root)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(CsvRecordingFormat.EXTENSION)
                    && Files.isRegularFile(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
        if (files.isEmpty()) {
            throw new DataFormatException(root, "folder holds no " + CsvRecordingFormat.EXTENSION
                    + " file; expected tsak-recording v1 files such as W01-S01.csv");
        }
        List<Recording> out = new ArrayList<>(files.size());
        Map<String, Path> keys = new HashMap<>();
        List<String> channels = null;
        Path first = null;
        for (Path f : files) {
            ParsedFile parsed = parse(f);
            Recording r = parsed.recording;
            Path other = keys.putIfAbsent(r.key(), f);
            if (other != null) {
                throw new DataFormatException(f, 0, null, r.key(), "subject and session repeat "
                        + other.getFileName() + "; each recording must have its own subject-session");
            }
            if (channels == null) {
                channels = r.channels();
                first = f;
                out.add(r);
            } else {
                out.add(inChannelOrder(parsed, channels, first));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Reads one file.
     *
     * @throws DataFormatException if the file is malformed (see the class comment)
     */
    public Recording readFile(Path file) throws IOException {
        return parse(file).recording;
    }

    private static Recording inChannelOrder(ParsedFile parsed, List<String> channels, Path first) {
        Recording r = parsed.recording;
        for (String c : r.channels()) {
            if (!channels.contains(c)) {
                throw new DataFormatException(parsed.file, parsed.headerLine, c, null,
                        "unexpected channel column: " + first.getFileName()
                                + " does not have it; all files of a folder must have the same channels");
            }
        }
        float[][] values = new float[channels.size()][];
        for (int c = 0; c < channels.size(); c++) {
            int k = r.channelIndex(channels.get(c));
            if (k < 0) {
                throw new DataFormatException(parsed.file, parsed.headerLine, channels.get(c), null,
                        "missing channel column that " + first.getFileName()
                                + " has; all files of a folder must have the same channels");
            }
            values[c] = r.channel(k);
        }
        if (channels.equals(r.channels())) {
            return r;
        }
        return new Recording(r.subjectId(), r.sessionId(), r.samplingRateHz(), r.timestampsMs(),
                channels, values, r.sampleLabels(), r.sampleBoxes(), r.groundTruth(), r.notes());
    }

    /** A recording plus where its header was, for later consistency errors. */
    private record ParsedFile(Path file, long headerLine, Recording recording) {
    }

    private static ParsedFile parse(Path file) throws IOException {
        // InputStreamReader replaces malformed input by U+FFFD, which FileParser reports by line
        boolean endsWithLineEnd = endsWithLineEnd(file);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            return new FileParser(file, endsWithLineEnd).parse(in);
        }
    }

    /** True if the file is empty or its last byte is {@code \n} or {@code \r}. */
    private static boolean endsWithLineEnd(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            if (ch.size() == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.position(ch.size() - 1).read(last);
            return last.get(0) == '\n' || last.get(0) == '\r';
        }
    }

    /** The state of reading one file. */
    private static final class FileParser {
        private final Path file;
        private final boolean endsWithLineEnd;
        private long lineNo;
        private String[] columns;
        private int channelCount;
        private int operationColumn = -1;
        private int boxColumn = -1;
        private int[] channelOfColumn;

        FileParser(Path file, boolean endsWithLineEnd) {
            this.file = file;
            this.endsWithLineEnd = endsWithLineEnd;
        }

        ParsedFile parse(BufferedReader in) throws IOException {
            Map<String, String> meta = new LinkedHashMap<>();
            List<String> notes = new ArrayList<>();
            String line;
            boolean sawMagic = false;
            String header = null;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith(BYTE_ORDER_MARK)) {
                    line = line.substring(1);
                }
                checkDecoded(line);
                if (line.isBlank()) {
                    continue;
                }
                if (!sawMagic) {
                    checkMagic(line);
                    sawMagic = true;
                    continue;
                }
                if (line.charAt(0) == '#') {
                    metadataLine(line, meta, notes);
                    continue;
                }
                header = line;
                break;
            }
            if (!sawMagic) {
                throw new DataFormatException(file, "the file is empty; a recording starts with the line '"
                        + CsvRecordingFormat.MAGIC_LINE + "'");
            }
            if (header == null) {
                throw new DataFormatException(file, lineNo, null, null,
                        "the file ends before the header row; expected a line starting with '"
                                + CsvRecordingFormat.COLUMN_TIMESTAMP + ",' after the metadata");
            }
            long headerLine = lineNo;
            String subject = required(meta, CsvRecordingFormat.KEY_SUBJECT, "W01");
            String session = required(meta, CsvRecordingFormat.KEY_SESSION, "S01");
            double rateHz = samplingRate(meta);
            dominantHand(meta, notes);
            List<String> channels = header(header);

            int capacity = 1024;
            long[] t = new long[capacity];
            int[] ops = new int[capacity];
            int[] boxes = new int[capacity];
            float[][] values = new float[channelCount][capacity];
            int n = 0;
            double periodMs = 1000.0 / rateHz;
            long gapMs = (long) Math.floor(CsvRecordingFormat.GAP_FACTOR * periodMs);
            long previousLine = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                checkDecoded(line);
                if (line.isBlank()) {
                    continue;
                }
                if (n == capacity) {
                    capacity *= 2;
                    t = Arrays.copyOf(t, capacity);
                    ops = Arrays.copyOf(ops, capacity);
                    boxes = Arrays.copyOf(boxes, capacity);
                    for (int c = 0; c < channelCount; c++) {
                        values[c] = Arrays.copyOf(values[c], capacity);
                    }
                }
                dataRow(line, n, t, ops, boxes, values);
                if (n > 0) {
                    long dt = t[n] - t[n - 1];
                    if (dt <= 0) {
                        throw new DataFormatException(file, lineNo, CsvRecordingFormat.COLUMN_TIMESTAMP,
                                Long.toString(t[n]), (dt == 0 ? "timestamp repeats" : "timestamp goes backwards from")
                                        + " the previous row's " + t[n - 1] + " (line " + previousLine
                                        + "); rows must be in strictly ascending time");
                    }
                    if (dt > gapMs) {
                        String note = String.format(Locale.ROOT,
                                "gap of %d ms (more than %.0fx the nominal %.1f ms period) between lines %d"
                                        + " and %d (timestamps %d and %d); windows spanning it must be dropped",
                                dt, CsvRecordingFormat.GAP_FACTOR, periodMs, previousLine, lineNo, t[n - 1], t[n]);
                        if (!notes.contains(note)) {
                            notes.add(note);
                        }
                    }
                }
                previousLine = lineNo;
                n++;
            }
            if (n == 0) {
                throw new DataFormatException(file, headerLine, null, null,
                        "the file has a header but no data rows; a recording needs at least one sample");
            }
            if (!endsWithLineEnd && previousLine == lineNo) {
                throw new DataFormatException(file, lineNo, null, null, "the last line has no line end, so the"
                        + " file seems cut short and its last value may be incomplete (a box 12 read as 1);"
                        + " restore the complete file (CsvRecordingWriter ends every line with a line end),"
                        + " or end the line if the row is whole");
            }
            t = Arrays.copyOf(t, n);
            ops = Arrays.copyOf(ops, n);
            boxes = Arrays.copyOf(boxes, n);
            for (int c = 0; c < channelCount; c++) {
                values[c] = Arrays.copyOf(values[c], n);
            }
            SecondLabels truth = SecondLabels.fromSamples(t, ops);
            Recording r = new Recording(subject, session, rateHz, t, channels, values, ops, boxes, truth, notes);
            return new ParsedFile(file, headerLine, r);
        }

        /**
         * Bytes that are not UTF-8 decode to U+FFFD (the reader replaces them rather than
         * failing mid-buffer, so that the error can name the line).
         */
        private void checkDecoded(String line) {
            int bad = line.indexOf(REPLACEMENT_CHAR);
            if (bad >= 0) {
                throw new DataFormatException(file, lineNo, null, null, "bytes that are not UTF-8 at character "
                        + (bad + 1) + "; tsak-recording files are UTF-8 text (save the file as UTF-8, not"
                        + " UTF-16 or Latin-1)");
            }
        }

        private void checkMagic(String line) {
            String s = line.strip();
            if (!s.startsWith(CsvRecordingFormat.MAGIC_PREFIX)) {
                throw new DataFormatException(file, lineNo, null, line,
                        "not a tsak-recording file: the first line must be '" + CsvRecordingFormat.MAGIC_LINE + "'");
            }
            String version = s.substring(CsvRecordingFormat.MAGIC_PREFIX.length()).strip();
            if (!version.equals("v1")) {
                throw new DataFormatException(file, lineNo, null, version,
                        "unsupported tsak-recording version; this reader reads v1");
            }
        }

        private void metadataLine(String line, Map<String, String> meta, List<String> notes) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                return; // a free comment
            }
            String key = line.substring(1, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (value.isEmpty()) {
                throw new DataFormatException(file, lineNo, key, "",
                        "metadata key has no value; write '# " + key + ": <value>'");
            }
            if (key.equals(CsvRecordingFormat.KEY_NOTE)) {
                notes.add(value);
                return;
            }
            if (meta.containsKey(key)) {
                throw new DataFormatException(file, lineNo, key, value,
                        "metadata key given twice (first value '" + meta.get(key) + "'); keep one");
            }
            meta.put(key, value);
        }

        private String required(Map<String, String> meta, String key, String example) {
            String v = meta.get(key);
            if (v == null) {
                throw new DataFormatException(file, lineNo, key, null, "missing metadata key '" + key
                        + "'; add a line '# " + key + ": " + example + "' before the header");
            }
            return v;
        }

        /**
         * Optional metadata {@code dominant_hand: right|left}, kept as the note
         * {@link Handedness#note} that {@link Handedness#of} reads back.
         */
        private void dominantHand(Map<String, String> meta, List<String> notes) {
            String v = meta.get(Handedness.METADATA_KEY);
            if (v == null) {
                return;
            }
            Handedness hand;
            try {
                hand = Handedness.parse(v);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(file, lineNo, Handedness.METADATA_KEY, v,
                        "the dominant hand must be 'right' or 'left'");
            }
            String note = Handedness.note(hand, "metadata " + Handedness.METADATA_KEY + ": " + hand.word());
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }

        private double samplingRate(Map<String, String> meta) {
            String v = required(meta, CsvRecordingFormat.KEY_SAMPLING_RATE_HZ, "30");
            double hz;
            try {
                hz = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                hz = Double.NaN;
            }
            if (!(hz > 0) || Double.isInfinite(hz)) {
                throw new DataFormatException(file, lineNo, CsvRecordingFormat.KEY_SAMPLING_RATE_HZ, v,
                        "sampling rate must be a positive number of Hz, e.g. 30");
            }
            return hz;
        }

        private List<String> header(String line) {
            columns = split(line);
            if (!columns[0].equals(CsvRecordingFormat.COLUMN_TIMESTAMP)) {
                throw new DataFormatException(file, lineNo, columns[0], null,
                        "the first column of the header must be '" + CsvRecordingFormat.COLUMN_TIMESTAMP + "'");
            }
            Map<String, Integer> seen = new HashMap<>();
            List<String> channels = new ArrayList<>();
            channelOfColumn = new int[columns.length];
            Arrays.fill(channelOfColumn, -1);
            for (int k = 0; k < columns.length; k++) {
                String name = columns[k];
                Integer before = seen.putIfAbsent(name, k);
                if (before != null) {
                    throw new DataFormatException(file, lineNo, name, null, "duplicate column (fields "
                            + (before + 1) + " and " + (k + 1) + "); each column must appear once");
                }
                if (k == 0) {
                    continue;
                }
                if (name.equals(CsvRecordingFormat.COLUMN_OPERATION)) {
                    operationColumn = k;
                } else if (name.equals(CsvRecordingFormat.COLUMN_BOX)) {
                    boxColumn = k;
                } else {
                    if (name.isBlank()) {
                        throw new DataFormatException(file, lineNo, name, null, "empty column name at field "
                                + (k + 1) + "; name every channel <position>/<sensor>_<axis>");
                    }
                    try {
                        ChannelName.parse(name);
                    } catch (IllegalArgumentException e) {
                        throw new DataFormatException(file, lineNo, name, null,
                                "ill-formed channel column: " + e.getMessage());
                    }
                    channelOfColumn[k] = channels.size();
                    channels.add(name);
                }
            }
            if (operationColumn < 0) {
                throw new DataFormatException(file, lineNo, CsvRecordingFormat.COLUMN_OPERATION, null,
                        "missing column; the header needs an 'operation' column of OpenPack operation ids");
            }
            if (boxColumn < 0) {
                throw new DataFormatException(file, lineNo, CsvRecordingFormat.COLUMN_BOX, null,
                        "missing column; the header needs a 'box' column of box numbers (0 = none)");
            }
            if (channels.isEmpty()) {
                throw new DataFormatException(file, lineNo, null, null,
                        "missing channel columns; the header names no sensor channel such as right_wrist/acc_x");
            }
            channelCount = channels.size();
            return channels;
        }

        private String[] split(String line) {
            int count = 1;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == ',') {
                    count++;
                }
            }
            String[] out = new String[count];
            int start = 0;
            for (int k = 0; k < count; k++) {
                int end = line.indexOf(',', start);
                if (end < 0) {
                    end = line.length();
                }
                out[k] = line.substring(start, end).strip();
                start = end + 1;
            }
            return out;
        }

        private void dataRow(String line, int n, long[] t, int[] ops, int[] boxes, float[][] values) {
            int fields = 1;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == ',') {
                    fields++;
                }
            }
            if (fields != columns.length) {
                throw new DataFormatException(file, lineNo, null, Integer.toString(fields),
                        "wrong number of fields: the header has " + columns.length + " columns, this row has "
                                + fields);
            }
            int start = 0;
            for (int k = 0; k < columns.length; k++) {
                int end = line.indexOf(',', start);
                if (end < 0) {
                    end = line.length();
                }
                if (k == 0) {
                    t[n] = parseLong(line, start, end, k);
                } else if (k == operationColumn) {
                    int id = parseInt(line, start, end, k);
                    if (!Operations.isKnownId(id)) {
                        throw error(line, start, end, k, "unknown operation id; valid ids are "
                                + Operations.OPERATION_IDS + " and " + Operations.NULL_ID + " (Null)");
                    }
                    ops[n] = id;
                } else if (k == boxColumn) {
                    boxes[n] = parseInt(line, start, end, k);
                } else {
                    values[channelOfColumn[k]][n] = parseFloat(line, start, end, k);
                }
                start = end + 1;
            }
        }

        private long parseLong(String line, int start, int end, int k) {
            int a = trimStart(line, start, end);
            int b = trimEnd(line, a, end);
            if (a == b || b - a > 18) {
                throw error(line, start, end, k, "expected a whole number of milliseconds");
            }
            long v = 0;
            for (int i = a; i < b; i++) {
                char ch = line.charAt(i);
                if (ch < '0' || ch > '9') {
                    throw error(line, start, end, k, "expected a whole number of milliseconds");
                }
                v = v * 10 + (ch - '0');
            }
            return v;
        }

        private int parseInt(String line, int start, int end, int k) {
            int a = trimStart(line, start, end);
            int b = trimEnd(line, a, end);
            if (a == b || b - a > 9) {
                throw error(line, start, end, k, "expected a non-negative whole number");
            }
            int v = 0;
            for (int i = a; i < b; i++) {
                char ch = line.charAt(i);
                if (ch < '0' || ch > '9') {
                    throw error(line, start, end, k, "expected a non-negative whole number");
                }
                v = v * 10 + (ch - '0');
            }
            return v;
        }

        private float parseFloat(String line, int start, int end, int k) {
            int a = trimStart(line, start, end);
            int b = trimEnd(line, a, end);
            boolean digit = false;
            for (int i = a; i < b; i++) {
                char ch = line.charAt(i);
                if (ch >= '0' && ch <= '9') {
                    digit = true;
                } else if (ch != '.' && ch != '-' && ch != '+' && ch != 'e' && ch != 'E') {
                    throw error(line, start, end, k, "not a finite number (NaN and Infinity are not allowed;"
                            + " mark missing data by leaving the samples out, which shows as a gap)");
                }
            }
            if (!digit) {
                throw error(line, start, end, k, "not a number");
            }
            float v;
            try {
                v = Float.parseFloat(line.substring(a, b));
            } catch (NumberFormatException e) {
                throw error(line, start, end, k, "not a number");
            }
            if (Float.isInfinite(v)) {
                throw error(line, start, end, k, "number outside the float range");
            }
            return v;
        }

        private static int trimStart(String line, int a, int end) {
            while (a < end && line.charAt(a) == ' ') {
                a++;
            }
            return a;
        }

        private static int trimEnd(String line, int a, int b) {
            while (b > a && line.charAt(b - 1) == ' ') {
                b--;
            }
            return b;
        }

        private DataFormatException error(String line, int start, int end, int k, String reason) {
            return new DataFormatException(file, lineNo, columns[k], line.substring(start, end), reason);
        }
    }
}
