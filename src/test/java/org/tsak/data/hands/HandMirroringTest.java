package org.tsak.data.hands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tsak.data.Recording;
import org.tsak.data.SecondLabels;
import org.tsak.data.sim.FactorySimulator;
import org.tsak.data.sim.SimulatorConfig;

/** Left/right mirroring on a hand-made two-hand window and on simulated recordings. */
class HandMirroringTest {

    /** Both wrists: acc x/y/z, gyro x/y/z, cap_1; then one channel without a counterpart. */
    static final List<String> CHANNELS = List.of(
            "right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z",
            "right_wrist/gyro_x", "right_wrist/gyro_y", "right_wrist/gyro_z", "right_wrist/cap_1",
            "left_wrist/acc_x", "left_wrist/acc_y", "left_wrist/acc_z",
            "left_wrist/gyro_x", "left_wrist/gyro_y", "left_wrist/gyro_z", "left_wrist/cap_1",
            "right_wrist/eda");

    /** Four samples per channel, every value different. */
    static final float[][] VALUES = {
        {1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12},
        {13, 14, 15, 16}, {17, 18, 19, 20}, {21, 22, 23, 24}, {0.1f, 0.2f, 0.3f, 0.4f},
        {101, 102, 103, 104}, {105, 106, 107, 108}, {109, 110, 111, 112},
        {113, 114, 115, 116}, {117, 118, 119, 120}, {121, 122, 123, 124}, {0.5f, 0.6f, 0.7f, 0.8f},
        {2.5f, 2.5f, 2.6f, 2.6f}};

    /**
     * Written out by hand: the right wrist takes the left wrist's channels and vice versa;
     * acc_y, gyro_x and gyro_z change sign; cap does not; the E4's eda has no counterpart and
     * stays as it is.
     */
    static final float[][] MIRRORED = {
        {101, 102, 103, 104}, {-105, -106, -107, -108}, {109, 110, 111, 112},
        {-113, -114, -115, -116}, {117, 118, 119, 120}, {-121, -122, -123, -124}, {0.5f, 0.6f, 0.7f, 0.8f},
        {1, 2, 3, 4}, {-5, -6, -7, -8}, {9, 10, 11, 12},
        {-13, -14, -15, -16}, {17, 18, 19, 20}, {-21, -22, -23, -24}, {0.1f, 0.2f, 0.3f, 0.4f},
        {2.5f, 2.5f, 2.6f, 2.6f}};

    static Recording handMade(List<String> notes) {
        long[] t = {1000, 1500, 2000, 2500};
        int[] labels = {100, 100, 200, 200};
        float[][] v = new float[VALUES.length][];
        for (int c = 0; c < v.length; c++) {
            v[c] = VALUES[c].clone();
        }
        return new Recording("W09", "S01", 2.0, t, CHANNELS, v, labels, new int[] {1, 1, 1, 1},
                SecondLabels.fromSamples(t, labels), notes);
    }

    @Test
    void handMadeRecordingMirrorsAsWrittenOut() {
        Recording r = handMade(List.of("W09 is left-handed (dominant hand left_wrist)"));
        Recording m = HandMirroring.mirror(r);
        assertEquals(CHANNELS, m.channels());
        for (int c = 0; c < CHANNELS.size(); c++) {
            assertArrayEquals(MIRRORED[c], m.channel(c), CHANNELS.get(c));
        }
        assertArrayEquals(r.timestampsMs(), m.timestampsMs());
        assertArrayEquals(r.sampleLabels(), m.sampleLabels());
        assertArrayEquals(VALUES[1], r.channel(1), "the input is not modified");

        String note = m.notes().get(m.notes().size() - 1);
        assertTrue(note.startsWith(HandMirroring.NOTE_PREFIX), note);
        assertTrue(note.contains("no counterpart: right_wrist/eda"), note);
        assertEquals(Handedness.LEFT, Handedness.of(r));
        assertEquals(Handedness.RIGHT, Handedness.of(m), "after mirroring the right hand is dominant");
    }

    @Test
    void handMadeWindowMirrorsInPlaceAsWrittenOut() {
        int c = CHANNELS.size();
        float[] ncw = new float[2 * c * 4];
        for (int w = 0; w < 2; w++) {
            for (int ch = 0; ch < c; ch++) {
                System.arraycopy(VALUES[ch], 0, ncw, (w * c + ch) * 4, 4);
            }
        }
        MirrorMap.of(CHANNELS).mirrorInPlace(ncw, 2, 4, new boolean[] {false, true});
        for (int ch = 0; ch < c; ch++) {
            assertArrayEquals(VALUES[ch], Arrays.copyOfRange(ncw, ch * 4, ch * 4 + 4), "window 0 not selected");
            assertArrayEquals(MIRRORED[ch], Arrays.copyOfRange(ncw, (c + ch) * 4, (c + ch) * 4 + 4),
                    "window 1 " + CHANNELS.get(ch));
        }
    }

