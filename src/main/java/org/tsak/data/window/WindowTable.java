package org.tsak.data.window;

import java.util.Arrays;

/**
 * Growable parallel arrays holding window positions and labels: about 21 bytes per window,
 * so 50 hours at a 1 s stride (180,000 windows) take under 4 MB.
 */
final class WindowTable {

    int size;
    int[] recording = new int[1024];
    int[] startSample = new int[1024];
    long[] endTimeMs = new long[1024];
    int[] operationId = new int[1024];
    byte[] classIndex = new byte[1024];

    void add(int rec, int start, long endMs, int id, int cls) {
        if (size == recording.length) {
            int cap = size * 2;
            recording = Arrays.copyOf(recording, cap);
            startSample = Arrays.copyOf(startSample, cap);
            endTimeMs = Arrays.copyOf(endTimeMs, cap);
            operationId = Arrays.copyOf(operationId, cap);
            classIndex = Arrays.copyOf(classIndex, cap);
        }
        recording[size] = rec;
        startSample[size] = start;
        endTimeMs[size] = endMs;
        operationId[size] = id;
        classIndex[size] = (byte) cls;
        size++;
    }

    void trim() {
        recording = Arrays.copyOf(recording, size);
        startSample = Arrays.copyOf(startSample, size);
        endTimeMs = Arrays.copyOf(endTimeMs, size);
        operationId = Arrays.copyOf(operationId, size);
        classIndex = Arrays.copyOf(classIndex, size);
    }
}
