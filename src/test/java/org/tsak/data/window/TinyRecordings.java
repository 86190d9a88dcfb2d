package org.tsak.data.window;

import java.util.Arrays;
import java.util.List;

import org.tsak.data.Recording;
import org.tsak.data.SecondLabels;

/** Tiny hand-checkable recordings for the window tests. */
final class TinyRecordings {

    /** right wrist acc x/y/z and left wrist acc x. */
    static final List<String> CHANNELS =
            List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z", "left_wrist/acc_x");

    private TinyRecordings() {
    }

    /** Timestamps {@code t0, t0 + 500, ...}: 2 Hz without gaps. */
    static long[] at2Hz(long t0Ms, int n) {
        long[] ts = new long[n];
        for (int i = 0; i < n; i++) {
            ts[i] = t0Ms + 500L * i;
        }
        return ts;
    }

    /**
     * Channels: acc_x = i + offset, acc_y = 10 i, acc_z = 5 (constant), left acc_x = i^2.
     * Sample labels all 100 (Picking); boxes all 0; ground truth from {@code truth}.
     */
    static Recording of(String subject, String session, long[] ts, float offset, SecondLabels truth) {
        int n = ts.length;
        float[][] v = new float[4][n];
        for (int i = 0; i < n; i++) {
            v[0][i] = i + offset;
            v[1][i] = 10f * i;
            v[2][i] = 5f;
            v[3][i] = (float) i * i;
        }
        int[] labels = new int[n];
        Arrays.fill(labels, 100);
        SecondLabels gt = truth != null ? truth : SecondLabels.fromSamples(ts, labels);
        return new Recording(subject, session, 2.0, ts, CHANNELS, v, labels, new int[n], gt, List.of());
    }

    /** Twelve samples at 2 Hz from 10 s, ground truth derived from the (all-100) sample labels. */
    static Recording simple(String subject, String session) {
        return of(subject, session, at2Hz(10_000, 12), 0f, null);
    }
}
