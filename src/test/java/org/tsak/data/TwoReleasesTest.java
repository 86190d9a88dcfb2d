package org.tsak.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tsak.config.ConfigLoader;
import org.tsak.config.DataConfig;
import org.tsak.config.ExperimentConfig;
import org.tsak.data.window.Split;
import org.tsak.data.window.WindowSet;
import org.tsak.testing.SharedDatasets;

/**
 * Both real OpenPack samples in one run: U0209 (release v1.0.0) and U0102 (release v0.3.0), read
 * from the folder holding both by {@code configs/openpack-two-workers.yaml}, and from a list of
 * roots ({@code data.paths}). Skipped when either sample is absent.
 */
class TwoReleasesTest {

    private static final List<String> ATR_MOTION = List.of("atr01/acc", "atr01/gyro", "atr02/acc", "atr02/gyro",
            "atr03/acc", "atr03/gyro", "atr04/acc", "atr04/gyro");

    private static Path v1() {
        return SharedDatasets.openPackSampleOrSkip();
    }

    private static Path v030() {
        Path root = SharedDatasets.sharedDir().resolve("datasets/openpack-v030-sample/v0.3.0");
        Assumptions.assumeTrue(Files.isDirectory(root.resolve("U0102")), "OpenPack v0.3.0 sample absent: skipped");
        return root;
    }

    @Test
    void theTwoWorkersConfigTrainsOnU0209AndTestsOnU0102() throws IOException {
        v1();
        v030();
        ExperimentConfig config = ConfigLoader.load(Path.of("configs/openpack-two-workers.yaml"));
        Assumptions.assumeTrue(Path.of(config.data().path()).equals(SharedDatasets.sharedDir().resolve("datasets")),
                "the config reads ../shared/datasets, the tests " + SharedDatasets.sharedDir());
        PreparedData data = PreparedData.prepare(config.data(), config.seed());

        List<Recording> recs = data.recordings();
        assertEquals(List.of("U0209-S0500", "U0102-S0500"), recs.stream().map(Recording::key).toList());
        for (Recording r : recs) {
            assertEquals(30.0, r.samplingRateHz(), "both releases on the 30 Hz clock");
            assertEquals(recs.get(0).channels(), r.channels(), "same channel names in both releases");
        }
        assertEquals(24, recs.get(0).channels().size());
        WindowSet w = data.windows();
        assertEquals(60, w.windowSamples(), "2 s at 30 Hz in both");
        assertEquals(List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z"), data.studentView().names());

        // box blocks: a sample belongs to the last box at or before it; U0209 has boxes 1-20
        Split fold = data.folds().get(0);
        for (int i : fold.train()) {
            Recording r = recs.get(w.recordingOf(i));
            assertEquals("U0209", r.subjectId());
            assertTrue(blockBox(r, w.startSampleOf(i) + w.windowSamples() - 1) <= 17, "training window in boxes 18-20");
        }
        for (int i : fold.validation()) {
            Recording r = recs.get(w.recordingOf(i));
            assertEquals("U0209", r.subjectId());
            assertTrue(blockBox(r, w.startSampleOf(i)) >= 18, "validation window before box 18");
        }
        for (int i : fold.test()) {
            assertEquals("U0102", recs.get(w.recordingOf(i)).subjectId());
        }
        assertEquals(1822, fold.test().length, "every U0102 window (ATR only: no held E4 edge)");
        assertTrue(fold.validation().length > 100, fold.summary());
        System.out.printf("two workers (U0209 v1.0.0 train, last 3 boxes validation; U0102 v0.3.0 test): %s;"
                + " %d windows dropped for gaps%n", fold.summary(w), w.droppedForGaps());
    }

    private static int blockBox(Recording r, int sample) {
        int[] boxes = r.sampleBoxes();
        for (int k = sample; k >= 0; k--) {
            if (boxes[k] != 0) {
                return boxes[k];
            }
        }
        return 1;
    }

    @Test
    void aListOfRootsReadsBothInOrder() throws IOException {
        DataConfig config = new DataConfig("openpack", null, null, ATR_MOTION,
                new DataConfig.WindowSettings(2.0, 1.0, 30.0),
                new DataConfig.SplitSettings("subject", List.of("U0102"), List.of(), List.of("U0209"), null, null, 2),
                "right", null, List.of(v030().toString(), v1().toString()));
        List<Recording> recs = PreparedData.read(config, 1);
        assertEquals(List.of("U0102-S0500", "U0209-S0500"), recs.stream().map(Recording::key).toList());
        PreparedData data = PreparedData.prepare(config, 1);
        assertTrue(data.folds().get(0).validation().length > 0);
    }

    @Test
    void onTheirOwnClocksTheReleasesDifferInRateAndTheWindowerSaysSo() {
        DataConfig config = new DataConfig("openpack", null, null, ATR_MOTION, null,
                new DataConfig.SplitSettings("subject", List.of("U0209"), List.of(), List.of("U0102"), null, null, 3),
                "right", null, List.of(v1().toString(), v030().toString()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PreparedData.prepare(config, 1));
        assertTrue(e.getMessage().contains("differ in nominal sampling rate"), e.getMessage());
    }

    @Test
    void pathsAreCheckedInTheConfig() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> new DataConfig("openpack",
                "a", null, null, null, null, null, null, List.of("b")));
        assertEquals("data.paths: give data.path or data.paths, not both", both.getMessage());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class, () -> new DataConfig("csv", "a",
                null, null, new DataConfig.WindowSettings(2.0, 1.0, 30.0), null, null, null, null));
        assertTrue(rate.getMessage().startsWith("data.window.samplingRateHz: applies to data.source openpack only"),
                rate.getMessage());
        IllegalArgumentException lastBoxes = assertThrows(IllegalArgumentException.class,
                () -> new DataConfig.SplitSettings("subject", List.of("A"), List.of("B"), List.of("C"), null, null, 2));
        assertEquals("data.split.validationLastBoxes: give a validation list or validationLastBoxes, not both",
                lastBoxes.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new DataConfig.SplitSettings("subject", List.of("A"), List.of(), List.of("C"), null, null, null));
        assertTrue(none.getMessage().contains("validationLastBoxes: N"), none.getMessage());
        DataConfig relative = new DataConfig("openpack", null, null, null, null, null, null, null, List.of("x/v1.0.0",
                "/abs/v0.3.0")).resolvedAgainst(Path.of("/configs"));
        assertEquals(List.of("/configs/x/v1.0.0", "/abs/v0.3.0"), relative.allPaths());
    }
}
