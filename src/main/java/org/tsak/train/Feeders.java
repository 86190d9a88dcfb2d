package org.tsak.train;

import org.tsak.data.window.ChannelView;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.ZScore;
import org.tsak.distill.TargetKind;
import org.tsak.distill.TeacherTargets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** The batch feeders of the stages: z-scored windows through a channel view, or cached targets. */
public final class Feeders {

    private Feeders() {
    }

    /** NCW windows of a channel view, z-scored: {@code count x view.size() x windowSamples}. */
    public static BatchFeeder windows(WindowSet set, ChannelView view, ZScore norm) {
        int channels = view.size();
        int samples = set.windowSamples();
        return (m, ex, from, count) -> {
            float[] buf = new float[count * channels * samples];
            set.fill(ex, from, count, view, norm, buf);
            return new NDList(m.create(buf, new Shape(count, channels, samples)));
        };
    }

    /** The teacher's three cached representations: {@code (attn, causal, combi)}, each {@code count x d}. */
    public static BatchFeeder representations(TeacherTargets targets) {
        return (m, ex, from, count) -> new NDList(
                rows(m, targets, TargetKind.ATTN_REP, ex, from, count),
                rows(m, targets, TargetKind.CAUSAL_REP, ex, from, count),
                rows(m, targets, TargetKind.COMBI_REP, ex, from, count));
    }

    /** One cached target for a batch as an NDArray {@code count x width}. */
    public static NDArray rows(NDManager m, TeacherTargets targets, TargetKind kind, int[] ex, int from, int count) {
        return m.create(targets.rows(kind, ex, from, count), new Shape(count, targets.width(kind)));
    }

    /** Class-index labels of a batch as an int array. */
    public static NDArray labels(NDManager m, int[] classIndexOfExample, int[] ex, int from, int count) {
        int[] y = new int[count];
        for (int i = 0; i < count; i++) {
            y[i] = classIndexOfExample[ex[from + i]];
        }
        return m.create(y);
    }
}
