package org.tsak.data.hands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tsak.config.ConfigLoader;
import org.tsak.config.DataConfig;
import org.tsak.data.DataFormatException;
import org.tsak.data.PreparedData;
import org.tsak.data.Recording;
import org.tsak.data.csv.CsvRecordingReader;
import org.tsak.data.openpack.OpenPackOptions;
import org.tsak.data.openpack.OpenPackReader;
import org.tsak.data.openpack.OpenPackSensor;
import org.tsak.data.sim.FactorySimulator;
import org.tsak.data.sim.SimulatorConfig;
import org.tsak.testing.ScratchDir;
import org.tsak.testing.SharedDatasets;

/** Reading the dominant hand and the student on the dominant wrist. */
class HandednessTest {

    private static final List<Recording> SIM = new FactorySimulator(new SimulatorConfig(3, 1, 1, 11L)).simulate();

    @Test
    void simulatorNotesSayWhichHandIsDominant() {
        assertEquals(Handedness.RIGHT, Handedness.of(SIM.get(0)), SIM.get(0).notes().toString());
        assertEquals(Handedness.RIGHT, Handedness.of(SIM.get(1)));
        assertEquals(Handedness.LEFT, Handedness.of(SIM.get(2)), SIM.get(2).notes().toString());
        assertEquals("left_wrist", Handedness.LEFT.wristPosition());
        assertEquals(Handedness.UNKNOWN, Handedness.fromNotes(List.of("gap of 4667 ms between lines 8 and 9")));
        assertEquals(Handedness.RIGHT, Handedness.fromNotes(List.of("dominant hand left_wrist (metadata)",
                "mirrored left/right: ..., so the dominant hand now right_wrist")), "the last statement wins");
    }

    @Test
    void dominantStudentReadsTheLeftWristOfW03AndTheRightWristOfW01() {
        List<Recording> out = HandednessPolicy.apply(SIM, "as-recorded", "dominant");
        Recording w01 = out.get(0);
        Recording w03 = out.get(2);
        assertEquals("W03", w03.subjectId());
        for (String axis : List.of("x", "y", "z")) {
            float[] d01 = w01.channel(w01.channelIndex("dominant_wrist/acc_" + axis));
            float[] r01 = SIM.get(0).channel(SIM.get(0).channelIndex("right_wrist/acc_" + axis));
            float[] d03 = w03.channel(w03.channelIndex("dominant_wrist/acc_" + axis));
            float[] l03 = SIM.get(2).channel(SIM.get(2).channelIndex("left_wrist/acc_" + axis));
            float sign = axis.equals("y") ? -1f : 1f; // the left wrist seen as a right one
            for (int i = 0; i < d01.length; i++) {
                assertEquals(r01[i], d01[i], 0f, "W01 dominant_wrist/acc_" + axis + " = right_wrist, sample " + i);
            }
            for (int i = 0; i < d03.length; i++) {
                assertEquals(sign * l03[i], d03[i], 0f, "W03 dominant_wrist/acc_" + axis + " = left_wrist, sample " + i);
            }
        }
        assertEquals(16 + 3, w03.channels().size());
    }

    @Test
    void preparedDataGivesTheStudentTheDominantWristAndTheTeacherTheRest() throws IOException {
        DataConfig config = new DataConfig("simulator", null, new DataConfig.SimulatorSettings(5, 1, 1, 30.0),
                null, null, null, "dominant", "as-recorded");
        PreparedData data = PreparedData.prepare(config, 3L);
        assertEquals(List.of("dominant_wrist/acc_x", "dominant_wrist/acc_y", "dominant_wrist/acc_z"),
                data.studentView().names());
        assertEquals(FactorySimulator.CHANNELS, data.teacherView().names(), "the teacher never sees derived channels");

        PreparedData mirrored = PreparedData.prepare(new DataConfig("simulator", null,
                new DataConfig.SimulatorSettings(5, 1, 1, 30.0), null, null, null, "right", "mirror-to-right"), 3L);
        assertEquals(FactorySimulator.CHANNELS, mirrored.teacherView().names());
        for (Recording r : mirrored.recordings()) {
            assertEquals(Handedness.RIGHT, Handedness.of(r), r.key() + " after mirror-to-right");
        }
    }

    @Test
    void dominantStudentNeedsRecordingsThatSayWhichHand() {
        Recording unknown = HandMirroringTest.handMade(List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HandednessPolicy.apply(List.of(unknown), "as-recorded", "dominant"));
        assertTrue(e.getMessage().contains("data.studentHand") && e.getMessage().contains("W09-S01"), e.getMessage());
        assertEquals(List.of(unknown), HandednessPolicy.apply(List.of(unknown), "mirror-to-right", "right"),
                "mirror-to-right keeps recordings that do not say");
        e = assertThrows(IllegalArgumentException.class, () -> new DataConfig(null, null, null, null, null, null,
                "middle", null));
        assertTrue(e.getMessage().startsWith("data.studentHand: unknown value 'middle'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DataConfig(null, null, null, null, null, null,
                null, "mirror"));
        assertTrue(e.getMessage().startsWith("data.handedness: unknown value 'mirror'"), e.getMessage());
    }

