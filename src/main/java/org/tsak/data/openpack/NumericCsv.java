package org.tsak.data.openpack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.tsak.data.DataFormatException;

/**
 * A fast reader of the numeric columns of a comma-separated file with a header line: one
 * integer time column (ms) and any number of float value columns, selected by name; other
 * columns are skipped without being parsed.
 *
 * <p>The whole file is read as bytes and parsed by hand (no regex, no {@code String.split}):
 * plain decimals such as {@code -0.6406} are converted without creating strings; anything else
 * (exponents, more than 18 significant digits) falls back to {@link Float#parseFloat}.
 * Empty fields, {@code NaN}, infinities and non-numbers fail with a {@link DataFormatException}
 * naming the file, line (the header is line 1), column and value. Blank lines are allowed only
 * at the end of the file, so data row {@code r} is always on line {@code r + 2}
 * (see {@link #lineOf(int)}). A UTF-8 byte-order mark and CRLF line ends are accepted. Every
 * line, the last one included, must end with a line end (as every OpenPack file does): a last
 * line without one is taken as a sign that the file was cut short, which could have shortened
 * its last value without making it invalid ({@code 0.9062} read as {@code 0.9}), and fails.
 */
public final class NumericCsv {

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /** Marker in the column-role table: the field is not read. */
    private static final int SKIP = -1;
    /** Marker in the column-role table: the field is the time column. */
    private static final int TIME = -2;

    private final Path file;
    private final List<String> valueColumns;
    private final long[] timesMs;
    private final float[][] values;

    private NumericCsv(Path file, List<String> valueColumns, long[] timesMs, float[][] values) {
        this.file = file;
        this.valueColumns = valueColumns;
        this.timesMs = timesMs;
        this.values = values;
    }

    /**
     * Reads the time column and the value columns of a file.
     *
     * @param file         the CSV file
     * @param timeColumn   name of the integer time column in ms, e.g. {@code unixtime}
     * @param valueColumns names of the float columns to read, in the order wanted
     * @throws DataFormatException if the file is empty, has no data rows, lacks a column, holds
     *                             a value that is not a finite number, or its last line has no
     *                             line end (a file cut short)
     * @throws IOException         if the file cannot be read
     */
    public static NumericCsv read(Path file, String timeColumn, List<String> valueColumns)
            throws IOException {
        byte[] b = Files.readAllBytes(file);
        String expected = "expected a header line with columns " + timeColumn
                + (valueColumns.isEmpty() ? "" : "," + String.join(",", valueColumns))
                + " followed by data rows";
        int start = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            start = 3;
        }
        if (isBlank(b, start, b.length)) {
            throw new DataFormatException(file, "file is empty; " + expected);
        }
        int headerEnd = lineEnd(b, start);
        List<String> header = CsvFields.split(new String(b, start, trimCr(b, start, headerEnd) - start,
                StandardCharsets.UTF_8));
        int[] role = new int[header.size()];
        Arrays.fill(role, SKIP);
        int lastNeeded = requireColumn(file, header, timeColumn, expected);
        role[lastNeeded] = TIME;
        for (int k = 0; k < valueColumns.size(); k++) {
            int idx = requireColumn(file, header, valueColumns.get(k), expected);
            if (role[idx] != SKIP) {
                throw new IllegalArgumentException("column " + valueColumns.get(k) + " requested twice");
            }
            role[idx] = k;
            lastNeeded = Math.max(lastNeeded, idx);
        }
        int capacity = countLines(b, headerEnd + 1);
        long[] times = new long[capacity];
        float[][] vals = new float[valueColumns.size()][capacity];
        String[] names = header.toArray(new String[0]);

        int rows = 0;
        int pos = headerEnd + 1;
        while (pos < b.length) {
            int end = lineEnd(b, pos);
            int contentEnd = trimCr(b, pos, end);
            long line = rows + 2L;
            if (contentEnd == pos) {
                if (isBlank(b, end, b.length)) {
                    break;
                }
                throw new DataFormatException(file, line, null, "",
                        "empty line inside the data; remove it (blank lines are allowed only at the end)");
            }
            if (end == b.length && !isBlank(b, pos, end)) {
                throw new DataFormatException(file, line, null, new String(b, pos, contentEnd - pos,
                        StandardCharsets.UTF_8), "the last line has no line end, so the file seems cut short and"
                        + " its last value may be incomplete; restore the complete file (or end the line if the"
                        + " row is whole)");
            }
            int field = 0;
            int fs = pos;
            while (true) {
                int fe = fs;
                while (fe < contentEnd && b[fe] != ',') {
                    fe++;
                }
                if (field < role.length) {
                    int r = role[field];
                    if (r == TIME) {
                        times[rows] = parseLong(b, fs, fe, file, line, names[field]);
                    } else if (r >= 0) {
                        vals[r][rows] = parseFloat(b, fs, fe, file, line, names[field]);
                    }
                }
                field++;
                if (fe >= contentEnd) {
                    break;
                }
                fs = fe + 1;
            }
            if (field <= lastNeeded) {
                throw new DataFormatException(file, line, names[field], null, "row has " + field
                        + " fields but the header has " + names.length + "; the row is cut short");
            }
            rows++;
            pos = end + 1;
        }
        if (rows == 0) {
            throw new DataFormatException(file, "no data rows after the header; " + expected);
        }
        if (rows < capacity) {
            times = Arrays.copyOf(times, rows);
            for (int k = 0; k < vals.length; k++) {
                vals[k] = Arrays.copyOf(vals[k], rows);
            }
        }
        return new NumericCsv(file, List.copyOf(valueColumns), times, vals);
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** Number of data rows. */
    public int rowCount() {
        return timesMs.length;
    }

