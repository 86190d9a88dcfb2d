package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tsak.config.AugmentationConfig;
import org.tsak.config.ConfigLoader;
import org.tsak.config.Seeds;
import org.tsak.data.PreparedData;
import org.tsak.data.window.ZScore;

import ai.djl.ndarray.NDManager;

/**
 * The augmented views reach teacher and student identically: view 0 is the recorded window, a
 * view's student input is its teacher input's student channels, and a view is the same in any
 * batch position and order.
 */
class AugmentedViewsTest {

    static PreparedData data;
    static ZScore norm;
    static final AugmentationConfig AUG = new AugmentationConfig(20.0, 0.2, 0.05, 4, null, null);

    @BeforeAll
    static void prepare() throws Exception {
        data = PreparedData.prepare(ConfigLoader.parse(ParallelPlanTest.LOSO, "views").data(), Seeds.derive(5, "data"));
        norm = data.normalisation(data.folds().get(0));
    }

    private static AugmentedViews views(int k) {
        return new AugmentedViews(data.windows(), data.teacherView(), data.studentView(), norm, AUG, 7, k);
    }

    private static float[] feed(BatchFeeder feeder, int... ids) {
        try (NDManager m = NDManager.newBaseManager()) {
            return feeder.inputs(m, ids, 0, ids.length).singletonOrThrow().toFloatArray();
        }
    }

    @Test
    void viewZeroIsTheRecordedWindowAndOtherViewsDiffer() {
        AugmentedViews v = views(2);
        int n = data.windows().size();
        assertEquals(3 * n, v.size());
        float[] plain = feed(Feeders.windows(data.windows(), data.teacherView(), norm), 5);
        assertArrayEquals(plain, feed(v.teacherFeeder(), 5));
        assertFalse(Arrays.equals(plain, feed(v.teacherFeeder(), n + 5)));
        assertFalse(Arrays.equals(feed(v.teacherFeeder(), n + 5), feed(v.teacherFeeder(), 2 * n + 5)));
    }

    @Test
    void theStudentSeesItsChannelsOfTheTeachersAugmentedInput() {
        AugmentedViews v = views(1);
        int n = data.windows().size();
        int l = data.windows().windowSamples();
        float[] teacher = feed(v.teacherFeeder(), n + 9);
        float[] student = feed(v.studentFeeder(), n + 9);
        for (int c = 0; c < data.studentView().size(); c++) {
            int t = data.teacherView().names().indexOf(data.studentView().names().get(c));
            assertArrayEquals(Arrays.copyOfRange(teacher, t * l, (t + 1) * l), Arrays.copyOfRange(student, c * l,
                    (c + 1) * l), "channel " + data.studentView().names().get(c));
        }
    }

    @Test
    void aViewIsTheSameInAnyBatchPosition() {
        AugmentedViews v = views(1);
        int n = data.windows().size();
        int size = data.teacherView().size() * data.windows().windowSamples();
        float[] alone = feed(v.studentFeeder(), n + 3);
        float[] batch = feed(v.studentFeeder(), n + 8, 2, n + 3);
        int s = data.studentView().size() * data.windows().windowSamples();
        assertArrayEquals(alone, Arrays.copyOfRange(batch, 2 * s, 3 * s));
        assertTrue(size > s);
        assertArrayEquals(new int[] {0, 1, n, n + 1}, v.ids(new int[] {0, 1}));
        assertEquals(data.windows().classIndices()[4], v.classIndices()[n + 4]);
    }

    @Test
    void viewsOfAnAugmentationThatIsOffAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AugmentedViews(data.windows(), data.teacherView(),
                data.studentView(), norm, AugmentationConfig.OFF, 7, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("distillation: {augmentedViews: 2}", "views"));
        assertTrue(e.getMessage().contains("training.student.augmentation"), e.getMessage());
    }
}
