package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tsak.train.LearningRateSchedule.Kind;

/** Which weights a stage keeps: last, the mean of the last epochs, or the best on validation. */
class WeightSelectionTest {

    @Test
    void lastKeepsTheFinalEpochsWeightsAndRunsEveryEpoch() throws IOException {
        // patience 1 would stop best-validation early; last ignores it
        StageSettings s = new StageSettings("s", 4, 16, 0.01, 1e-3, 1, 3, Kind.COSINE, 0, 0, WeightSelection.LAST, 1,
                true);
        List<Map<String, float[]>> seen = new ArrayList<>();
        List<Boolean> improved = new ArrayList<>();
        TinyStage.Outcome o = TinyStage.train(s, null, new ProgressListener() {
            @Override
            public void epoch(String stage, EpochRecord record, boolean better) {
                improved.add(better);
            }
        }, b -> seen.add(TinyStage.parameters(b)));
        StageResult r = o.result();
        assertEquals(4, r.history().size());
        assertEquals(4, seen.size(), "validated once per epoch");
        assertEquals(4, r.bestEpoch());
        assertEquals(r.history().get(3).validationF1(), r.bestValidationF1(), 0.0);
        assertEquals(WeightSelection.LAST, r.selection());
        assertEquals(1, r.averagedEpochs());
        assertFalse(r.stoppedEarly());
        assertEquals(List.of(false, false, false, false), improved, "validation chooses nothing");
        assertParametersEqual(seen.get(3), o.parameters());
        // and they are not the third epoch's
        assertFalse(java.util.Arrays.equals(seen.get(2).values().iterator().next(),
                o.parameters().values().iterator().next()));
        // the learning rate of each epoch's last step: 96 windows / 16 = 6 steps, T = 24
        LearningRateSchedule schedule = LearningRateSchedule.of(s, 6);
        for (int e = 1; e <= 4; e++) {
            assertEquals(schedule.at(e, 5), r.history().get(e - 1).learningRate(), 0.0);
        }
        // cosine to 0 over 24 steps: the last step's rate is 0.01 (1 + cos(23/24 pi)) / 2
        assertEquals(0.01 * (1 + Math.cos(23 * Math.PI / 24)) / 2, r.history().get(3).learningRate(), 1e-15);
    }

    @Test
    void averageLastKeepsTheMeanOfTheLastEpochsWeights() throws IOException {
        StageSettings s = new StageSettings("s", 5, 16, 0.01, 1e-3, 1, 4, Kind.COSINE, 0.001, 1,
                WeightSelection.AVERAGE_LAST, 3, true);
        List<Map<String, float[]>> seen = new ArrayList<>();
        TinyStage.Outcome o = TinyStage.train(s, null, ProgressListener.NONE, b -> seen.add(TinyStage.parameters(b)));
        StageResult r = o.result();
        assertEquals(5, r.history().size());
        assertEquals(6, seen.size(), "validated after each epoch and once on the averaged weights");
        assertEquals(5, r.bestEpoch());
        assertEquals(3, r.averagedEpochs());
        assertEquals(WeightSelection.AVERAGE_LAST, r.selection());
        // the mean of epochs 3, 4, 5, computed here in double
        Map<String, float[]> kept = o.parameters();
        assertTrue(kept.keySet().stream().anyMatch(k -> k.contains("running")),
                "BatchNorm running statistics are among the averaged parameters: " + kept.keySet());
        for (String name : kept.keySet()) {
            float[] a = seen.get(2).get(name);
            float[] b = seen.get(3).get(name);
            float[] c = seen.get(4).get(name);
            float[] mean = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                mean[i] = (float) (((double) a[i] + b[i] + c[i]) / 3);
            }
            assertArrayEquals(mean, kept.get(name), 0f, name);
        }
        assertParametersEqual(seen.get(5), kept);
        // a weight moved between epochs, so the mean differs from the last epoch's
        assertFalse(java.util.Arrays.equals(seen.get(4).values().iterator().next(), kept.values().iterator().next()));
    }

    @Test
    void averageOfOneEpochIsTheLastEpoch() throws IOException {
        StageSettings avg1 = new StageSettings("s", 3, 16, 0.01, 1e-3, 1, 5, Kind.CONSTANT, 0, 0,
                WeightSelection.AVERAGE_LAST, 1, true);
        StageSettings last = new StageSettings("s", 3, 16, 0.01, 1e-3, 1, 5, Kind.CONSTANT, 0, 0,
                WeightSelection.LAST, 1, true);
        assertArrayEquals(TinyStage.train(last, null, ProgressListener.NONE, b -> {
        }).weights(), TinyStage.train(avg1, null, ProgressListener.NONE, b -> {
        }).weights());
    }

    @Test
    void bestValidationKeepsTheBestEpochAndStopsOnPatience() throws IOException {
        StageSettings s = new StageSettings("s", 30, 16, 0.01, 1e-3, 2, 6);
        List<Map<String, float[]>> seen = new ArrayList<>();
        TinyStage.Outcome o = TinyStage.train(s, null, ProgressListener.NONE, b -> seen.add(TinyStage.parameters(b)));
        StageResult r = o.result();
        int best = 0;
        for (int e = 1; e < r.history().size(); e++) {
            if (r.history().get(e).validationF1() > r.history().get(best).validationF1()) {
                best = e;
            }
        }
        assertEquals(best + 1, r.bestEpoch());
        assertEquals(WeightSelection.BEST_VALIDATION, r.selection());
        if (r.history().size() < 30) {
            assertTrue(r.stoppedEarly());
            assertEquals(r.bestEpoch() + 2, r.history().size(), "stops after patience 2");
        }
        assertParametersEqual(seen.get(best), o.parameters());
    }

    @Test
    void keysAreTheConfigValues() {
        assertEquals(WeightSelection.AVERAGE_LAST, WeightSelection.fromKey("average-last"));
        assertEquals("best-validation", WeightSelection.BEST_VALIDATION.key());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightSelection.fromKey("swa"));
        assertEquals("selection 'swa' is not one of best-validation, last, average-last", e.getMessage());
        assertNotEquals(WeightSelection.LAST, WeightSelection.fromKey("best-validation"));
    }

    static void assertParametersEqual(Map<String, float[]> expected, Map<String, float[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), 0f, name);
        }
    }
}