    /** The time column in ms (internal array: the caller may take it over). */
    public long[] timesMs() {
        return timesMs;
    }

    /** Names of the value columns, in the order requested. */
    public List<String> valueColumns() {
        return valueColumns;
    }

    /** Value column k, in the order requested (internal array: the caller may take it over). */
    public float[] column(int k) {
        return values[k];
    }

    /** All value columns, {@code [column][row]} (internal arrays). */
    public float[][] columns() {
        return values;
    }

    /** The 1-based line number of data row {@code row} (the header is line 1). */
    public static long lineOf(int row) {
        return row + 2L;
    }

    private static int requireColumn(Path file, List<String> header, String name, String expected) {
        int idx = header.indexOf(name);
        if (idx < 0) {
            throw new DataFormatException(file, 1, name, null, "missing column '" + name
                    + "'; the header has " + header + "; " + expected);
        }
        return idx;
    }

    private static int lineEnd(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] != '\n') {
            i++;
        }
        return i;
    }

    private static int trimCr(byte[] b, int from, int end) {
        return end > from && b[end - 1] == '\r' ? end - 1 : end;
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static int countLines(byte[] b, int from) {
        int n = 1;
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    private static long parseLong(byte[] b, int s, int e, Path file, long line, String column) {
        int i = s;
        boolean neg = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        if (i == e || e - i > 18) {
            return parseLongSlow(b, s, e, file, line, column);
        }
        long v = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return parseLongSlow(b, s, e, file, line, column);
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    /** Times written as decimals (e.g. {@code 1648531521000.0}) are rounded to whole ms. */
    private static long parseLongSlow(byte[] b, int s, int e, Path file, long line, String column) {
        String text = new String(b, s, e - s, StandardCharsets.UTF_8);
        try {
            double d = Double.parseDouble(text.trim());
            if (Double.isFinite(d) && Math.abs(d) < 9.0e18) {
                return Math.round(d);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new DataFormatException(file, line, column, text,
                "expected a time in whole milliseconds; fix or remove the row");
    }

    private static float parseFloat(byte[] b, int s, int e, Path file, long line, String column) {
        int i = s;
        boolean neg = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int fractionDigits = 0;
        int droppedIntegerDigits = 0;
        boolean dot = false;
        boolean anyDigit = false;
        for (; i < e; i++) {
            int c = b[i];
            int d = c - '0';
            if (d >= 0 && d <= 9) {
                anyDigit = true;
                if (significant < 18) {
                    mantissa = mantissa * 10 + d;
                    if (mantissa != 0) {
                        significant++;
                    }
                    if (dot) {
                        fractionDigits++;
                    }
                } else if (!dot) {
                    droppedIntegerDigits++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return parseFloatSlow(b, s, e, file, line, column);
            }
        }
        if (!anyDigit || fractionDigits >= POW10.length || droppedIntegerDigits >= POW10.length) {
            return parseFloatSlow(b, s, e, file, line, column);
        }
        double v = mantissa;
        if (fractionDigits > 0) {
            v /= POW10[fractionDigits];
        }
        if (droppedIntegerDigits > 0) {
            v *= POW10[droppedIntegerDigits];
        }
        float f = (float) (neg ? -v : v);
        if (Float.isInfinite(f)) {
            throw notFinite(b, s, e, file, line, column);
        }
        return f;
    }

    private static float parseFloatSlow(byte[] b, int s, int e, Path file, long line, String column) {
        String text = new String(b, s, e - s, StandardCharsets.UTF_8);
        float f;
        try {
            f = Float.parseFloat(text);
        } catch (NumberFormatException ex) {
            throw new DataFormatException(file, line, column, text, (text.isBlank() ? "empty value"
                    : "not a number") + "; expected a finite decimal number: fix or remove the row");
        }
        if (!Float.isFinite(f)) {
            throw notFinite(b, s, e, file, line, column);
        }
        return f;
    }

    private static DataFormatException notFinite(byte[] b, int s, int e, Path file, long line, String column) {
        return new DataFormatException(file, line, column, new String(b, s, e - s, StandardCharsets.UTF_8),
                "not a finite number (NaN or infinite); fix or remove the row");
    }
}
