package org.tsak.data.openpack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.tsak.data.DataFormatException;
import org.tsak.data.Operations;

/**
 * The operation segments of one session ({@code annotation/openpack-operations/<session>.csv}):
 * one row per segment with columns {@code box}, {@code id}, {@code start}, {@code end} (others
 * such as {@code uuid}, {@code operation}, {@code actions} are ignored). Start and end are ISO
 * date-times with offset, e.g. {@code 2022-03-29 14:25:22.143000+09:00}, converted to epoch ms.
 *
 * <p>A time {@code t} belongs to a segment when {@code start <= t < end}; times in no segment are
 * Null ({@link Operations#NULL_ID}) with box 0. Where segments overlap, the one starting latest
 * at or before {@code t} wins.
 */
public final class OperationSegments {

    private static final List<String> REQUIRED = List.of("box", "id", "start", "end");

    private final long[] startMs;
    private final long[] endMs;
    private final int[] ids;
    private final int[] boxes;

    private OperationSegments(long[] startMs, long[] endMs, int[] ids, int[] boxes) {
        this.startMs = startMs;
        this.endMs = endMs;
        this.ids = ids;
        this.boxes = boxes;
    }

    /**
     * Reads a segment file.
     *
     * @throws DataFormatException if the file is empty, lacks a column, or holds an unknown
     *                             operation id, a bad box number or a bad or reversed time
     * @throws IOException         if it cannot be read
     */
    public static OperationSegments read(Path file) throws IOException {
        // decoding replaces bytes that are not UTF-8 by U+FFFD, reported below with their line
        List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        String expected = "expected an OpenPack operation file with header columns including "
                + String.join(",", REQUIRED) + " and one row per segment";
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new DataFormatException(file, "file is empty; " + expected);
        }
        checkDecoded(file, 1, lines.get(0));
        String headerLine = lines.get(0);
        if (headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);
        }
        List<String> header = CsvFields.split(headerLine);
        int[] col = new int[REQUIRED.size()];
        for (int k = 0; k < col.length; k++) {
            col[k] = header.indexOf(REQUIRED.get(k));
            if (col[k] < 0) {
                throw new DataFormatException(file, 1, REQUIRED.get(k), null, "missing column '"
                        + REQUIRED.get(k) + "'; the header has " + header + "; " + expected);
            }
        }
        int needed = Arrays.stream(col).max().getAsInt() + 1;
        List<long[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            long lineNo = i + 1L;
            if (line.isBlank()) {
                continue;
            }
            checkDecoded(file, lineNo, line);
            List<String> f = CsvFields.split(line);
            if (f.size() < needed) {
                throw new DataFormatException(file, lineNo, header.get(f.size()), null, "row has "
                        + f.size() + " fields but the header has " + header.size() + "; the row is cut short");
            }
            int box = parseBox(file, lineNo, f.get(col[0]));
            int id = parseId(file, lineNo, "id", f.get(col[1]));
            long start = parseTime(file, lineNo, "start", f.get(col[2]));
            long end = parseTime(file, lineNo, "end", f.get(col[3]));
            if (end < start) {
                throw new DataFormatException(file, lineNo, "end", f.get(col[3]),
                        "segment ends before it starts (" + f.get(col[2]) + "); fix the row");
            }
            rows.add(new long[] {start, end, id, box});
        }
        rows.sort(Comparator.comparingLong(r -> r[0]));
        int m = rows.size();
        long[] s = new long[m];
        long[] e = new long[m];
        int[] ids = new int[m];
        int[] boxes = new int[m];
        for (int k = 0; k < m; k++) {
            long[] r = rows.get(k);
            s[k] = r[0];
            e[k] = r[1];
            ids[k] = (int) r[2];
            boxes[k] = (int) r[3];
        }
        return new OperationSegments(s, e, ids, boxes);
    }

    /** Number of segments. */
    public int size() {
        return ids.length;
    }

    /** Start of segment k in epoch ms (segments sorted by start). */
    public long startMs(int k) {
        return startMs[k];
    }

    /** End (exclusive) of segment k in epoch ms. */
    public long endMs(int k) {
        return endMs[k];
    }

    /** Operation id of segment k. */
    public int operationId(int k) {
        return ids[k];
    }

    /** Box number of segment k. */
    public int box(int k) {
        return boxes[k];
    }

    /**
     * Labels ascending sample times.
     *
     * @param timesMs ascending times in ms
     * @param idsOut  receives the operation id per sample (Null where no segment covers it)
     * @param boxOut  receives the box number per sample (0 where Null)
     */
    public void label(long[] timesMs, int[] idsOut, int[] boxOut) {
        int k = -1;
        int m = ids.length;
        for (int i = 0; i < timesMs.length; i++) {
            long t = timesMs[i];
            while (k + 1 < m && startMs[k + 1] <= t) {
                k++;
            }
            if (k >= 0 && t < endMs[k]) {
                idsOut[i] = ids[k];
                boxOut[i] = boxes[k];
            } else {
                idsOut[i] = Operations.NULL_ID;
                boxOut[i] = 0;
            }
        }
    }

    /** Parses an operation id and checks that it is an OpenPack operation. */
    static int parseId(Path file, long line, String column, String text) {
        int id;
        try {
            id = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, column, text, "operation id is not an integer;"
                    + " expected one of " + Operations.OPERATION_IDS + " or " + Operations.NULL_ID);
        }
        if (!Operations.isKnownId(id)) {
            throw new DataFormatException(file, line, column, text, "unknown operation id; expected one of "
                    + Operations.OPERATION_IDS + " or " + Operations.NULL_ID + " (Null)");
        }
        return id;
    }

    private static int parseBox(Path file, long line, String text) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            int box = (int) Double.parseDouble(text);
            if (box >= 0 && box == Double.parseDouble(text)) {
                return box;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DataFormatException(file, line, "box", text,
                "box number is not a non-negative integer; fix the row (leave it empty for no box)");
    }

    private static void checkDecoded(Path file, long line, String text) {
        int bad = text.indexOf('\uFFFD');
        if (bad >= 0) {
            throw new DataFormatException(file, line, null, null, "bytes that are not UTF-8 at character "
                    + (bad + 1) + "; OpenPack annotation files are UTF-8 text: restore the file");
        }
    }

    private static long parseTime(Path file, long line, String column, String text) {
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new DataFormatException(file, line, column, text, "not an ISO date-time with offset,"
                    + " expected e.g. 2022-03-29 14:25:22.143000+09:00");
        }
    }
}
