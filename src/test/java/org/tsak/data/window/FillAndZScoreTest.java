package org.tsak.data.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** fill() layout and z-score statistics on the 12-sample, 2 Hz recording of {@link TinyRecordings}. */
class FillAndZScoreTest {

    private static final WindowSpec TWO_BY_ONE = new WindowSpec(2.0, 1.0);
    private static final double EPS = 1e-9;

    private final WindowSet set = new Windower(TWO_BY_ONE).window(List.of(TinyRecordings.simple("U1", "S1")));

    @Test
    void fillWritesWindowsThenChannelsThenTime() {
        ChannelView yx = ChannelView.of(set.channels(), List.of("right_wrist/acc_y", "right_wrist/acc_x"));
        // window 1 starts at sample 2, window 3 at sample 6; acc_x = i, acc_y = 10 i
        float[] expected = {20, 30, 40, 50, 2, 3, 4, 5, 60, 70, 80, 90, 6, 7, 8, 9};
        assertArrayEquals(expected, set.fill(new int[] {1, 3}, yx, null));

        float[] out = new float[20];
        Arrays.fill(out, Float.NaN);
        set.fill(new int[] {0, 1, 3}, 1, 2, yx, null, out);
        assertArrayEquals(expected, Arrays.copyOf(out, 16));
        assertTrue(Float.isNaN(out[16]), "fill must not write past count windows");
    }

    @Test
    void zScoreCountsOverlappingSamplesOnce() {
        // windows 0 and 1 cover samples 0..3 and 2..5: samples 0..5, each once
        ZScore z = ZScore.fit(set, new int[] {0, 1});
        double s = Math.sqrt(35.0 / 12.0); // population std of 0..5
        assertArrayEquals(new double[] {2.5, 25.0, 5.0, 55.0 / 6.0}, z.means(), EPS);
        // acc_z is constant: std floored to 1; left acc_x = i^2 over 0..5 has variance 979/6 - (55/6)^2
        assertArrayEquals(new double[] {s, 10 * s, 1.0, Math.sqrt(2849.0) / 6.0}, z.stds(), EPS);
        // counting the overlap twice would give mean 8.5 for i^2 and std 1.5 for i
        assertEquals((float) ((4 - 2.5) / s), z.apply(0, 4f), 1e-6f);
    }

    @Test
    void zScoreKeepsRecordingsApart() {
        WindowSet two = new Windower(TWO_BY_ONE).window(List.of(TinyRecordings.simple("U1", "S1"),
                TinyRecordings.of("U2", "S1", TinyRecordings.at2Hz(0, 12), 100f, null)));
        // window 0: samples 0..3 of the first recording; window 5: samples 0..3 of the second (acc_x 100..103)
        ZScore z = ZScore.fit(two, new int[] {0, 5});
        assertEquals(51.5, z.means()[0], EPS);
        assertEquals(Math.sqrt(10005.0 / 4.0), z.stds()[0], EPS);
        assertEquals(3.5, z.means()[3], EPS); // i^2 over 0..3 in both: (0 + 1 + 4 + 9) / 4
    }

    @Test
    void fillAppliesTheZScoreOfTheUnderlyingChannel() {
        ZScore z = ZScore.fit(set, new int[] {0, 1});
        double s = Math.sqrt(35.0 / 12.0);
        ChannelView zx = ChannelView.of(set.channels(), List.of("right_wrist/acc_z", "right_wrist/acc_x"));
        float[] got = set.fill(new int[] {2}, zx, z); // window 2: samples 4..7
        float[] expected = {0, 0, 0, 0,
            (float) ((4 - 2.5) / s), (float) ((5 - 2.5) / s), (float) ((6 - 2.5) / s), (float) ((7 - 2.5) / s)};
        assertArrayEquals(expected, got, 1e-6f);
    }

    @Test
    void fillRejectsMismatchedViewStatisticsAndShortArrays() {
        ChannelView foreign = ChannelView.all(List.of("right_wrist/acc_x"));
        assertThrows(IllegalArgumentException.class, () -> set.fill(new int[] {0}, foreign, null));
        ZScore oneChannel = new ZScore(new double[] {0}, new double[] {1});
        ChannelView all = ChannelView.all(set.channels());
        assertThrows(IllegalArgumentException.class, () -> set.fill(new int[] {0}, all, oneChannel));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> set.fill(new int[] {0, 1}, 0, 2, all, null, new float[31]));
        assertTrue(e.getMessage().contains("32"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> set.fill(new int[] {5}, all, null));
    }

    @Test
    void zScoreFromArraysIsValidated() {
        ZScore z = new ZScore(new double[] {1, -2}, new double[] {2, 0.5});
        assertEquals(1.5f, z.apply(0, 4f), 0f);
        assertEquals(-2f, z.apply(1, -3f), 0f);
        assertThrows(IllegalArgumentException.class, () -> new ZScore(new double[] {0}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new ZScore(new double[] {0, 1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> ZScore.fit(set, new int[0]));
    }
}
