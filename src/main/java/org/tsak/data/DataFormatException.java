package org.tsak.data;

import java.nio.file.Path;

/**
 * Bad input in a data file: the message names the file, line (1-based, the header is line 1),
 * column and offending value, and what to do about it. Nothing half-read is passed on.
 */
public class DataFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String column;
    private final String value;

    /**
     * @param file   the file being read
     * @param line   1-based line number, or 0 if the problem concerns the whole file
     * @param column column name, or null
     * @param value  offending value, or null
     * @param reason what is wrong and, where possible, what to do about it
     */
    public DataFormatException(Path file, long line, String column, String value, String reason) {
        super(format(file, line, column, value, reason));
        this.file = file;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    /** A problem with a file or folder as a whole. */
    public DataFormatException(Path file, String reason) {
        this(file, 0, null, null, reason);
    }

    private static String format(Path file, long line, String column, String value, String reason) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            sb.append(" line ").append(line);
        }
        if (column != null) {
            sb.append(" column '").append(column).append('\'');
        }
        if (value != null) {
            sb.append(" value '").append(value.length() > 60 ? value.substring(0, 60) + "..." : value)
                    .append('\'');
        }
        return sb.append(": ").append(reason).toString();
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** 1-based line number, 0 for the whole file. */
    public long line() {
        return line;
    }

    /** Column name, or null. */
    public String column() {
        return column;
    }

    /** Offending value, or null. */
    public String value() {
        return value;
    }
}
