package org.tsak.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.DataFormatException;
import org.tsak.data.Recording;

/**
 * Each kind of bad input fails with a message that names the file, the 1-based line
 * (comment lines count), the column and the value.
 */
class CsvRecordingReaderErrorsTest {

    @TempDir
    Path dir;

    private static final String META = "# tsak-recording v1\n# subject: W01\n# session: S01\n# sampling_rate_hz: 30\n";
    private static final String HEADER = "timestamp_ms,right_wrist/acc_x,left_wrist/cap_1,operation,box\n";
    private static final String ROW6 = "1700000000000,0.5,0.25,100,1\n";
    private static final String ROW7 = "1700000000033,0.5,0.25,100,1\n";

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    private DataFormatException fails(String content, long line, String column, String value) throws IOException {
        Path f = file("bad-file.csv", content);
        DataFormatException e = assertThrows(DataFormatException.class, () -> new CsvRecordingReader().readFile(f));
        assertTrue(e.getMessage().contains("bad-file.csv"), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(value, e.value(), e.getMessage());
        if (line > 0) {
            assertTrue(e.getMessage().contains("line " + line), e.getMessage());
        }
        if (column != null) {
            assertTrue(e.getMessage().contains("'" + column + "'"), e.getMessage());
        }
        if (value != null) {
            assertTrue(e.getMessage().contains("value '" + value + "'"), e.getMessage());
        }
        return e;
    }

    @Test
    void goodFileReads() throws IOException {
        Recording r = new CsvRecordingReader().readFile(file("ok.csv",
                META + "# a free comment\n" + HEADER + ROW6 + ROW7 + "1700000000067,-0.5,1e-3,200,1\n"));
        assertEquals("W01-S01", r.key());
        assertEquals(3, r.sampleCount());
        assertArrayEquals(new float[] {0.5f, 0.5f, -0.5f}, r.channel(0));
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.001f}, r.channel(1));
        assertArrayEquals(new int[] {100, 100, 200}, r.sampleLabels());
        assertEquals(List.of(), r.notes());
        assertEquals(1, r.groundTruth().size());
        assertEquals(100, r.groundTruth().operationId(0));
    }

    @Test
    void windowsLineEndsAndTrailingBlankLinesAreAccepted() throws IOException {
        String crlf = (META + HEADER + ROW6 + ROW7).replace("\n", "\r\n") + "\r\n";
        assertEquals(2, new CsvRecordingReader().readFile(file("crlf.csv", crlf)).sampleCount());
    }

    @Test
    void missingMetadataKey() throws IOException {
        DataFormatException e = fails("# tsak-recording v1\n# subject: W01\n# sampling_rate_hz: 30\n" + HEADER + ROW6,
                4, "session", null);
        assertTrue(e.getMessage().contains("# session:"), e.getMessage());
    }

    @Test
    void duplicateMetadataKey() throws IOException {
        fails(META + "# subject: W02\n" + HEADER + ROW6, 5, "subject", "W02");
    }

    @Test
    void badSamplingRate() throws IOException {
        fails("# tsak-recording v1\n# subject: W01\n# session: S01\n# sampling_rate_hz: thirty\n" + HEADER + ROW6,
                5, "sampling_rate_hz", "thirty");
    }

    @Test
    void notATsakRecording() throws IOException {
        fails("timestamp,acc\n1,2\n", 1, null, "timestamp,acc");
        fails("# tsak-recording v2\n", 1, null, "v2");
    }

    @Test
    void emptyFile() throws IOException {
        DataFormatException e = fails("", 0, null, null);
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void headerWithoutDataRows() throws IOException {
        DataFormatException e = fails(META + HEADER, 5, null, null);
        assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
        fails(META, 4, null, null);
    }

    @Test
    void duplicateChannelColumn() throws IOException {
        fails(META + "timestamp_ms,right_wrist/acc_x,right_wrist/acc_x,operation,box\n" + ROW6, 5,
                "right_wrist/acc_x", null);
    }

    @Test
    void illFormedChannelColumn() throws IOException {
        DataFormatException e = fails(META + "timestamp_ms,rightwrist-acc,operation,box\n1,2,100,1\n", 5,
                "rightwrist-acc", null);
        assertTrue(e.getMessage().contains("<position>/<sensor>"), e.getMessage());
        fails(META + "timestamp_ms,right_wrist/acc_x,,operation,box\n1,2,3,100,1\n", 5, "", null);
    }

    @Test
    void firstColumnMustBeTimestamp() throws IOException {
        fails(META + "time,right_wrist/acc_x,operation,box\n1,2,100,1\n", 5, "time", null);
    }

    @Test
    void missingOperationOrBoxColumn() throws IOException {
        fails(META + "timestamp_ms,right_wrist/acc_x,box\n1,2,1\n", 5, "operation", null);
        fails(META + "timestamp_ms,right_wrist/acc_x,operation\n1,2,100\n", 5, "box", null);
    }

    @Test
    void noChannelColumns() throws IOException {
        DataFormatException e = fails(META + "timestamp_ms,operation,box\n1,100,1\n", 5, null, null);
        assertTrue(e.getMessage().contains("channel"), e.getMessage());
    }

    @Test
    void wrongFieldCount() throws IOException {
        DataFormatException e = fails(META + HEADER + ROW6 + "1700000000033,0.5,100,1\n", 7, null, "4");
        assertTrue(e.getMessage().contains("5 columns"), e.getMessage());
        fails(META + HEADER + ROW6 + "1700000000033,0.5,0.25,100,1,7\n", 7, null, "6");
    }

    @Test
    void nonNumericNanAndInfiniteValues() throws IOException {
        fails(META + HEADER + ROW6 + "1700000000033,abc,0.25,100,1\n", 7, "right_wrist/acc_x", "abc");
        fails(META + HEADER + ROW6 + "1700000000033,0.5,NaN,100,1\n", 7, "left_wrist/cap_1", "NaN");
        fails(META + HEADER + ROW6 + "1700000000033,Infinity,0.5,100,1\n", 7, "right_wrist/acc_x", "Infinity");
        fails(META + HEADER + ROW6 + "1700000000033,1e39,0.5,100,1\n", 7, "right_wrist/acc_x", "1e39");
        fails(META + HEADER + ROW6 + "1700000000033,,0.5,100,1\n", 7, "right_wrist/acc_x", "");
        fails(META + HEADER + ROW6 + "1700000000033,0x1p3,0.5,100,1\n", 7, "right_wrist/acc_x", "0x1p3");
    }

    @Test
    void commentLinesCountInLineNumbers() throws IOException {
        fails(META + "# free comment\n# another: thing\n" + HEADER + ROW6 + "1700000000033,abc,0.25,100,1\n",
                9, "right_wrist/acc_x", "abc");
    }

    @Test
    void badTimestampAndBox() throws IOException {
        fails(META + HEADER + "17e11,0.5,0.25,100,1\n", 6, "timestamp_ms", "17e11");
        fails(META + HEADER + "1700000000000,0.5,0.25,100,-1\n", 6, "box", "-1");
    }

    @Test
    void timestampsGoingBackwardsOrRepeating() throws IOException {
        DataFormatException back = fails(META + HEADER + ROW6 + ROW7 + "1700000000010,0.5,0.25,100,1\n", 8,
                "timestamp_ms", "1700000000010");
        assertTrue(back.getMessage().contains("backwards") && back.getMessage().contains("1700000000033"),
                back.getMessage());
        DataFormatException same = fails(META + HEADER + ROW6 + ROW7 + ROW7, 8, "timestamp_ms", "1700000000033");
        assertTrue(same.getMessage().contains("repeats"), same.getMessage());
    }

    @Test
    void unknownOperationId() throws IOException {
        DataFormatException e = fails(META + HEADER + ROW6 + "1700000000033,0.5,0.25,150,1\n", 7, "operation", "150");
        assertTrue(e.getMessage().contains("8100"), e.getMessage());
    }

    @Test
    void aJumpIsAGapNotedNotAnError() throws IOException {
        // nominal period 33.3 ms: 10x is 333 ms. 1700000000333 - ...033 = 300 ms is fine,
        // 1700000005000 - ...333 = 4667 ms is a gap.
        Recording r = new CsvRecordingReader().readFile(file("gap.csv", META + HEADER + ROW6 + ROW7
                + "1700000000333,0.5,0.25,100,1\n1700000005000,0.5,0.25,100,1\n"));
        assertEquals(4, r.sampleCount());
        assertEquals(1, r.notes().size(), r.notes().toString());
        String note = r.notes().get(0);
        assertTrue(note.startsWith("gap of 4667 ms"), note);
        assertTrue(note.contains("lines 8 and 9"), note);
    }

    @Test
    void folderWithoutCsvFails() throws IOException {
        Files.writeString(dir.resolve("readme.txt"), "no data");
        DataFormatException e = assertThrows(DataFormatException.class, () -> new CsvRecordingReader().read(dir));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains(".csv"), e.getMessage());
    }

    @Test
    void folderIsReadInNameOrderAndChannelsMustAgree() throws IOException {
        file("b.csv", META.replace("S01", "S02") + "timestamp_ms,left_wrist/cap_1,right_wrist/acc_x,operation,box\n"
                + "1700000000000,0.25,0.5,100,1\n");
        file("a.csv", META + HEADER + ROW6);
        List<Recording> recs = new CsvRecordingReader().read(dir);
        assertEquals(List.of("W01-S01", "W01-S02"), recs.stream().map(Recording::key).toList());
        // b's columns are put into a's order
        assertEquals(List.of("right_wrist/acc_x", "left_wrist/cap_1"), recs.get(1).channels());
        assertEquals(0.5f, recs.get(1).channel(0)[0]);

        file("c.csv", META.replace("S01", "S03") + "timestamp_ms,right_wrist/acc_x,operation,box\n"
                + "1700000000000,0.5,100,1\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> new CsvRecordingReader().read(dir));
        assertTrue(e.getMessage().contains("c.csv") && e.getMessage().contains("a.csv"), e.getMessage());
        assertEquals("left_wrist/cap_1", e.column());
        assertEquals(5, e.line());
    }

    @Test
    void folderWithTheSameSessionTwiceFails() throws IOException {
        file("a.csv", META + HEADER + ROW6);
        file("b.csv", META + HEADER + ROW6);
        DataFormatException e = assertThrows(DataFormatException.class, () -> new CsvRecordingReader().read(dir));
        assertTrue(e.getMessage().contains("b.csv") && e.getMessage().contains("W01-S01"), e.getMessage());
    }
}
