package org.tsak.data.openpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.DataFormatException;
import org.tsak.data.Operations;
import org.tsak.data.Recording;

/**
 * A tiny session in the v0.3.0 layout, made from the {@link OpenPackFixture} session (ATR rows
 * {@code T0 + 30 i}, i = 0..99): its segment and 1 Hz files replaced by
 * {@code annotation/activity-1s/S0500.csv} listing second T0 (Picking, box 1) and T0 + 1 s
 * (Assemble Box, box 2), and its quaternions all zero. Samples 0..33 (up to T0 + 990) are in the
 * first second, 34..66 in the second, 67..99 in seconds the file does not list (Null, box 0).
 */
class OpenPackV030SyntheticTest {

    private static Path v030(Path dir) throws IOException {
        Path user = OpenPackFixture.writeSession(dir, "U0102", "S0500");
        Files.delete(user.resolve("annotation/openpack-operations/S0500.csv"));
        Files.delete(user.resolve("annotation/openpack-operations-1hz/S0500.csv"));
        OpenPackFixture.write(user.resolve("annotation/activity-1s/S0500.csv"), List.of(
                "unixtime,user,session,box,operation,action",
                OpenPackFixture.T0 + ",U0102,S0500,1,100,104",
                (OpenPackFixture.T0 + 1000) + ",U0102,S0500,2,300,302"));
        for (int n = 1; n <= 4; n++) {
            Path f = user.resolve("atr/atr0" + n + "/S0500.csv");
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(f)) {
                lines.add(line.endsWith(",1.0,0.0,0.0,0.0") ? line.substring(0, line.length() - 16) + ",0.0,0.0,0.0,0.0"
                        : line);
            }
            OpenPackFixture.write(f, lines);
        }
        return user;
    }

    @Test
    void labelsComeFromTheSecondOfEachSample(@TempDir Path dir) throws IOException {
        v030(dir);
        assertEquals(OpenPackRelease.V0_3_0, OpenPackRelease.of(dir.resolve("U0102"), "S0500"));
        Recording r = new OpenPackReader(OpenPackOptions.of(List.of("atr01/acc", "atr02/gyro"), List.of(), List.of()))
                .read(dir).get(0);
        int[] ids = r.sampleLabels();
        int[] boxes = r.sampleBoxes();
        assertEquals(100, ids[0]);
        assertEquals(100, ids[33]);
        assertEquals(1, boxes[33]);
        assertEquals(300, ids[34]);
        assertEquals(2, boxes[66]);
        assertEquals(Operations.NULL_ID, ids[67]);
        assertEquals(0, boxes[99]);
        assertEquals(2, r.groundTruth().size());
        assertEquals(300, r.groundTruth().idAt(OpenPackFixture.T0 + 1500));
        assertEquals(-1, r.groundTruth().idAt(OpenPackFixture.T0 + 2500), "no ground truth where the file lists none");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("release v0.3.0") && n.contains("2 seconds, 0 of them Null")
                && n.contains("33 sample(s) in seconds the file does not list are Null")), r.notes().toString());
    }

    @Test
    void zeroQuaternionsAreNoOrientationAndRefusedWhenSelected(@TempDir Path dir) throws IOException {
        v030(dir);
        OpenPackOptions withQuat = OpenPackOptions.of(List.of("atr01/acc", "atr03/quat"), List.of(), List.of());
        DataFormatException e = assertThrows(DataFormatException.class, () -> new OpenPackReader(withQuat).read(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("U0102/atr/atr03/S0500.csv") + ": no data for selected"
                + " sensor(s) of session U0102/S0500 (release v0.3.0 layout"), e.getMessage());
        assertTrue(e.getMessage().contains("atr03/quat (every quaternion of atr/atr03/S0500.csv is (0, 0, 0, 0): no"
                + " orientation data (release v0.3.0 records none))"), e.getMessage());

        Recording r = new OpenPackReader(withQuat.withSkipUnavailable(true)).read(dir).get(0);
        assertEquals(List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z"), r.channels());
        assertTrue(r.notes().contains("atr03/quat: every quaternion of atr/atr03/S0500.csv is (0, 0, 0, 0): no"
                + " orientation data (release v0.3.0 records none); left out of this session"), r.notes().toString());
    }

    @Test
    void aPerSecondLabelFileWithAFractionalSecondFailsNamingItsLine(@TempDir Path dir) throws IOException {
        Path user = v030(dir);
        Path f = user.resolve("annotation/activity-1s/S0500.csv");
        OpenPackFixture.replaceLine(f, 3, (OpenPackFixture.T0 + 1500) + ",U0102,S0500,2,300,302");
        DataFormatException e = assertThrows(DataFormatException.class, () -> new OpenPackReader(
                OpenPackOptions.of(List.of("atr01/acc"), List.of(), List.of())).read(dir));
        assertTrue(e.getMessage().startsWith(f + " line 3 column 'unixtime' value '" + (OpenPackFixture.T0 + 1500)
                + "': per-second labels must be on whole seconds"), e.getMessage());
    }
}
