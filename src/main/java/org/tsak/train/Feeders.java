package org.tsak.train;

import java.util.SplittableRandom;

import org.tsak.config.Seeds;
import org.tsak.data.augment.WristAugmentation;
import org.tsak.model.OwnedArrays;
import org.tsak.data.window.ChannelView;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.ZScore;
import org.tsak.distill.TeacherTargets;
import org.tsak.model.TargetKind;

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
            return new NDList(OwnedArrays.copy(m.create(buf, new Shape(count, channels, samples))));
        };
    }

    /**
     * The training feeder of a stage: {@link #windows} when {@code augmentation} is off,
     * otherwise {@link #augmentedWindows} with a {@link WristAugmentation} built for the view.
     *
     * @param seed the stage's seed; the augmentation's stream is derived from it
     */
    public static BatchFeeder trainingWindows(WindowSet set, ChannelView view, ZScore norm,
            org.tsak.config.AugmentationConfig augmentation, long seed) {
        if (augmentation == null || augmentation.isOff()) {
            return windows(set, view, norm);
        }
        return augmentedWindows(set, view, norm, new WristAugmentation(augmentation, view.names(),
                set.windowSamples()), Seeds.derive(seed, "augment"));
    }

    /**
     * NCW windows of a channel view, randomly augmented and z-scored, for training only:
     * {@code count x view.size() x windowSamples}. Each batch is filled raw, then
     * {@link WristAugmentation#apply(float[], int, ZScore, int[], SplittableRandom)} mirrors,
     * rotates and scales the physical values, z-scores them and adds jitter and the time shift.
     *
     * <p>Deterministic under resume: the batch's random stream is seeded from {@code seed},
     * {@code from} and every example index of the batch, in order. The trainer's example order
     * is a function of (stage seed, epoch), so a resumed epoch replays the same augmentation,
     * and the per-epoch shuffle gives a batch new draws every epoch (without shuffling, a batch
     * would get the same draws each epoch).
     *
     * @param seed the stage's augmentation seed (e.g. {@code Seeds.derive(root, "augment", stage)})
     * @throws IllegalArgumentException if the augmentation was built for other channels or
     *                                  window length than the view and window set
     */
    public static BatchFeeder augmentedWindows(WindowSet set, ChannelView view, ZScore norm,
            WristAugmentation augmentation, long seed) {
        if (!augmentation.channels().equals(view.names()) || augmentation.windowSamples() != set.windowSamples()) {
            throw new IllegalArgumentException("augmentation built for " + augmentation.channels() + " x "
                    + augmentation.windowSamples() + " samples, but the view gives " + view.names() + " x "
                    + set.windowSamples() + " samples");
        }
        int channels = view.size();
        int samples = set.windowSamples();
        int[] normChannels = view.indices();
        return (m, ex, from, count) -> {
            float[] buf = new float[count * channels * samples];
            set.fill(ex, from, count, view, null, buf);
            augmentation.apply(buf, count, norm, normChannels, new SplittableRandom(batchSeed(seed, ex, from, count)));
            return new NDList(OwnedArrays.copy(m.create(buf, new Shape(count, channels, samples))));
        };
    }

    /** SplitMix64 over the seed, the batch's first position and its example indices. */
    static long batchSeed(long seed, int[] examples, int from, int count) {
        long h = Seeds.mix(seed ^ Seeds.mix(from));
        for (int i = from; i < from + count; i++) {
            h = Seeds.mix(h ^ examples[i]);
        }
        return h;
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
        return OwnedArrays.copy(m.create(targets.rows(kind, ex, from, count), new Shape(count, targets.width(kind))));
    }

    /** Class-index labels of a batch as an int array. */
    public static NDArray labels(NDManager m, int[] classIndexOfExample, int[] ex, int from, int count) {
        int[] y = new int[count];
        for (int i = 0; i < count; i++) {
            y[i] = classIndexOfExample[ex[from + i]];
        }
        return OwnedArrays.copy(m.create(y));
    }
}
