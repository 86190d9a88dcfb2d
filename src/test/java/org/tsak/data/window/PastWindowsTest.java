package org.tsak.data.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tsak.data.Recording;

class PastWindowsTest {

    private static final WindowSpec TWO_BY_ONE = new WindowSpec(2.0, 1.0);

    @Test
    void pastWindowsComeFromTheSameRecordingOnlyAndNeverFromTheFuture() {
        // two recordings of 12 samples at 2 Hz: 5 windows each (starts 0, 2, 4, 6, 8)
        WindowSet set = new Windower(TWO_BY_ONE).window(List.of(TinyRecordings.simple("U1", "S1"),
                TinyRecordings.simple("U1", "S2")));
        assertEquals(10, set.size());
        int[] t = PastWindows.table(set, 2);
        // window 0: nothing before it; window 2: windows 0 and 1; window 5 (first of S2): not S1's
        assertArrayEquals(new int[] {-1, -1, 0}, row(t, 0, 3));
        assertArrayEquals(new int[] {0, 1, 2}, row(t, 2, 3));
        assertArrayEquals(new int[] {2, 3, 4}, row(t, 4, 3));
        assertArrayEquals(new int[] {-1, -1, 5}, row(t, 5, 3));
        assertArrayEquals(new int[] {-1, 5, 6}, row(t, 6, 3));
        for (int i = 0; i < set.size(); i++) {
            for (int j = 0; j < 3; j++) {
                int w = t[i * 3 + j];
                if (w >= 0) {
                    assertEquals(set.recordingOf(i), set.recordingOf(w));
                    assertEquals(set.startSampleOf(i) - (2 - j) * set.strideSamples(), set.startSampleOf(w));
                }
            }
        }
    }

    @Test
    void aWindowDroppedForAGapLeavesAHoleNotAShift() {
        long[] ts = TinyRecordings.at2Hz(0, 12);
        for (int i = 6; i < 12; i++) {
            ts[i] += 2_500;
        }
        Recording rec = TinyRecordings.of("U1", "S1", ts, 0f, null);
        WindowSet set = new Windower(TWO_BY_ONE).window(List.of(rec));
        // starts 0, 2, 6, 8 (4 dropped): window 2 (start 6) has start 4 missing and start 2 present
        assertEquals(4, set.size());
        int[] t = PastWindows.table(set, 2);
        assertArrayEquals(new int[] {1, -1, 2}, row(t, 2, 3));
        assertArrayEquals(new int[] {-1, 2, 3}, row(t, 3, 3));
    }

    @Test
    void zeroPastIsTheWindowItselfAndNegativeIsRefused() {
        WindowSet set = new Windower(TWO_BY_ONE).window(List.of(TinyRecordings.simple("U1", "S1")));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, PastWindows.table(set, 0));
        assertThrows(IllegalArgumentException.class, () -> PastWindows.table(set, -1));
    }

    private static int[] row(int[] t, int i, int width) {
        return java.util.Arrays.copyOfRange(t, i * width, i * width + width);
    }
}
