package org.tsak.data.openpack;

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
 * The reader on tiny synthetic sessions ({@link OpenPackFixture}): alignment, labels, repairs
 * of known flaws, and one bad-input case each.
 */
class OpenPackReaderSyntheticTest {

    private static final long T0 = OpenPackFixture.T0;

    @TempDir
    Path root;

    private Recording readOne() throws IOException {
        List<Recording> all = new OpenPackReader().read(root);
        assertEquals(1, all.size());
        return all.get(0);
    }

    private DataFormatException readFails() {
        return assertThrows(DataFormatException.class, () -> new OpenPackReader().read(root));
    }

    private static void assertMentions(DataFormatException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
        }
    }

    private static float value(Recording r, String channel, int sample) {
        int c = r.channelIndex(channel);
        assertTrue(c >= 0, channel);
        return r.channel(c)[sample];
    }

    // ---- a valid session ----

    @Test
    void validSessionIsReadOnTheAtr01Clock() throws IOException {
        OpenPackFixture.writeSession(root, "U0209", "S0500");
        Recording r = readOne();
        assertEquals("U0209-S0500", r.key());
        assertEquals(OpenPackFixture.ROWS, r.sampleCount());
        assertEquals(T0, r.timestampsMs()[0]);
        assertEquals(T0 + 30L * 99, r.timestampsMs()[99]);
        assertEquals(1000.0 / 30, r.samplingRateHz(), 1e-9);
        assertEquals(46, r.channels().size());
        assertEquals(1.37f, value(r, "right_wrist/acc_x", 37));
        assertEquals(-37f, value(r, "right_wrist/gyro_z", 37));
        assertEquals(4.37f, value(r, "left_upper_arm/acc_x", 37));
    }

    @Test
    void otherAtrStreamsTakeTheNearestSampleByTimeAndHoldOutsideTheirSpan() throws IOException {
        OpenPackFixture.writeSession(root, "U0209", "S0500");
        Recording r = readOne();
        // atr02 rows are 10 ms after the clock's: clock sample i takes atr02 row i (acc_x 2 + i/100)
        assertEquals(2.37f, value(r, "left_wrist/acc_x", 37));
        assertEquals(2.99f, value(r, "left_wrist/acc_x", 99));
        // the clock's first sample (T0) is before atr02's first row (T0 + 10): held, and noted
        assertEquals(2.00f, value(r, "left_wrist/acc_x", 0));
        assertEquals(1, r.notes().size(), r.notes().toString());
        assertTrue(r.notes().get(0).contains("atr02") && r.notes().get(0).contains("first value for 1"),
                r.notes().get(0));
    }

    @Test
    void e4StreamsAreLinearlyInterpolatedOnTime() throws IOException {
        OpenPackFixture.writeSession(root, "U0209", "S0500");
        Recording r = readOne();
        // eda k at T0 - 500 + 250 k: at T0 + 300 (sample 10) k = 800 / 250 = 3.2
        assertEquals(3.2f, value(r, "right_wrist/eda", 10), 1e-6);
        assertEquals(33.2f, value(r, "right_wrist/temp", 10), 1e-5);
        // bvp k at T0 - 500 + 16 k: at T0 + 30 (sample 1) k = 530 / 16 = 33.125
        assertEquals(33.125f, value(r, "right_wrist/bvp", 1), 1e-5);
        // e4 acc stored as 1 / 9.80665: scaled back to 1 G
        assertEquals(1f, value(r, "right_wrist/e4acc_z", 50), 1e-6);
    }

    @Test
    void labelsAndBoxesFromSegmentsAndOneHertzFile() throws IOException {
        OpenPackFixture.writeSession(root, "U0209", "S0500");
        Recording r = readOne();
        int[] ids = r.sampleLabels();
        // Picking T0+300 .. T0+1500 -> samples 10..49, Assemble Box .. T0+2400 -> 50..79
        assertEquals(8100, ids[9]);
        assertEquals(100, ids[10]);
        assertEquals(100, ids[49]);
        assertEquals(300, ids[50]);
        assertEquals(300, ids[79]);
        assertEquals(8100, ids[80]);
        assertEquals(0, r.sampleBoxes()[9]);
        assertEquals(1, r.sampleBoxes()[10]);
        assertEquals(3, r.groundTruth().size());
        assertEquals(300, r.groundTruth().idAt(T0 + 2500));
    }

    @Test
    void missingOneHertzFileIsDerivedFromSamplesWithANote() throws IOException {
        Path u = OpenPackFixture.writeSession(root, "U0209", "S0500");
        Files.delete(u.resolve("annotation/openpack-operations-1hz/S0500.csv"));
        Recording r = readOne();
        // first sample of each second: T0 -> Null, T0+1020 -> Picking, T0+2010 -> Assemble Box
        assertEquals(3, r.groundTruth().size());
        assertEquals(8100, r.groundTruth().idAt(T0));
        assertEquals(100, r.groundTruth().idAt(T0 + 1000));
        assertEquals(300, r.groundTruth().idAt(T0 + 2000));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("openpack-operations-1hz") && n.contains("derived")),
                r.notes().toString());
    }

    @Test
    void samePersonMapsToTheEarlierSubject() throws IOException {
        OpenPackFixture.writeSession(root, "U0202", "S0500");
        OpenPackFixture.writeSession(root, "U0209", "S0500");
        List<Recording> all = new OpenPackReader().read(root);
        assertEquals(2, all.size());
        Recording mapped = all.get(0);
        assertEquals("U0105", mapped.subjectId());
        assertEquals("U0202-S0500", mapped.sessionId());
        assertEquals("U0202-S0500", OpenPackReader.submissionKey(mapped));
        assertTrue(mapped.notes().get(0).contains("same person as U0105"), mapped.notes().toString());
        assertEquals("U0209-S0500", OpenPackReader.submissionKey(all.get(1)));
    }

    @Test
    void usersAndSessionsFilters() throws IOException {
        OpenPackFixture.writeSession(root, "U0209", "S0500");
        OpenPackFixture.writeSession(root, "U0209", "S0400");
        OpenPackFixture.writeSession(root, "U0101", "S0100");
        OpenPackOptions opts = new OpenPackOptions(List.of(OpenPackSensor.ATR01_ACC), List.of("U0209"),
                List.of("S0400"));
        List<Recording> all = new OpenPackReader(opts).read(root);
        assertEquals(1, all.size());
        assertEquals("U0209-S0400", all.get(0).key());
        assertEquals(3, all.get(0).channels().size());
        assertEquals(3, new OpenPackReader().read(root).size());
        OpenPackOptions absent = new OpenPackOptions(OpenPackSensor.all(), List.of("U0300"), List.of());
        DataFormatException e = assertThrows(DataFormatException.class, () -> new OpenPackReader(absent).read(root));
        assertMentions(e, "U0300", "[U0101, U0209]");
    }

    // ---- known flaws, repaired with a note ----

    @Test
    void allZeroQuaternionIsReplacedByThePreviousValidOne() throws IOException {
        Path u = OpenPackFixture.writeSession(root, "U0209", "S0500");
        Path f = u.resolve("atr/atr03/S0500.csv");
        OpenPackFixture.replaceLine(f, 7, OpenPackFixture.atrRow(3, 5).replace("1.0,0.0,0.0,0.0", "1.0,0.7,0.1,0.1"));
        // row 6 (line 8) gets an all-zero quaternion
        OpenPackFixture.replaceLine(f, 8, OpenPackFixture.atrRow(3, 6).replace("1.0,0.0,0.0,0.0", "0.0,0.0,0.0,0.0"));
        Recording r = readOne();
        // row 5 (line 7) had quat (1.0, 0.7, 0.1, 0.1): row 6 takes it
        assertEquals(1.0f, value(r, "right_upper_arm/quat_w", 6));
        assertEquals(0.7f, value(r, "right_upper_arm/quat_x", 6));
        assertEquals(0.1f, value(r, "right_upper_arm/quat_z", 6));
        assertEquals(1.0f, value(r, "right_upper_arm/quat_w", 7), "the next rows are untouched");
        assertEquals(0.0f, value(r, "right_upper_arm/quat_x", 7));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("atr03") && n.contains("1 all-zero quaternion")
                && n.contains("previous valid quaternion")), r.notes().toString());
    }

    @Test
    void badFirstRowIsDropped() throws IOException {
        Path u = OpenPackFixture.writeSession(root, "U0209", "S0500");
        Path f = u.resolve("atr/atr01/S0500.csv");
        OpenPackFixture.replaceLine(f, 2, OpenPackFixture.atrRow(1, 0).replace(Long.toString(T0), "1600000000000"));
        Recording r = readOne();
        assertEquals(99, r.sampleCount());
        assertEquals(T0 + 30, r.timestampsMs()[0]);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("atr01") && n.contains("first row")
                && n.contains("dropped")), r.notes().toString());
    }

    @Test
    void duplicateTimestampsAreDropped() throws IOException {
        Path u = OpenPackFixture.writeSession(root, "U0209", "S0500");
        Path f = u.resolve("atr/atr01/S0500.csv");
        // row 5 repeats row 4's time
        OpenPackFixture.replaceLine(f, 7, OpenPackFixture.atrRow(1, 5).replace(Long.toString(T0 + 150),
                Long.toString(T0 + 120)));
        Recording r = readOne();
        assertEquals(99, r.sampleCount());
        assertEquals(1.04f, value(r, "right_wrist/acc_x", 4), "the first row of the timestamp is kept");
        assertEquals(1.06f, value(r, "right_wrist/acc_x", 5));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("atr01") && n.contains("1 row(s) repeat")
                && n.contains("line 7")), r.notes().toString());
    }

    @Test
    void gapsAreKeptAndNoted() throws IOException {
        Path u = OpenPackFixture.writeSession(root, "U0209", "S0500");
        Path f = u.resolve("atr/atr01/S0500.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(f));
        lines.subList(22, 32).clear(); // rows 21..30 (lines 23..32): a 330 ms gap after row 20
        OpenPackFixture.write(f, lines);
        Recording r = readOne();
        assertEquals(90, r.sampleCount());
        assertEquals(1000.0 / 30, r.samplingRateHz(), 1e-9);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("1 gap(s)") && n.contains("longest 330 ms")),
                r.notes().toString());
    }

    // ---- bad input, one case each ----

    @Test
    void missingFileOfASelectedSensor() throws IOException {
        Path u = OpenPackFixture.writeSession(root, "U0209", "S0500");
        Path f = u.resolve("atr/atr03/S0500.csv");
        Files.delete(f);
        DataFormatException e = readFails();
        assertMentions(e, f.toString(), "missing file", "atr03/acc", "atr/atr03/S0500.csv");
        // deselecting the device's streams reads the rest
        OpenPackOptions noAtr03 = new OpenPackOptions(List.of(OpenPackSensor.ATR01_ACC, OpenPackSensor.E4_EDA),
                List.of(), List.of());
        assertEquals(4, new OpenPackReader(noAtr03).read(root).get(0).channels().size());
    }

    @Test
    void missingColumn() throws IOException {
        Path u = OpenPackFixture.writeSession(root, "U0209", "S0500");
        Path f = u.resolve("atr/atr01/S0500.csv");
        OpenPackFixture.replaceLine(f, 1, OpenPackFixture.ATR_HEADER.replace("gyro_y", "gyro_q"));
        DataFormatException e = readFails();
        assertMentions(e, f.toString(), "line 1", "column 'gyro_y'", "missing column", "gyro_q");
    }

    @Test
    void nonNumericValue() throws IOException {
        Path u = OpenPackFixture.writeSession(root, "U0209", "S0500");
        Path f = u.resolve("atr/atr02/S0500.csv");
        String[] fields = OpenPackFixture.atrRow(2, 3).split(",");
        fields[2] = "abc"; // acc_y
        OpenPackFixture.replaceLine(f, 5, String.join(",", fields));
        DataFormatException e = readFails();
        assertMentions(e, f.toString(), "line 5", "column 'acc_y'", "value 'abc'");
        assertEquals(5, e.line());
    }

    @Test
    void nanValue() throws IOException {
        Path u = OpenPackFixture.writeSession(root, "U0209", "S0500");
        Path f = u.resolve("e4/e401/eda/S0500.csv");
        OpenPackFixture.replaceLine(f, 4, (T0 - 500 + 250 * 2) + ",NaN");
        DataFormatException e = readFails();
        assertMentions(e, f.toString(), "line 4", "column 'eda'", "value 'NaN'", "not a finite number");
    }

    @Test
    void emptyValue() throws IOException {
        Path u = OpenPackFixture.writeSession(root, "U0209", "S0500");
        Path f = u.resolve("atr/atr04/S0500.csv");
        String[] fields = OpenPackFixture.atrRow(4, 8).split(",", -1);
        fields[10] = ""; // quat_z, last field
        OpenPackFixture.replaceLine(f, 10, String.join(",", fields));
        DataFormatException e = readFails();
        assertMentions(e, f.toString(), "line 10", "column 'quat_z'", "value ''", "empty value");
    }

    @Test
    void timestampsGoingBackwards() throws IOException {
        Path u = OpenPackFixture.writeSession(root, "U0209", "S0500");
        Path f = u.resolve("atr/atr01/S0500.csv");
        OpenPackFixture.replaceLine(f, 12, OpenPackFixture.atrRow(1, 10).replace(Long.toString(T0 + 300),
                Long.toString(T0 + 100)));
        DataFormatException e = readFails();
        assertMentions(e, f.toString(), "line 12", "column 'unixtime'", "value '" + (T0 + 100) + "'",
                "backwards from " + (T0 + 270));
    }

    @Test
    void unknownOperationId() throws IOException {
        Path u = OpenPackFixture.writeSession(root, "U0209", "S0500");
        Path f = u.resolve("annotation/openpack-operations/S0500.csv");
        OpenPackFixture.replaceLine(f, 3, OpenPackFixture.line(f, 3).replace(",1,300,", ",1,450,"));
        DataFormatException e = readFails();
        assertMentions(e, f.toString(), "line 3", "column 'id'", "value '450'", "unknown operation id");
    }

    @Test
    void unknownOperationIdInOneHertzFile() throws IOException {
        Path u = OpenPackFixture.writeSession(root, "U0209", "S0500");
        Path f = u.resolve("annotation/openpack-operations-1hz/S0500.csv");
        OpenPackFixture.replaceLine(f, 2, T0 + ",U0209,S0500,1,8200");
        DataFormatException e = readFails();
        assertMentions(e, f.toString(), "line 2", "column 'id'", "value '8200'");
    }

    @Test
    void emptyFile() throws IOException {
        Path u = OpenPackFixture.writeSession(root, "U0209", "S0500");
        Path f = u.resolve("e4/e401/temp/S0500.csv");
        Files.writeString(f, "");
        DataFormatException e = readFails();
        assertMentions(e, f.toString(), "file is empty", "time,temp");
    }

    @Test
    void headerWithoutRows() throws IOException {
        Path u = OpenPackFixture.writeSession(root, "U0209", "S0500");
        Path f = u.resolve("atr/atr02/S0500.csv");
        Files.writeString(f, OpenPackFixture.ATR_HEADER + "\n");
        DataFormatException e = readFails();
        assertMentions(e, f.toString(), "no data rows");
    }

    @Test
    void folderThatIsNotADataset() throws IOException {
        Files.createDirectories(root.resolve("openpack/U02"));
        Files.writeString(root.resolve("readme.txt"), "x");
        DataFormatException e = readFails();
        assertMentions(e, root.toString(), "U####", "v1.0.0");
        DataFormatException missing = assertThrows(DataFormatException.class,
                () -> new OpenPackReader().read(root.resolve("nope")));
        assertMentions(missing, "nope", "not a folder");
    }
}
