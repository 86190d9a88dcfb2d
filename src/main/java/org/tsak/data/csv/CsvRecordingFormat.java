package org.tsak.data.csv;

/**
 * The constants of the {@code tsak-recording v1} CSV format shared by
 * {@link CsvRecordingWriter} and {@link CsvRecordingReader} (see docs/DATA.md).
 *
 * <pre>
 * # tsak-recording v1
 * # subject: W01
 * # session: S01
 * # sampling_rate_hz: 30
 * timestamp_ms,right_wrist/acc_x,...,left_wrist/cap_2,operation,box
 * 1700000000000,0.0123,...,0.3,100,1
 * </pre>
 */
public final class CsvRecordingFormat {

    /** The first line of every file. */
    public static final String MAGIC_LINE = "# tsak-recording v1";

    /** Prefix of the first line, before the version. */
    public static final String MAGIC_PREFIX = "# tsak-recording ";

    /** Metadata key: the person recorded. */
    public static final String KEY_SUBJECT = "subject";

    /** Metadata key: the session id. */
    public static final String KEY_SESSION = "session";

    /** Metadata key: nominal sampling rate in Hz. */
    public static final String KEY_SAMPLING_RATE_HZ = "sampling_rate_hz";

    /** Metadata key, may repeat: a flaw found or a repair made ({@code Recording.notes()}). */
    public static final String KEY_NOTE = "note";

    /** First column: unixtime in milliseconds. */
    public static final String COLUMN_TIMESTAMP = "timestamp_ms";

    /** Column of the OpenPack operation id (100..1000, 8100 = Null). */
    public static final String COLUMN_OPERATION = "operation";

    /** Column of the box number (0 = none). */
    public static final String COLUMN_BOX = "box";

    /** File name extension. */
    public static final String EXTENSION = ".csv";

    /**
     * A jump between consecutive timestamps larger than this many nominal sample periods is a
     * gap: noted in {@code Recording.notes()}, not an error.
     */
    public static final double GAP_FACTOR = 10.0;

    private CsvRecordingFormat() {
    }
}
