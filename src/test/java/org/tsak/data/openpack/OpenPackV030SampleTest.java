package org.tsak.data.openpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.tsak.data.DataFormatException;
import org.tsak.data.DatasetInspection;
import org.tsak.data.DatasetInspector;
import org.tsak.data.DatasetSources;
import org.tsak.data.Operations;
import org.tsak.data.Recording;
import org.tsak.data.SecondLabels;
import org.tsak.data.StreamGap;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.WindowSpec;
import org.tsak.data.window.Windower;

/**
 * The reader on the real OpenPack v0.3.0 sample (U0102, S0500; its README gives the figures
 * checked here); skipped when the sample is absent.
 */
class OpenPackV030SampleTest {

    /** First ATR row and first labelled second (README: labels per second, 1,822 of them). */
    private static final long FIRST_MS = 1634885785026L;
    private static final long FIRST_SECOND_MS = 1634885786000L;
    private static final long LAST_SECOND_MS = 1634887607000L;
    private static final List<String> ATR_MOTION = List.of("atr01/acc", "atr01/gyro", "atr02/acc", "atr02/gyro",
            "atr03/acc", "atr03/gyro", "atr04/acc", "atr04/gyro");

    private static Recording readAtr(Path root) throws IOException {
        List<Recording> all = new OpenPackReader(OpenPackOptions.of(ATR_MOTION, List.of(), List.of())).read(root);
        assertEquals(1, all.size());
        return all.get(0);
    }

    @Test
    void theReleaseIsToldByItsLayout() throws IOException {
        Path root = SampleCopy.v030SampleOrSkip();
        assertEquals(OpenPackRelease.V0_3_0, OpenPackRelease.of(root.resolve("U0102"), "S0500"));
        assertEquals(root, OpenPackRoots.at(root.getParent()), "found under its v0.3.0 folder");
        assertEquals("openpack", DatasetSources.registered().detect(root.getParent()).name());
    }

