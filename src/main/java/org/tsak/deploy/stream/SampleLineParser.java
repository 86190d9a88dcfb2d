package org.tsak.deploy.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Parses stream lines {@code timestamp_ms,<channel>,...} into samples of the model's channels.
 *
 * <ul>
 *   <li>Blank lines and lines starting with {@code #} are skipped anywhere.</li>
 *   <li>Header: if the first other line does not start with a number it is a header naming the
 *       columns. The timestamp is the column {@code timestamp_ms} (else the first column); each
 *       model channel is found by name; other columns (e.g. {@code operation}, {@code box} of a
 *       docs/DATA.md recording) are ignored. A header lacking a model channel is a
 *       {@link StreamFormatException}.</li>
 *   <li>Without a header the columns are the timestamp, then the model's channels in model
 *       order; further columns are ignored.</li>
 *   <li>Timestamps are whole unixtime milliseconds; values finite decimal numbers.</li>
 *   <li>A line with too few fields ({@link WarningKind#MISSING}) or a field that is not a
 *       finite number / whole timestamp ({@link WarningKind#MALFORMED}) gives a warning naming
 *       the line, the column and the value, and no sample.</li>
 *   <li>Several workers in one stream ({@link #SampleLineParser(List, String, String, StreamWarnings,
 *       Function)}): a header is required and must name the worker column; each line's worker id
 *       (that column, stripped, 1 to {@value #MAX_WORKER_ID_CHARS} characters) is read first, and
 *       the line's further warnings go to that worker's counter. A line whose worker column is
 *       missing or empty is warned about on the stream's own counter.</li>
 * </ul>
 * Allocates no objects per line beyond the substrings parsed.
 */
public final class SampleLineParser {

    /** Smallest timestamp read as unixtime seconds (2001-09-09), refused: in ms it would be 1970-01-12. */
    static final double SECONDS_EPOCH_MIN = 1e9;
    /** End of the timestamps read as unixtime seconds: 1e11 ms is 1973-03-03, 1e11 s is the year 5138. */
    static final double SECONDS_EPOCH_END = 1e11;

    /** Name of the timestamp column in a header (docs/DATA.md). */
    public static final String TIMESTAMP_COLUMN = "timestamp_ms";

    /** Longest worker id accepted, characters. */
    public static final int MAX_WORKER_ID_CHARS = 64;

    private final List<String> channelNames;
    private final String source;
    private final StreamWarnings streamWarnings;
    private final String workerColumnName;
    private final Function<String, StreamWarnings> workerWarnings;
    private final float[] values;
    /** Where the current line's warnings go: the stream's, or its worker's once the id is read. */
    private StreamWarnings warnings;
    private int workerColumn = -1;
    private String workerId;
    private boolean headerDecided;
    private int timestampColumn;
    private int[] channelColumns;
    private int neededFields;
    private String[] columnNames;
    private int[] starts;
    private int[] ends;
    private long timestampMs;

    /**
     * @param channelNames the model's channels, in model order
     * @param source       the input, named in errors (e.g. {@code stdin})
     * @param warnings     receives the skipped-line warnings
     */
    public SampleLineParser(List<String> channelNames, String source, StreamWarnings warnings) {
        this(channelNames, null, source, warnings, null);
    }

    /**
     * A parser of a stream carrying several workers' samples, each line tagged in a worker column.
     *
     * @param workerColumn   the header's column holding the worker id; null for a single stream
     * @param warnings       receives the warnings of lines without a worker id
     * @param workerWarnings the counter of a worker id, for the warnings of that worker's lines
     *                       (called once per line that has an id; may create the worker)
     */
    public SampleLineParser(List<String> channelNames, String workerColumn, String source, StreamWarnings warnings,
            Function<String, StreamWarnings> workerWarnings) {
        if (workerColumn != null && (workerColumn.isBlank() || workerWarnings == null)) {
            throw new IllegalArgumentException("a worker column needs a non-blank name and a warning counter per"
                    + " worker, got '" + workerColumn + "'");
        }
        this.channelNames = List.copyOf(channelNames);
        this.workerColumnName = workerColumn == null ? null : workerColumn.strip();
        this.source = source;
        this.streamWarnings = warnings;
        this.warnings = warnings;
        this.workerWarnings = workerWarnings;
        this.values = new float[channelNames.size()];
    }

    /**
     * Parses one line.
     *
     * @return true if the line gave a sample (read it with {@link #timestampMs()} and
     *         {@link #values()}); false for a comment, blank, header or skipped line
     * @throws StreamFormatException if the header lacks a model channel, or the timestamp is in
     *                               unixtime seconds (a value in [1e9, 1e11))
     */
    public boolean parse(String line, long lineNumber) {
        int len = line.length();
        int first = 0;
        while (first < len && Character.isWhitespace(line.charAt(first))) {
            first++;
        }
        if (first == len || line.charAt(first) == '#') {
            return false;
        }
        if (!headerDecided) {
            headerDecided = true;
            if (!startsWithNumber(line, first)) {
                readHeader(line, lineNumber);
                return false;
            }
            if (workerColumnName != null) {
                throw new StreamFormatException(source, lineNumber, "the first line is a sample, but a stream of"
                        + " several workers needs a header naming the columns, among them the worker column '"
                        + workerColumnName + "': e.g. " + TIMESTAMP_COLUMN + "," + workerColumnName + ","
                        + String.join(",", channelNames));
            }
            noHeader();
        }
        int found = split(line);
        if (workerColumn >= 0 && !readWorker(line, lineNumber, found)) {
            return false;
        }
        if (found < neededFields) {
            warnings.warn(WarningKind.MISSING, "line " + lineNumber + ": " + found + " field"
                    + (found == 1 ? "" : "s") + ", expected at least " + neededFields + " ("
                    + expectedColumns() + "); sample skipped");
            return false;
        }
        String ts = field(line, timestampColumn);
        try {
            timestampMs = Long.parseLong(ts);
            refuseSeconds(ts, timestampMs, lineNumber);
        } catch (NumberFormatException e) {
            try {
                refuseSeconds(ts, Double.parseDouble(ts), lineNumber);
            } catch (NumberFormatException notANumber) {
                // warned below
            }
            warnings.warn(WarningKind.MALFORMED, "line " + lineNumber + " column '" + columnName(timestampColumn)
                    + "' value '" + shorten(ts) + "': not a whole number of unixtime ms; sample skipped");
            return false;
        }
        for (int c = 0; c < values.length; c++) {
            String text = field(line, channelColumns[c]);
            float v;
            try {
                v = Float.parseFloat(text);
            } catch (NumberFormatException e) {
                v = Float.NaN;
            }
            if (!Float.isFinite(v)) {
                warnings.warn(WarningKind.MALFORMED, "line " + lineNumber + " column '" + channelNames.get(c)
                        + "' value '" + shorten(text) + "': not a finite number; sample skipped");
                return false;
            }
            values[c] = v;
        }
        return true;
    }

    /** Worker id of the last sample parsed; null for a single stream. */
    public String workerId() {
        return workerId;
    }

    /** Timestamp of the last sample parsed, unixtime ms. */
    public long timestampMs() {
        return timestampMs;
    }

    /** Values of the last sample parsed, in model channel order (reused: copy before the next line). */
    public float[] values() {
        return values;
    }

    /** True once a header row has been read. */
    public boolean hasHeader() {
        return columnNames != null;
    }

    private void noHeader() {
        timestampColumn = 0;
        channelColumns = new int[values.length];
        for (int c = 0; c < values.length; c++) {
            channelColumns[c] = c + 1;
        }
        neededFields = values.length + 1;
        allocateFields();
    }

    private void readHeader(String line, long lineNumber) {
        String[] names = line.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            names[i] = names[i].strip();
        }
        columnNames = names;
        List<String> list = Arrays.asList(names);
        timestampColumn = list.indexOf(TIMESTAMP_COLUMN);
        if (timestampColumn < 0) {
            timestampColumn = 0;
        }
        channelColumns = new int[values.length];
        List<String> missing = new ArrayList<>();
        int max = timestampColumn;
        if (workerColumnName != null) {
            workerColumn = list.indexOf(workerColumnName);
            if (workerColumn < 0) {
                throw new StreamFormatException(source, lineNumber, "the header lacks the worker column '"
                        + workerColumnName + "'; it names " + list + ". Name the column that holds the worker id");
            }
            max = Math.max(max, workerColumn);
        }
        for (int c = 0; c < values.length; c++) {
            channelColumns[c] = list.indexOf(channelNames.get(c));
            if (channelColumns[c] < 0) {
                missing.add(channelNames.get(c));
            }
            max = Math.max(max, channelColumns[c]);
        }
        if (!missing.isEmpty()) {
            throw new StreamFormatException(source, lineNumber, "the header lacks the model's channel"
                    + (missing.size() == 1 ? " " : "s ") + missing + "; it names " + list
                    + ". Name the columns as the model's channels " + channelNames
                    + (workerColumnName != null ? "" : ", or send lines without a header: timestamp_ms, then the"
                    + " channels in that order"));
        }
        neededFields = max + 1;
        allocateFields();
    }

    /**
     * Reads the line's worker id and turns its warnings to that worker's counter.
     *
     * @return false if the line has no usable worker id (warned on the stream's counter)
     */
    private boolean readWorker(String line, long lineNumber, int found) {
        warnings = streamWarnings;
        workerId = null;
        if (workerColumn >= found) {
            warnings.warn(WarningKind.MISSING, "line " + lineNumber + ": " + found + " field"
                    + (found == 1 ? "" : "s") + ", no worker column '" + workerColumnName + "' (column "
                    + (workerColumn + 1) + "); sample skipped");
            return false;
        }
        String id = field(line, workerColumn);
        if (id.isEmpty() || id.length() > MAX_WORKER_ID_CHARS) {
            warnings.warn(WarningKind.MALFORMED, "line " + lineNumber + " column '" + workerColumnName
                    + "' value '" + shorten(id) + "': not a worker id (1 to " + MAX_WORKER_ID_CHARS
                    + " characters); sample skipped");
            return false;
        }
        workerId = id;
        warnings = workerWarnings.apply(id);
        return true;
    }

    private void allocateFields() {
        starts = new int[neededFields];
        ends = new int[neededFields];
    }

    /** Records the bounds of the first {@code neededFields} fields; returns how many were found. */
    private int split(String line) {
        int n = 0;
        int start = 0;
        int len = line.length();
        while (n < neededFields) {
            int comma = line.indexOf(',', start);
            int end = comma < 0 ? len : comma;
            starts[n] = start;
            ends[n] = end;
            n++;
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return n;
    }

    private String field(String line, int column) {
        int s = starts[column];
        int e = ends[column];
        while (s < e && Character.isWhitespace(line.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(line.charAt(e - 1))) {
            e--;
        }
        return line.substring(s, e);
    }

    private String columnName(int column) {
        return columnNames != null ? columnNames[column] : column == 0 ? TIMESTAMP_COLUMN : channelNames.get(column - 1);
    }

    private String expectedColumns() {
        if (columnNames == null) {
            return TIMESTAMP_COLUMN + ", " + String.join(", ", channelNames);
        }
        return "the header's columns up to '" + columnNames[neededFields - 1] + "'";
    }

    /**
     * A timestamp in [{@value #SECONDS_EPOCH_MIN}, {@value #SECONDS_EPOCH_END}) is unixtime in seconds
     * (2001 to 5138), which as ms would be a moment of 1970-1973: refused, or nearly every sample
     * would be skipped as out of order (whole seconds) or malformed (fractions).
     */
    private void refuseSeconds(String text, double value, long lineNumber) {
        if (value >= SECONDS_EPOCH_MIN && value < SECONDS_EPOCH_END) {
            throw new StreamFormatException(source, lineNumber, "column '" + columnName(timestampColumn)
                    + "' value '" + shorten(text) + "' looks like unixtime in seconds; tsak stream expects unixtime"
                    + " in milliseconds (e.g. 1700000000123): multiply the timestamps by 1000");
        }
    }

    private static boolean startsWithNumber(String line, int first) {
        char ch = line.charAt(first);
        return (ch >= '0' && ch <= '9') || ch == '-' || ch == '+' || ch == '.';
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
