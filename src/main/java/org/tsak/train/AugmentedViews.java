package org.tsak.train;

import java.util.SplittableRandom;

import org.tsak.config.Seeds;
import org.tsak.config.AugmentationConfig;
import org.tsak.data.augment.WristAugmentation;
import org.tsak.data.window.ChannelView;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.ZScore;
import org.tsak.model.OwnedArrays;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * Augmentation applied consistently to teacher and student: {@code K} fixed augmented views of
 * every window, drawn once, so the frozen teacher and semantic classifier can score each view
 * (cached like the plain targets) and the student learns the teacher's outputs on exactly the
 * input it sees ("consistent teaching", Beyer et al., "Knowledge distillation: A good teacher is
 * patient and consistent", CVPR 2022, with a fixed pool of views instead of fresh ones per step).
 *
 * <p>Example ids: window {@code w} of {@code N} in view {@code v} ({@code 0..K}) is
 * {@code v * N + w}; view 0 is the window as recorded. A view is drawn on the teacher's channels
 * (both hands: every 3-axis sensor rotated and scaled, the window shifted, jitter added, as
 * {@link WristAugmentation} does) from a random stream seeded by (seed, window, view) alone, and
 * the student's input is the same augmented buffer's student channels, which must be among the
 * teacher's. The same view therefore reaches teacher and student, in any batch and any thread.
 */
final class AugmentedViews {

    private final WindowSet windows;
    private final ChannelView teacherView;
    private final ChannelView studentView;
    private final ZScore norm;
    private final WristAugmentation augmentation;
    private final long seed;
    private final int views;
    private final int[] studentInTeacher;
    private volatile float[] studentCache;

    /**
     * @param views number of augmented views K, at least 1
     * @throws IllegalArgumentException if a student channel is not a teacher channel, or the
     *                                  augmentation is off
     */
    AugmentedViews(WindowSet windows, ChannelView teacherView, ChannelView studentView, ZScore norm,
            AugmentationConfig augmentation, long seed, int views) {
        if (views < 1) {
            throw new IllegalArgumentException("augmented views: need at least 1, got " + views);
        }
        if (augmentation.isOff()) {
            throw new IllegalArgumentException("distillation.augmentedViews: " + views + " views of an augmentation"
                    + " that is off; set training.student.augmentation (rotationDegrees, scale, jitter, shiftSamples)");
        }
        this.windows = windows;
        this.teacherView = teacherView;
        this.studentView = studentView;
        this.norm = norm;
        this.augmentation = new WristAugmentation(augmentation, teacherView.names(), windows.windowSamples());
        this.seed = seed;
        this.views = views;
        studentInTeacher = new int[studentView.size()];
        for (int i = 0; i < studentInTeacher.length; i++) {
            studentInTeacher[i] = teacherView.names().indexOf(studentView.names().get(i));
            if (studentInTeacher[i] < 0) {
                throw new IllegalArgumentException("augmented views need the student's channels among the teacher's;"
                        + " " + studentView.names().get(i) + " is not in " + teacherView.names());
            }
        }
    }

    /** K. */
    int views() {
        return views;
    }

    /** Number of example ids: {@code N * (K + 1)}. */
    int size() {
        return windows.size() * (views + 1);
    }

    /** Every id of the given windows in every view (view-major). */
    int[] ids(int[] windowIdx) {
        int n = windows.size();
        int[] out = new int[windowIdx.length * (views + 1)];
        for (int v = 0; v <= views; v++) {
            for (int i = 0; i < windowIdx.length; i++) {
                out[v * windowIdx.length + i] = v * n + windowIdx[i];
            }
        }
        return out;
    }

    /** Class index of every id (the window's). */
    int[] classIndices() {
        int[] base = windows.classIndices();
        int[] out = new int[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = base[i % base.length];
        }
        return out;
    }

    /** NCW teacher inputs of example ids (z-scored; augmented for views 1..K). */
    BatchFeeder teacherFeeder() {
        return (m, ex, from, count) -> {
            float[] buf = teacherInputs(ex, from, count);
            return new NDList(OwnedArrays.copy(m.create(buf, new Shape(count, teacherView.size(),
                    windows.windowSamples()))));
        };
    }

    /**
     * NCW student inputs of example ids: the student's channels of the same augmented buffers,
     * drawn once for every id on first use and kept (N * (K + 1) * C * L floats; every student
     * of the fold shares them when it shares this object).
     */
    BatchFeeder studentFeeder() {
        int l = windows.windowSamples();
        int sc = studentInTeacher.length;
        return (m, ex, from, count) -> {
            float[] all = studentInputs();
            float[] buf = new float[count * sc * l];
            for (int k = 0; k < count; k++) {
                int id = ex[from + k];
                if (id < 0 || id >= size()) {
                    throw new IllegalArgumentException("example id " + id + " outside [0, " + size() + ")");
                }
                System.arraycopy(all, id * sc * l, buf, k * sc * l, sc * l);
            }
            return new NDList(OwnedArrays.copy(m.create(buf, new Shape(count, sc, l))));
        };
    }

    private float[] studentInputs() {
        float[] cache = studentCache;
        if (cache == null) {
            synchronized (this) {
                cache = studentCache;
                if (cache == null) {
                    cache = drawStudentInputs();
                    studentCache = cache;
                }
            }
        }
        return cache;
    }

    private float[] drawStudentInputs() {
        int l = windows.windowSamples();
        int tc = teacherView.size();
        int sc = studentInTeacher.length;
        long total = (long) size() * sc * l;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(size() + " views x " + sc + " channels x " + l
                    + " samples do not fit in one array; use fewer distillation.augmentedViews");
        }
        float[] out = new float[(int) total];
        int[] one = new int[1];
        for (int id = 0; id < size(); id++) {
            one[0] = id;
            float[] teacher = teacherInputs(one, 0, 1);
            for (int c = 0; c < sc; c++) {
                System.arraycopy(teacher, studentInTeacher[c] * l, out, (id * sc + c) * l, l);
            }
        }
        assert tc == teacherView.size();
        return out;
    }

    private float[] teacherInputs(int[] ex, int from, int count) {
        int n = windows.size();
        int tc = teacherView.size();
        int l = windows.windowSamples();
        int[] idx = teacherView.indices();
        float[] buf = new float[count * tc * l];
        int[] one = new int[1];
        float[] window = new float[tc * l];
        for (int k = 0; k < count; k++) {
            int id = ex[from + k];
            if (id < 0 || id >= size()) {
                throw new IllegalArgumentException("example id " + id + " outside [0, " + size() + ")");
            }
            one[0] = id % n;
            int v = id / n;
            if (v == 0) {
                windows.fill(one, 0, 1, teacherView, norm, window);
            } else {
                windows.fill(one, 0, 1, teacherView, null, window);
                augmentation.apply(window, 1, norm, idx, new SplittableRandom(viewSeed(one[0], v)));
            }
            System.arraycopy(window, 0, buf, k * tc * l, tc * l);
        }
        return buf;
    }

    /** SplitMix64 finaliser over (seed, view, window): one independent stream per view of a window. */
    private long viewSeed(int window, int view) {
        return Seeds.mix(Seeds.mix(seed ^ Seeds.mix(view)) ^ window);
    }

}
