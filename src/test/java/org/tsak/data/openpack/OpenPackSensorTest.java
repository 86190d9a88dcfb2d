package org.tsak.data.openpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Sensor keys, channel names and option validation. */
class OpenPackSensorTest {

    @Test
    void parsesEveryKeyItPrints() {
        assertEquals(16, OpenPackSensor.all().size());
        for (OpenPackSensor s : OpenPackSensor.all()) {
            assertEquals(s, OpenPackSensor.parse(s.key()));
        }
        assertEquals(OpenPackSensor.ATR03_QUAT, OpenPackSensor.parse("atr03/quat"));
        assertEquals(OpenPackSensor.E4_TEMP, OpenPackSensor.parse(" E4/Temp "));
    }

    @Test
    void unknownKeyListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OpenPackSensor.parse("atr05/acc"));
        assertTrue(e.getMessage().contains("atr05/acc"), e.getMessage());
        assertTrue(e.getMessage().contains("atr01/acc, atr01/gyro, atr01/quat"), e.getMessage());
        assertTrue(e.getMessage().contains("e4/temp"), e.getMessage());
    }

    @Test
    void channelNamesUseBodyPositions() {
        assertEquals(List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z"),
                OpenPackSensor.ATR01_ACC.channelNames());
        assertEquals(List.of("left_upper_arm/quat_w", "left_upper_arm/quat_x", "left_upper_arm/quat_y",
                "left_upper_arm/quat_z"), OpenPackSensor.ATR04_QUAT.channelNames());
        assertEquals(List.of("left_wrist/gyro_x", "left_wrist/gyro_y", "left_wrist/gyro_z"),
                OpenPackSensor.ATR02_GYRO.channelNames());
        assertEquals("right_upper_arm", OpenPackSensor.ATR03_ACC.position());
        assertEquals(List.of("right_wrist/e4acc_x", "right_wrist/e4acc_y", "right_wrist/e4acc_z"),
                OpenPackSensor.E4_ACC.channelNames());
        assertEquals(List.of("right_wrist/bvp"), OpenPackSensor.E4_BVP.channelNames());
        assertEquals(List.of("acc_x", "acc_y", "acc_z"), OpenPackSensor.E4_ACC.fileColumns());
        assertEquals("e4/e401/eda", OpenPackSensor.E4_EDA.folder());
        assertEquals("atr/atr02", OpenPackSensor.ATR02_QUAT.folder());
        assertEquals(9.80665f, OpenPackSensor.E4_ACC.scale());
        assertEquals(1f, OpenPackSensor.ATR01_ACC.scale());
    }

    @Test
    void optionsDefaultToEverythingAndAreValidated() {
        OpenPackOptions d = OpenPackOptions.defaults();
        assertEquals(OpenPackSensor.all(), d.sensors());
        assertTrue(d.includesUser("U0101") && d.includesSession("S0100"));
        OpenPackOptions o = OpenPackOptions.of(List.of("e4/acc", "atr01/acc"), List.of("U0209"), List.of());
        assertEquals(List.of(OpenPackSensor.E4_ACC, OpenPackSensor.ATR01_ACC), o.sensors());
        assertTrue(o.includesUser("U0209") && !o.includesUser("U0101"));
        assertThrows(IllegalArgumentException.class, () -> new OpenPackOptions(List.of(), List.of(), List.of()));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> OpenPackOptions.of(List.of("atr01/acc", "atr01/acc"), List.of(), List.of()));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
        IllegalArgumentException user = assertThrows(IllegalArgumentException.class,
                () -> OpenPackOptions.of(List.of("atr01/acc"), List.of("u209"), List.of()));
        assertTrue(user.getMessage().contains("'u209'") && user.getMessage().contains("U####"), user.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> OpenPackOptions.of(List.of("atr01/acc"), List.of(), List.of("500")));
        assertThrows(IllegalArgumentException.class, () -> OpenPackOptions.of(List.of("x"), List.of(), List.of()));
    }

    @Test
    void samePersonMapping() {
        assertEquals("U0105", OpenPackReader.subjectOf("U0202"));
        assertEquals("U0108", OpenPackReader.subjectOf("U0203"));
        assertEquals("U0110", OpenPackReader.subjectOf("U0204"));
        assertEquals("U0107", OpenPackReader.subjectOf("U0205"));
        assertEquals("U0103", OpenPackReader.subjectOf("U0210"));
        assertEquals("U0209", OpenPackReader.subjectOf("U0209"));
    }
}