    @Test
    void yamlCarriesBothSettings() {
        DataConfig d = ConfigLoader.parse("data: {studentHand: dominant, handedness: mirror-to-right}\n", "t.yaml")
                .data();
        assertEquals("dominant", d.studentHand());
        assertEquals("mirror-to-right", d.handedness());
        assertEquals("as-recorded", ConfigLoader.parse("name: x\n", "t.yaml").data().handedness());
        assertEquals("mirror-to-right", d.withPath("/data/x").handedness());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("data: {handedness: mirrored}\n", "t.yaml"));
        assertTrue(e.getMessage().contains("data.handedness: unknown value 'mirrored'"), e.getMessage());
    }

    @Test
    void csvMetadataSaysTheDominantHand() throws IOException {
        String csv = "# tsak-recording v1\n# subject: W01\n# session: S01\n# sampling_rate_hz: 2\n"
                + "# dominant_hand: %s\ntimestamp_ms,right_wrist/acc_x,operation,box\n"
                + "1000,0.5,100,1\n1500,0.6,100,1\n";
        try (ScratchDir dir = ScratchDir.create("hands")) {
            Path left = dir.write("left.csv", String.format(csv, "Left").getBytes(StandardCharsets.UTF_8));
            Recording r = new CsvRecordingReader().readFile(left);
            assertEquals(Handedness.LEFT, Handedness.of(r), r.notes().toString());
            assertEquals(List.of("dominant hand left_wrist (metadata dominant_hand: left)"), r.notes());

            Path bad = dir.write("bad.csv", String.format(csv, "both").getBytes(StandardCharsets.UTF_8));
            DataFormatException e = assertThrows(DataFormatException.class, () -> new CsvRecordingReader().readFile(bad));
            assertEquals("dominant_hand", e.column());
            assertEquals("both", e.value());
        }
    }

    /**
     * The lateral-axis rule on real data: OpenPack's wrist IMUs atr01 (right) and atr02 (left)
     * read gravity with acc_x and acc_z of the same sign and acc_y of opposite sign, so the
     * mirrored left wrist's mean acceleration is close to the right wrist's, closer than with
     * any other single axis flipped.
     */
    @Test
    void onTheOpenPackSampleTheMirroredLeftWristLooksLikeTheRightOne() throws IOException {
        Path root = SharedDatasets.openPackSampleOrSkip();
        List<OpenPackSensor> sensors = List.of(OpenPackSensor.ATR01_ACC, OpenPackSensor.ATR02_ACC,
                OpenPackSensor.E4_EDA);
        Recording r = new OpenPackReader(OpenPackOptions.defaults().withSensors(sensors)).read(root).get(0);
        assertEquals(Handedness.UNKNOWN, Handedness.of(r), "OpenPack does not say");
        Recording m = HandMirroring.mirror(r);
        assertTrue(m.notes().get(m.notes().size() - 1).contains("no counterpart: right_wrist/eda"), m.notes().toString());

        double[] right = means(r, "right_wrist/acc_");
        double[] left = means(r, "left_wrist/acc_");
        double[] mirroredLeft = means(m, "right_wrist/acc_");
        double best = distance(right, mirroredLeft);
        System.out.printf("OpenPack U0209 mean acc (G): right %.3f %.3f %.3f, left %.3f %.3f %.3f,"
                + " mirrored left %.3f %.3f %.3f (distance %.3f)%n", right[0], right[1], right[2],
                left[0], left[1], left[2], mirroredLeft[0], mirroredLeft[1], mirroredLeft[2], best);
        for (int flip = 0; flip < 3; flip++) {
            double[] other = left.clone();
            other[flip] = -other[flip];
            if (flip != 1) {
                assertTrue(best < distance(right, other) - 0.2, "flipping axis " + flip + " instead of y");
            }
        }
        assertTrue(best < distance(right, left) - 0.2, "mirroring must bring the wrists closer");
    }

    private static double[] means(Recording r, String prefix) {
        double[] out = new double[3];
        for (int a = 0; a < 3; a++) {
            float[] v = r.channel(r.channelIndex(prefix + "xyz".charAt(a)));
            double s = 0;
            for (float x : v) {
                s += x;
            }
            out[a] = s / v.length;
        }
        return out;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
