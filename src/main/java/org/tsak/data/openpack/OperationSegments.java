package org.tsak.data.openpack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
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
 * Null ({@link Operations#NULL_ID}) with box 0.
 *
 * <p><b>Overlapping and nested segments</b> (a short segment added inside a longer one, or one
 * starting before the previous one ends) are not an error; the rule is: at each time, of the
 * segments covering it, the one that <i>started latest</i> labels it (a tie in start: the one
 * that ends first, then the one on the later line). So an inner segment labels its own span only,
 * and the outer segment resumes after it up to the outer one's end; where two segments overlap
 * partly, the later one takes over from its start. Nothing in the file's time span becomes Null
 * because of an overlap. {@link #overlapNote(String)} says which lines overlap, for the
 * recording's notes.
 */
public final class OperationSegments {

    private static final List<String> REQUIRED = List.of("box", "id", "start", "end");

    /** Notes name at most this many overlapping pairs, then say how many more there are. */
    static final int NOTED_OVERLAPS = 3;

    private final long[] startMs;
    private final long[] endMs;
    private final int[] ids;
    private final int[] boxes;
    private final long[] lines;

    private OperationSegments(long[] startMs, long[] endMs, int[] ids, int[] boxes, long[] lines) {
        this.startMs = startMs;
        this.endMs = endMs;
        this.ids = ids;
        this.boxes = boxes;
        this.lines = lines;
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
            rows.add(new long[] {start, end, id, box, lineNo});
        }
        // by start, then the inner one (earlier end) first, then by line: the priority order of the rule
        rows.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparing(r -> -r[1]).thenComparingLong(r -> r[4]));
        int m = rows.size();
        long[] s = new long[m];
        long[] e = new long[m];
        int[] ids = new int[m];
        int[] boxes = new int[m];
        long[] lineNos = new long[m];
        for (int k = 0; k < m; k++) {
            long[] r = rows.get(k);
            s[k] = r[0];
            e[k] = r[1];
            ids[k] = (int) r[2];
            boxes[k] = (int) r[3];
            lineNos[k] = r[4];
        }
        return new OperationSegments(s, e, ids, boxes, lineNos);
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

    /** File line (1-based) of segment k. */
    public long line(int k) {
        return lines[k];
    }

    /**
     * Labels ascending sample times by the class rule: of the segments covering a time, the one
     * that started latest (then the one ending first, then the later line).
     *
     * @param timesMs ascending times in ms
     * @param idsOut  receives the operation id per sample (Null where no segment covers it)
     * @param boxOut  receives the box number per sample (0 where Null)
     */
    public void label(long[] timesMs, int[] idsOut, int[] boxOut) {
        int m = ids.length;
        // segments started so far and not yet ended, in priority order (last = the one that labels)
        ArrayDeque<Integer> open = new ArrayDeque<>();
        int next = 0;
        for (int i = 0; i < timesMs.length; i++) {
            long t = timesMs[i];
            while (next < m && startMs[next] <= t) {
                open.addLast(next++);
            }
            open.removeIf(k -> endMs[k] <= t);
            Integer k = open.peekLast();
            if (k != null) {
                idsOut[i] = ids[k];
                boxOut[i] = boxes[k];
            } else {
                idsOut[i] = Operations.NULL_ID;
                boxOut[i] = 0;
            }
        }
    }

    /**
     * Pairs of segments that overlap in time (a segment starting before an earlier-starting one
     * ends), as {@code {k1, k2}} segment indices with {@code k1} before {@code k2} in start order.
     */
    public List<int[]> overlaps() {
        List<int[]> out = new ArrayList<>();
        for (int b = 1; b < ids.length; b++) {
            for (int a = 0; a < b; a++) {
                if (startMs[b] < endMs[a] && startMs[a] < endMs[b]) {
                    out.add(new int[] {a, b});
                }
            }
        }
        return out;
    }

    /**
     * A note on overlapping or nested segments and the rule applied, naming the lines of up to
     * {@link #NOTED_OVERLAPS} pairs; null if no two segments overlap.
     *
     * @param label the file as it should appear in the note
     */
    public String overlapNote(String label) {
        List<int[]> pairs = overlaps();
        if (pairs.isEmpty()) {
            return null;
        }
        int nested = 0;
        StringBuilder sb = new StringBuilder();
        for (int q = 0; q < pairs.size(); q++) {
            int[] p = pairs.get(q);
            boolean inside = startMs[p[0]] <= startMs[p[1]] && endMs[p[1]] <= endMs[p[0]];
            if (inside) {
                nested++;
            }
            if (q < NOTED_OVERLAPS) {
                sb.append(q == 0 ? "" : "; ").append("line ").append(lines[p[1]]).append(" (")
                        .append(ids[p[1]]).append(", box ").append(boxes[p[1]]).append(") ")
                        .append(inside ? "lies inside" : "overlaps").append(" line ").append(lines[p[0]])
                        .append(" (").append(ids[p[0]]).append(", box ").append(boxes[p[0]]).append(")");
            }
        }
        if (pairs.size() > NOTED_OVERLAPS) {
            sb.append("; and ").append(pairs.size() - NOTED_OVERLAPS).append(" more");
        }
        return label + ": " + pairs.size() + " overlapping segment pair(s), " + nested + " of them nested: " + sb
                + ". Rule applied: of the segments covering a time, the one that started latest labels it, and"
                + " an interrupted segment resumes after the inner one ends (no Null from an overlap)";
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