    @Test
    void motionStreamsAndPerSecondLabels() throws IOException {
        Recording r = readAtr(SampleCopy.v030SampleOrSkip());
        assertEquals("U0102", r.subjectId());
        assertEquals("U0102-S0500", r.key());
        assertEquals(55_272, r.sampleCount(), "README: 55,272 rows per device");
        assertEquals(1000.0 / 33.0, r.samplingRateHz(), 1e-9, "rows 33 ms apart");
        assertEquals(24, r.channels().size());
        assertEquals(FIRST_MS, r.timestampsMs()[0]);
        assertEquals(0.5318f, r.channel(r.channelIndex("right_wrist/acc_x"))[0], "first row of atr01");
        assertEquals(-76.11f, r.channel(r.channelIndex("left_wrist/gyro_y"))[0], "first row of atr02");
        assertEquals(List.of(), r.streamGaps(), "all four IMUs share the 33 ms grid without gaps");

        SecondLabels truth = r.groundTruth();
        assertEquals(1822, truth.size());
        Map<Integer, Integer> perOperation = new TreeMap<>();
        for (int i = 0; i < truth.size(); i++) {
            perOperation.merge(truth.operationId(i), 1, Integer::sum);
        }
        // README: seconds per operation, no Null second
        assertEquals(Map.of(100, 167, 200, 387, 300, 256, 400, 142, 500, 177, 600, 64, 700, 292, 800, 100,
                900, 79, 1000, 158), perOperation);

        assertEquals(Operations.NULL_ID, labelAt(r, FIRST_MS), "before the first labelled second");
        assertEquals(0, boxAt(r, FIRST_MS));
        assertEquals(100, labelAt(r, FIRST_SECOND_MS), "first labelled second: Picking");
        assertEquals(1, boxAt(r, firstSampleAtOrAfter(r, FIRST_SECOND_MS)));
        assertEquals(1000, labelAt(r, firstSampleAtOrAfter(r, LAST_SECOND_MS)), "last second: Fill out Order");
        assertEquals(14, boxAt(r, firstSampleAtOrAfter(r, LAST_SECOND_MS)), "14 boxes");
        assertEquals(2, boxAt(r, firstSampleAtOrAfter(r, 1634885875000L)), "box 2 starts at 1634885875000");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("release v0.3.0") && n.contains("1,822 seconds")),
                r.notes().toString());
    }

    @Test
    void allSensorsFailOnceNamingEveryStreamThatIsNotThere() {
        Path root = SampleCopy.v030SampleOrSkip();
        DataFormatException e = assertThrows(DataFormatException.class, () -> new OpenPackReader().read(root));
        String m = e.getMessage();
        assertTrue(m.contains("e4/e401/acc/S0500.csv"), m);
        assertTrue(m.contains("e4/acc (missing file"), m);
        for (int k = 1; k <= 4; k++) {
            assertTrue(m.contains("atr0" + k + "/quat (every quaternion of atr/atr0" + k + "/S0500.csv is (0, 0, 0, 0):"
                    + " no orientation data (release v0.3.0 records none))"), m);
        }
        assertTrue(m.contains("release v0.3.0"), m);
        assertTrue(m.contains("streams available here: [atr01/acc, atr01/gyro, atr02/acc, atr02/gyro, atr03/acc,"
                + " atr03/gyro, atr04/acc, atr04/gyro, e4/bvp, e4/eda, e4/temp]"), m);
    }

    @Test
    void inspectionLeavesOutWhatIsMissingOrEmptyAndSaysSo() throws IOException {
        Path root = SampleCopy.v030SampleOrSkip();
        DatasetInspector.Inventory inv = new DatasetInspector(List.of()).read(root.getParent());
        assertEquals(List.of(), inv.problems());
        assertEquals(Map.of("U0102-S0500", List.of("atr01/quat", "atr02/quat", "atr03/quat", "atr04/quat", "e4/acc")),
                inv.leftOut());
        Recording r = inv.recordings().get(0);
        assertEquals(27, r.channels().size(), "24 ATR acc/gyro channels and bvp, eda, temp");
        assertTrue(r.notes().contains("e4/acc: missing file e4/e401/acc/S0500.csv; left out of this session"),
                r.notes().toString());
        String text = DatasetInspection.of(inv).toText();
        assertTrue(text.contains("left out (missing or empty, see the notes): atr01/quat atr02/quat atr03/quat"
                + " atr04/quat e4/acc"), text);
    }

    /**
     * The E4 streams start about 1 s after the IMUs and end about 1 s before them: their held edge
     * values count as gaps. Windows: 61 samples (2 s at 1000/33 Hz) = 1980 ms, stride 30 samples =
     * 990 ms, {@code (55272 - 61) / 30 + 1 = 1841} of them, window k spanning
     * {@code [F + 990 k, F + 990 k + 1980]}. eda and temp start latest, 1,194 ms after F: windows
     * k = 0, 1 start before that; they end earliest, 1,822,913 ms after F: window k = 1840 ends
     * after that (990 * 1840 + 1980 = 1,823,580). 3 windows dropped.
     */
    @Test
    void e4HeldEdgesDropTheWindowsOutsideTheE4Span() throws IOException {
        Path root = SampleCopy.v030SampleOrSkip();
        List<String> keys = new java.util.ArrayList<>(ATR_MOTION);
        keys.addAll(List.of("e4/bvp", "e4/eda", "e4/temp"));
        Recording r = new OpenPackReader(OpenPackOptions.of(keys, List.of(), List.of())).read(root).get(0);
        assertEquals(List.of(StreamGap.heldBefore("e4/bvp", 1634885786007L), StreamGap.heldAfter("e4/bvp", 1634887607989L),
                StreamGap.heldBefore("e4/eda", 1634885786220L), StreamGap.heldAfter("e4/eda", 1634887607939L),
                StreamGap.heldBefore("e4/temp", 1634885786220L), StreamGap.heldAfter("e4/temp", 1634887607939L)),
                r.streamGaps());
        WindowSet w = new Windower(new WindowSpec(2.0, 1.0)).window(List.of(r));
        assertEquals(3, w.droppedForGaps());
        assertEquals(1841 - 3, w.size());
        System.out.printf("openpack v0.3.0 sample with E4 bvp/eda/temp: %d windows, %d dropped for E4 held edges%n",
                w.size(), w.droppedForGaps());
    }

    /** On a uniform 30 Hz clock (as configs/openpack-two-workers.yaml asks) the IMU values are interpolated on time. */
    @Test
    void aUniformClockInterpolatesEveryStream() throws IOException {
        Path root = SampleCopy.v030SampleOrSkip();
        Recording own = readAtr(root);
        Recording r = new OpenPackReader(OpenPackOptions.of(ATR_MOTION, List.of(), List.of()).withClockRateHz(30.0))
                .read(root).get(0);
        assertEquals(30.0, r.samplingRateHz());
        long span = own.timestampsMs()[own.sampleCount() - 1] - FIRST_MS; // 55,271 x 33 ms
        assertEquals(span / (1000.0 / 30) + 1, r.sampleCount(), 1.0);
        assertEquals(FIRST_MS + 100, r.timestampsMs()[3], "t0 + round(3 x 33.33)");
        // sample 3 at F + 100 lies between atr01 rows 3 (F + 99) and 4 (F + 132): 1/33 of the way
        float[] x = own.channel(0);
        assertEquals(x[3] + (x[4] - x[3]) / 33f, r.channel(0)[3], 1e-6);
        assertEquals(own.groundTruth().size(), r.groundTruth().size());
    }

    private static long firstSampleAtOrAfter(Recording r, long t) {
        int i = Arrays.binarySearch(r.timestampsMs(), t);
        return r.timestampsMs()[i >= 0 ? i : -i - 1];
    }

    private static int labelAt(Recording r, long t) {
        return r.sampleLabels()[Arrays.binarySearch(r.timestampsMs(), firstSampleAtOrAfter(r, t))];
    }

    private static int boxAt(Recording r, long t) {
        return r.sampleBoxes()[Arrays.binarySearch(r.timestampsMs(), firstSampleAtOrAfter(r, t))];
    }
}
