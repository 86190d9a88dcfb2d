package org.tsak.data.openpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.DataFormatException;

/**
 * Regression tests for damage found by {@link NumericCsvFuzzTest} and
 * {@link OpenPackReaderFuzzTest}: a file cut inside its last value used to read that value
 * shortened ({@code 0.9062} as {@code 0.9}) without a word; a non-UTF-8 byte in an operation
 * annotation escaped as a bare {@code MalformedInputException} naming neither file nor line; a
 * huge but finite value became infinite once scaled (E4 acc to G) or interpolated.
 */
class OpenPackDamagedFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileCutInsideItsLastValueFailsNamingTheLastLine() throws IOException {
        Path f = dir.resolve("S0500.csv");
        Files.writeString(f, "unixtime,quat_z\n1648531521000,0.9062\n1648531521030,0.9", StandardCharsets.UTF_8);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> NumericCsv.read(f, "unixtime", List.of("quat_z")));
        assertEquals(3, e.line());
        assertEquals("1648531521030,0.9", e.value());
        assertTrue(e.getMessage().contains("S0500.csv line 3") && e.getMessage().contains("cut short"),
                e.getMessage());
    }

    @Test
    void aFileEndingWithItsLineEndOrBlankLinesStillReads() throws IOException {
        Path f = dir.resolve("S0500.csv");
        Files.writeString(f, "unixtime,quat_z\n1648531521000,0.9062\n1648531521030,0.9\n\n", StandardCharsets.UTF_8);
        NumericCsv csv = NumericCsv.read(f, "unixtime", List.of("quat_z"));
        assertEquals(2, csv.rowCount());
        assertEquals(0.9f, csv.column(0)[1]);
    }

    @Test
    void aNonUtf8ByteInTheOperationAnnotationNamesItsLine() throws IOException {
        Path u = OpenPackFixture.writeSession(dir, "U0209", "S0500");
        Path ops = u.resolve("annotation/openpack-operations/S0500.csv");
        byte[] b = Files.readAllBytes(ops);
        String text = new String(b, StandardCharsets.UTF_8);
        b[text.indexOf("Assemble Box")] = (byte) 0xE9; // Latin-1 'é' in line 3
        Files.write(ops, b);
        DataFormatException e = assertThrows(DataFormatException.class, () -> new OpenPackReader().read(dir));
        assertEquals(ops, e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("S0500.csv line 3") && e.getMessage().contains("not UTF-8"),
                e.getMessage());
    }

    @Test
    void aHugeE4AccelerationThatOverflowsWhenScaledToGFailsNamingItsLine() throws IOException {
        Path u = OpenPackFixture.writeSession(dir, "U0209", "S0500");
        Path acc = u.resolve("e4/e401/acc/S0500.csv");
        String row = OpenPackFixture.line(acc, 40);
        OpenPackFixture.replaceLine(acc, 40, row.substring(0, row.indexOf(',')) + ",3.4e38,0.0,0.1");
        DataFormatException e = assertThrows(DataFormatException.class, () -> new OpenPackReader().read(dir));
        assertEquals(acc, e.file());
        assertEquals(40, e.line());
        assertEquals("acc_x", e.column());
        assertTrue(e.getMessage().contains("S0500.csv line 40") && e.getMessage().contains("9.80665"), e.getMessage());
    }

    @Test
    void interpolatingBetweenHugeValuesOfOppositeSignStaysFinite() {
        long[] clock = {0, 5, 10};
        long[] source = {0, 10};
        float[][] out = new float[1][3];
        ClockAligner.align(clock, source, new float[][] {{-3e38f, 3e38f}}, out, 0, 1f);
        assertEquals(-3e38f, out[0][0]);
        assertEquals(0f, out[0][1]);
        assertEquals(3e38f, out[0][2]);
    }
}
