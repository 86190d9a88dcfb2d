package org.tsak.data.openpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.DataFormatException;

/** The hand-rolled numeric CSV parser: numbers, layout quirks and error messages. */
class NumericCsvTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void parsesPlainAndUnusualDecimalsLikeFloatParseFloat() throws IOException {
        String[] texts = {"-0.6406", "0.3795", "+2", ".5", "5.", "-0", "1e-3", "-1.5E2", "0.04142597115222834",
            "123456789012345678901234", "0.0000000000000000000000001234", "340000000000000000000000000000000000000"};
        StringBuilder sb = new StringBuilder("t,v\n");
        for (int i = 0; i < texts.length; i++) {
            sb.append(i).append(',').append(texts[i]).append('\n');
        }
        NumericCsv csv = NumericCsv.read(file(sb.toString()), "t", List.of("v"));
        assertEquals(texts.length, csv.rowCount());
        for (int i = 0; i < texts.length; i++) {
            assertEquals(Float.parseFloat(texts[i]), csv.column(0)[i], texts[i]);
            assertEquals(i, csv.timesMs()[i]);
        }
    }

    @Test
    void randomDecimalsAgreeWithFloatParseFloatWithinOneUlp() throws IOException {
        Random rnd = new Random(42);
        int n = 5000;
        String[] texts = new String[n];
        StringBuilder sb = new StringBuilder("time,x\n");
        for (int i = 0; i < n; i++) {
            double v = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(8) - 3);
            texts[i] = String.format(Locale.ROOT, "%." + rnd.nextInt(18) + "f", v);
            sb.append(1648531521000L + i).append(',').append(texts[i]).append('\n');
        }
        NumericCsv csv = NumericCsv.read(file(sb.toString()), "time", List.of("x"));
        for (int i = 0; i < n; i++) {
            float expected = Float.parseFloat(texts[i]);
            assertEquals(expected, csv.column(0)[i], Math.ulp(expected), texts[i]);
        }
    }

    @Test
    void selectsColumnsByNameSkipsOthersAndAcceptsBomCrlfAndTrailingBlankLines() throws IOException {
        Path f = file("\uFEFFunixtime,user,b,a\r\n1000,U0209,2.5,-1\r\n2000.0,U0209,3,7.25\r\n\r\n\n");
        NumericCsv csv = NumericCsv.read(f, "unixtime", List.of("a", "b"));
        assertArrayEquals(new long[] {1000, 2000}, csv.timesMs());
        assertArrayEquals(new float[] {-1f, 7.25f}, csv.column(0));
        assertArrayEquals(new float[] {2.5f, 3f}, csv.column(1));
        assertEquals(3, NumericCsv.lineOf(1));
    }

    @Test
    void blankLineInsideTheDataFails() throws IOException {
        Path f = file("t,v\n1,2\n\n3,4\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> NumericCsv.read(f, "t", List.of("v")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("empty line"), e.getMessage());
    }

    @Test
    void shortRowNamesTheMissingColumn() throws IOException {
        Path f = file("t,a,b\n1,2,3\n2,5\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> NumericCsv.read(f, "t", List.of("a", "b")));
        assertEquals(3, e.line());
        assertEquals("b", e.column());
        assertTrue(e.getMessage().contains("2 fields"), e.getMessage());
    }

    @Test
    void badNumbersNameFileLineColumnAndValue() throws IOException {
        for (String bad : new String[] {"nan", "NaN", "Infinity", "-", "1.2.3", ""}) {
            Path f = file("t,v\n1,2\n2," + bad + "\n");
            DataFormatException e = assertThrows(DataFormatException.class,
                    () -> NumericCsv.read(f, "t", List.of("v")), bad);
            assertEquals(f, e.file());
            assertEquals(3, e.line(), bad);
            assertEquals("v", e.column(), bad);
            assertEquals(bad, e.value());
            assertTrue(e.getMessage().contains("t.csv line 3 column 'v' value '" + bad + "'"), e.getMessage());
        }
        Path f = file("t,v\n1x,2\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> NumericCsv.read(f, "t", List.of("v")));
        assertEquals("t", e.column());
        assertEquals("1x", e.value());
        assertTrue(e.getMessage().contains("whole milliseconds"), e.getMessage());
    }
}
