package org.tsak.data.window;

import java.util.HashMap;
import java.util.Map;

/**
 * The temporal context of every window: the windows of the same recording that start whole
 * strides before it, as a row-major {@code N x (past + 1)} table of window indices. Column
 * {@code j} of row {@code i} holds the window starting {@code (past - j) x strideSamples} samples
 * before window {@code i} (column {@code past} is {@code i} itself), or {@code -1} where that
 * window does not exist: before the recording's first window, or dropped for a gap. Only the
 * past is listed, never a later window, so a model reading this table cannot see the future.
 */
public final class PastWindows {

    private PastWindows() {
    }

    /**
     * @param set  the windows
     * @param past number of past windows, at least 0
     * @return {@code set.size() x (past + 1)} window indices, oldest first
     * @throws IllegalArgumentException if {@code past} is negative
     */
    public static int[] table(WindowSet set, int past) {
        if (past < 0) {
            throw new IllegalArgumentException("past windows must be >= 0, got " + past);
        }
        int n = set.size();
        int stride = set.strideSamples();
        Map<Long, Integer> byStart = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            byStart.put(key(set.recordingOf(i), set.startSampleOf(i)), i);
        }
        int width = past + 1;
        int[] table = new int[n * width];
        for (int i = 0; i < n; i++) {
            int rec = set.recordingOf(i);
            int start = set.startSampleOf(i);
            for (int j = 0; j < width; j++) {
                int back = past - j;
                Integer w = back == 0 ? Integer.valueOf(i) : byStart.get(key(rec, start - back * stride));
                table[i * width + j] = w == null ? -1 : w;
            }
        }
        return table;
    }

    private static long key(int recording, int startSample) {
        return ((long) recording << 32) | (startSample & 0xffffffffL);
    }
}