    @Test
    void theMappingIsDocumentedChannelByChannel() {
        MirrorMap map = MirrorMap.of(CHANNELS);
        assertEquals(List.of(
                "right_wrist/acc_x <- left_wrist/acc_x", "right_wrist/acc_y <- -left_wrist/acc_y",
                "right_wrist/acc_z <- left_wrist/acc_z", "right_wrist/gyro_x <- -left_wrist/gyro_x",
                "right_wrist/gyro_y <- left_wrist/gyro_y", "right_wrist/gyro_z <- -left_wrist/gyro_z",
                "right_wrist/cap_1 <- left_wrist/cap_1",
                "left_wrist/acc_x <- right_wrist/acc_x", "left_wrist/acc_y <- -right_wrist/acc_y",
                "left_wrist/acc_z <- right_wrist/acc_z", "left_wrist/gyro_x <- -right_wrist/gyro_x",
                "left_wrist/gyro_y <- right_wrist/gyro_y", "left_wrist/gyro_z <- -right_wrist/gyro_z",
                "left_wrist/cap_1 <- right_wrist/cap_1"), map.describe());
        assertEquals(List.of("right_wrist/eda"), map.unpaired());
        assertEquals(List.of(), map.unknownAxes());
    }

    @Test
    void midlineRoleAndUnknownSensorsFollowTheirRules() {
        MirrorMap map = MirrorMap.of(List.of("chest/acc_y", "chest/gyro_y", "dominant_wrist/acc_y",
                "right_upper_arm/quat_x", "left_upper_arm/quat_x", "right_upper_arm/quat_w",
                "left_upper_arm/quat_w", "hip/foo_x"));
        assertEquals(List.of("chest/acc_y <- -chest/acc_y", "right_upper_arm/quat_x <- -left_upper_arm/quat_x",
                "left_upper_arm/quat_x <- -right_upper_arm/quat_x", "right_upper_arm/quat_w <- left_upper_arm/quat_w",
                "left_upper_arm/quat_w <- right_upper_arm/quat_w"), map.describe());
        assertEquals(List.of("hip/foo_x"), map.unknownAxes());
        assertTrue(MirrorMap.of(List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z")).isIdentity(),
                "one wrist alone has nothing to swap with");
    }

    @Test
    void mirroringTwiceIsTheIdentity() {
        Recording r = handMade(List.of());
        Recording twice = HandMirroring.mirror(HandMirroring.mirror(r));
        for (int c = 0; c < CHANNELS.size(); c++) {
            assertArrayEquals(VALUES[c], twice.channel(c), CHANNELS.get(c));
        }
        assertEquals(Handedness.UNKNOWN, Handedness.of(twice), "nothing said, nothing invented");

        Recording w03 = new FactorySimulator(new SimulatorConfig(3, 1, 1, 11L)).simulate().get(2);
        Recording back = HandMirroring.mirror(HandMirroring.mirror(w03));
        for (int c = 0; c < w03.channels().size(); c++) {
            assertArrayEquals(w03.channel(c), back.channel(c), w03.channels().get(c));
        }
        assertEquals(Handedness.LEFT, Handedness.of(back));
    }

    @Test
    void mirrorToRightChangesOnlyLeftHandedWorkers() {
        List<Recording> sim = new FactorySimulator(new SimulatorConfig(3, 1, 1, 11L)).simulate();
        List<Recording> out = HandednessPolicy.apply(sim, "mirror-to-right", "right");
        assertSame(sim.get(0), out.get(0), "W01 is right-handed: kept");
        assertSame(sim.get(1), out.get(1), "W02 is right-handed: kept");
        Recording w03 = out.get(2);
        assertEquals("W03", w03.subjectId());
        assertEquals(Handedness.RIGHT, Handedness.of(w03));
        int leftAccY = sim.get(2).channelIndex("left_wrist/acc_y");
        int rightAccY = w03.channelIndex("right_wrist/acc_y");
        float[] expected = sim.get(2).channel(leftAccY);
        for (int i = 0; i < expected.length; i += 97) {
            assertEquals(-expected[i], w03.channel(rightAccY)[i], 0f, "sample " + i);
        }
        assertEquals(sim, HandednessPolicy.apply(sim, "as-recorded", "right"), "as-recorded keeps every recording");
    }
}
