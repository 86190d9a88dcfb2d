package org.tsak.data.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChannelViewTest {

    private static final List<String> AVAILABLE = TinyRecordings.CHANNELS;

    @Test
    void allKeepsOrder() {
        ChannelView v = ChannelView.all(AVAILABLE);
        assertEquals(AVAILABLE, v.names());
        assertArrayEquals(new int[] {0, 1, 2, 3}, v.indices());
        assertEquals(4, v.size());
    }

    @Test
    void ofFollowsTheWantedOrder() {
        ChannelView v = ChannelView.of(AVAILABLE, List.of("left_wrist/acc_x", "right_wrist/acc_y"));
        assertArrayEquals(new int[] {3, 1}, v.indices());
        assertEquals(List.of("left_wrist/acc_x", "right_wrist/acc_y"), v.names());
    }

    @Test
    void rightWristAccelerometerIsTheThreeAxes() {
        ChannelView v = ChannelView.wristAccelerometer(AVAILABLE, "right");
        assertEquals(List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z"), v.names());
        assertArrayEquals(new int[] {0, 1, 2}, v.indices());
    }

    @Test
    void missingChannelsAreListedWithTheAvailableOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChannelView.wristAccelerometer(AVAILABLE, "left"));
        String m = e.getMessage();
        assertTrue(m.contains("left_wrist/acc_y") && m.contains("left_wrist/acc_z"), m);
        assertTrue(!m.contains("[left_wrist/acc_x,") && m.contains("right_wrist/acc_z"), m);

        e = assertThrows(IllegalArgumentException.class,
                () -> ChannelView.of(AVAILABLE, List.of("right_wrist/acc_x", "hip/gyro_x")));
        assertTrue(e.getMessage().contains("[hip/gyro_x]") && e.getMessage().contains(AVAILABLE.toString()),
                e.getMessage());
    }

    @Test
    void badRequestsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ChannelView.wristAccelerometer(AVAILABLE, "middle"));
        assertThrows(IllegalArgumentException.class, () -> ChannelView.of(AVAILABLE, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ChannelView.of(AVAILABLE, List.of("right_wrist/acc_x", "right_wrist/acc_x")));
    }
}
