package org.tsak.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.DatasetInspection;
import org.tsak.data.Recording;
import org.tsak.data.StreamGap;
import org.tsak.data.sim.FactorySimulator;
import org.tsak.data.sim.SimulatorConfig;
import org.tsak.data.window.Windower;

/**
 * A CSV recording's channels share its one timestamp column, so a dropout of its sensors is a
 * gap of the timestamps: 300 rows (10 s at 30 Hz) removed from a simulated recording after its
 * 1,000th sample. With 2 s windows (60 samples) and a 1 s stride (30 samples), the windows holding
 * both sample 999 and sample 1000 (the first after the gap) start at s with
 * {@code s <= 999 <= 1000 <= s + 59}: 960 and 990, 2 windows.
 */
class CsvGapsTest {

    @Test
    void aTimestampGapCountsOnTheSessionLineAndDropsTheWindowsAcrossIt(@TempDir Path dir) throws IOException {
        Recording sim = new FactorySimulator(new SimulatorConfig(1, 1, 2, 30.0, 5)).simulate().get(0);
        Path file = dir.resolve("W01-S01.csv");
        new CsvRecordingWriter().write(sim, file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int header = 0;
        while (!lines.get(header).startsWith("timestamp_ms")) {
            header++;
        }
        List<String> cut = new ArrayList<>(lines.subList(0, header + 1 + 1000));
        cut.addAll(lines.subList(header + 1 + 1300, lines.size()));
        Files.write(file, cut, StandardCharsets.UTF_8);

        Recording r = new CsvRecordingReader().readFile(file);
        long[] t = r.timestampsMs();
        assertEquals(sim.sampleCount() - 300, r.sampleCount());
        assertEquals(List.of(new StreamGap(StreamGap.CLOCK, t[999], t[1000])), r.gaps(Windower.DEFAULT_MAX_GAP_FACTOR));
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("gap of " + (t[1000] - t[999]) + " ms")), r.notes().toString());
        DatasetInspection.SessionSummary s = DatasetInspection.of(List.of(r)).sessions().get(0);
        assertEquals(1, s.gaps());
        assertEquals(2, s.windowsDropped());
        assertEquals((r.sampleCount() - 60) / 30 + 1 - 2, s.windowsKept());
    }
}
