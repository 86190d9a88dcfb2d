package org.tsak.data.openpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.DatasetInspection;
import org.tsak.data.Recording;
import org.tsak.data.StreamGap;
import org.tsak.data.window.Window;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.WindowSpec;
import org.tsak.data.window.Windower;
import org.tsak.testing.SharedDatasets;

/**
 * A 10 s Bluetooth dropout in one IMU of the real sample (U0209-S0500, rows 30 ms apart from
 * {@code F = 1648531521000}): the rows of {@code [T, T + 10 s)}, {@code T = 1648532000000}, are removed
 * from a copy of atr02 (the left wrist) or of atr01 (the right wrist, the clock).
 *
 * <p>Hand-worked windows (2 s = 67 samples, 1 s stride = 33 samples, so window k spans
 * {@code [F + 990 k, F + 990 k + 1980]} ms; 46,800 samples give {@code (46800 - 67) / 33 + 1 = 1417}
 * windows). The last kept row before the dropout is {@code a = F + 478,980}, the first after it
 * {@code b = F + 489,000} (a 10,020 ms gap). Window k spans it when {@code 990 k < 489,000} and
 * {@code 990 k + 1980 > 478,980}: k = 482 .. 493, 12 windows.
 */
class SampleDropoutTest {

    private static final long T = 1648532000000L;
    private static final long A = 1648531999980L;
    private static final long B = 1648532010000L;
    private static final WindowSpec SPEC = new WindowSpec(2.0, 1.0);

    private static Path sampleWithDropout(Path dir, String device) throws IOException {
        Path root = SampleCopy.copy(SharedDatasets.openPackSampleOrSkip(), dir);
        if (device != null) {
            int removed = SampleCopy.dropRows(root.resolve("U0209/atr/" + device + "/S0500.csv"),
                    t -> t >= T && t < T + 10_000);
            assertEquals(333, removed, "10 s of 30 ms rows");
        }
        return root;
    }

    @Test
    void withoutADropoutNoWindowIsDropped() throws IOException {
        Recording r = new OpenPackReader().read(SharedDatasets.openPackSampleOrSkip()).get(0);
        WindowSet w = new Windower(SPEC).window(List.of(r));
        assertEquals(List.of(), r.streamGaps());
        assertEquals(1417, w.size());
        assertEquals(0, w.droppedForGaps());
        System.out.printf("openpack sample, no dropout: %d windows, %d dropped for gaps%n", w.size(), w.droppedForGaps());
    }

    @Test
    void aDropoutInTheLeftWristDropsTheTwelveWindowsSpanningIt(@TempDir Path dir) throws IOException {
        Recording r = new OpenPackReader().read(sampleWithDropout(dir, "atr02")).get(0);
        assertEquals(46_800, r.sampleCount(), "the clock (atr01) is whole");
        assertEquals(List.of(new StreamGap("atr02", A, B)), r.streamGaps());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("atr02") && n.contains("1 gap(s)")
                && n.contains("longest 10020 ms")), r.notes().toString());
        // inside the dropout the left wrist is a straight line from row a to row b
        int i = java.util.Arrays.binarySearch(r.timestampsMs(), A + 5_010);
        float[] accX = r.channel(r.channelIndex("left_wrist/acc_x"));
        int ia = java.util.Arrays.binarySearch(r.timestampsMs(), A);
        int ib = java.util.Arrays.binarySearch(r.timestampsMs(), B);
        assertEquals(accX[ia] + (accX[ib] - accX[ia]) * (A + 5_010 - A) / (double) (B - A), accX[i], 1e-5);

        WindowSet w = new Windower(SPEC).window(List.of(r));
        assertEquals(12, w.droppedForGaps());
        assertEquals(1417 - 12, w.size());
        for (int k = 0; k < w.size(); k++) {
            Window win = w.get(k);
            long from = r.timestampsMs()[win.startSample()];
            assertTrue(win.endTimeMs() <= A || from >= B, "window " + from + ".." + win.endTimeMs() + " spans the gap");
        }
        DatasetInspection.SessionSummary s = DatasetInspection.of(List.of(r)).sessions().get(0);
        assertEquals(1, s.gaps());
        assertEquals(java.util.Map.of("atr02", 1), s.gapsByStream());
        assertEquals(12, s.windowsDropped());
        assertEquals(1405, s.windowsKept());
        assertTrue(DatasetInspection.of(List.of(r)).toText().contains("1 gaps {atr02=1}"));
        System.out.printf("openpack sample, 10 s atr02 dropout: %d windows, %d dropped for gaps%n", w.size(),
                w.droppedForGaps());
    }

    /**
     * The clock itself: atr01 loses the 333 rows, so the recording has 46,467 samples and
     * {@code (46467 - 67) / 33 + 1 = 1407} windows by sample index; the gap lies between samples
     * 15,966 (a) and 15,967 (b), spanned by the windows starting at 33 k with
     * {@code 33 k <= 15966} and {@code 33 k + 66 >= 15967}: k = 482, 483.
     */
    @Test
    void aDropoutInTheClockDropsTheTwoWindowsAcrossIt(@TempDir Path dir) throws IOException {
        Recording r = new OpenPackReader().read(sampleWithDropout(dir, "atr01")).get(0);
        assertEquals(46_467, r.sampleCount());
        assertEquals(List.of(), r.streamGaps(), "the clock's own gap is in its timestamps");
        assertEquals(List.of(new StreamGap(StreamGap.CLOCK, A, B)), r.gaps(Windower.DEFAULT_MAX_GAP_FACTOR));
        WindowSet w = new Windower(SPEC).window(List.of(r));
        assertEquals(2, w.droppedForGaps());
        assertEquals(1407 - 2, w.size());
        System.out.printf("openpack sample, 10 s atr01 (clock) dropout: %d windows, %d dropped for gaps%n", w.size(),
                w.droppedForGaps());
    }

    /** A dropout of a stream that is not selected costs nothing. */
    @Test
    void aDropoutInAStreamThatIsNotReadDoesNotCount(@TempDir Path dir) throws IOException {
        OpenPackOptions rightWrist = OpenPackOptions.of(List.of("atr01/acc", "atr03/acc"), List.of(), List.of());
        Recording r = new OpenPackReader(rightWrist).read(sampleWithDropout(dir, "atr02")).get(0);
        assertEquals(List.of(), r.streamGaps());
        assertEquals(0, new Windower(SPEC).window(List.of(r)).droppedForGaps());
    }
}
