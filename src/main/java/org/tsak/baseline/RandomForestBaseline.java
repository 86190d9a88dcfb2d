package org.tsak.baseline;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.BinningTransformation;
import org.tsak.config.Seeds;
import org.tsak.data.Operations;
import org.tsak.data.window.ChannelView;
import org.tsak.data.window.PastWindows;
import org.tsak.data.window.WindowSet;

/**
 * The classical baseline every deep student is judged against: a random forest (Breiman,
 * "Random Forests", Machine Learning 45, 2001) on {@link WindowStatistics} of the chosen
 * channels, from Tribuo (Oracle's Java ML library, Apache-2.0): {@code RandomForestTrainer} over
 * {@code CARTClassificationTrainer}.
 *
 * <p>Hyper-parameters: {@code trees} CART trees (Gini impurity, depth unlimited, a leaf may
 * hold a single window: grown in full as in Breiman's forest), each on a bootstrap sample of
 * the training windows as large as the training set, round(sqrt(d)) of the d = 5 x channels
 * features tried at each split; majority vote over the trees (a tie goes to the class Tribuo
 * lists first). Features are computed on the raw (un-normalised) samples: for trees a
 * per-channel z-score would change no split (see {@link WindowStatistics}).
 *
 * <p>Each feature is binned into min({@value #MAX_BINS}, floor(sqrt(n))) equal-frequency bins
 * fitted on the n training windows (Tribuo's {@code BinningTransformation}, applied again to the
 * test windows by the fitted model), as histogram-based tree learners do (LightGBM,
 * scikit-learn's HistGradientBoosting). Tribuo's equal-frequency bins hold floor(n / bins)
 * training values each and put the remainder into the top bin; with at most sqrt(n) bins the
 * top bin holds at most about twice as many as the others. Tribuo's CART keeps an inverted index entry per distinct value and
 * splits it for every feature at every node; binning cut the fit on the demo's 3,858 training
 * windows x 80 features about fourfold (37 s to 9 s of CPU for 100 trees) at the same macro-F1
 * within the seed-to-seed spread.
 *
 * <p>Deterministic: the bootstrap and the feature sampling draw from two child seeds of
 * {@code seed} ({@link Seeds#derive}); trees are grown one after another on the calling thread.
 * Same seed, same windows: identical predictions. Instances are immutable; each
 * {@link #fitPredict} builds its own trainers.
 */
public final class RandomForestBaseline {

    /** Tribuo logs one INFO line per tree grown; kept here so the level set below sticks. */
    private static final Logger TRIBUO_BAGGING_LOG = Logger.getLogger("org.tribuo.ensemble.BaggingTrainer");

    static {
        TRIBUO_BAGGING_LOG.setLevel(Level.WARNING);
    }

    /** Windows filled from the recordings per batch while computing features. */
    private static final int FILL_BATCH_WINDOWS = 256;

    /** Minimum total weight of the windows in a leaf (1: trees grown in full). */
    private static final float MIN_LEAF_WEIGHT = 1f;

    /** Equal-frequency bins per feature, at most (fewer with fewer than 64^2 training windows). */
    public static final int MAX_BINS = 64;

    private final int trees;
    private final long seed;

    /**
     * @param trees number of trees, at least 1 (callers use 100)
     * @param seed  root seed of the bootstrap samples and the features tried per split
     * @throws IllegalArgumentException if {@code trees < 1}
     */
    public RandomForestBaseline(int trees, long seed) {
        if (trees < 1) {
            throw new IllegalArgumentException("a random forest needs at least 1 tree, got " + trees);
        }
        this.trees = trees;
        this.seed = seed;
    }

    /** Number of trees. */
    public int trees() {
        return trees;
    }

    /** Root seed. */
    public long seed() {
        return seed;
    }

    /**
     * Fits on train, returns predicted class indices (0..K-1 as in WindowSet.classIndices()) for test.
     *
     * <p>Classes are Tribuo labels named by the class index ({@code "0"} .. {@code "10"}, see
     * {@link Operations}) and mapped back exactly; the forest only predicts classes seen in
     * training.
     *
     * @param windows the window set both index arrays refer to
     * @param view    the channels to compute features on (the student's wrist accelerometer
     *                or all channels), built from {@code windows.channels()}
     * @param train   windows to fit on, at least one
     * @param test    windows to predict; may be empty (then the result is empty)
     * @return one class index per test window, parallel to {@code test}
     * @throws IllegalArgumentException if train is empty, the view was built for other
     *                                  channels, an index is outside the window set, train and
     *                                  test share a window, the windows are shorter than 2
     *                                  samples or a feature is not finite (naming the window,
     *                                  recording and channel)
     */
    public int[] fitPredict(WindowSet windows, ChannelView view, int[] train, int[] test) {
        return fitPredict(windows, view, train, test, 0);
    }

    /**
     * As {@link #fitPredict(WindowSet, ChannelView, int[], int[])}, with temporal context: each
     * window's statistics followed, per block of past windows of the same recording (lags 1, 2-3,
     * 4-7, 8-15, ... up to {@code pastWindows}, {@link PastWindows}), by the mean statistics of the
     * block's windows that exist and the share that exists (0 and 0 when none does). The forest
     * then sees the same recent past as a student with a context head of that length.
     *
     * @param pastWindows past windows, 0 for none
     */
    public int[] fitPredict(WindowSet windows, ChannelView view, int[] train, int[] test, int pastWindows) {
        if (pastWindows < 0) {
            throw new IllegalArgumentException("past windows must be >= 0, got " + pastWindows);
        }
        if (train.length == 0) {
            throw new IllegalArgumentException("the random forest needs at least one training window, got none");
        }
        if (!view.availableChannels().equals(windows.channels())) {
            throw new IllegalArgumentException("channel view " + view.names() + " was built for channels "
                    + view.availableChannels() + ", not for this window set's " + windows.channels()
                    + "; build it from windows.channels()");
        }
        if (windows.windowSamples() < 2) {
            throw new IllegalArgumentException("windows of " + windows.windowSamples()
                    + " sample are too short for window statistics (at least 2 samples)");
        }
        checkIndices(windows, train, "train");
        checkIndices(windows, test, "test");
        checkDisjoint(train, test);

        String[] names = names(view, pastWindows);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("tsak windows, statistics of " + view.names(), factory), factory);
        int[] trainClasses = windows.classIndices(train);
        double[][] all = pastWindows > 0 ? features(windows, view, windows.allIndices()) : null;
        int[] past = pastWindows > 0 ? PastWindows.table(windows, pastWindows) : null;
        double[][] trainFeatures = pastWindows > 0 ? withContext(all, past, pastWindows, train)
                : features(windows, view, train);
        for (int k = 0; k < train.length; k++) {
            data.add(new ArrayExample<>(new Label(labelName(trainClasses[k])), names, trainFeatures[k]));
        }

        float featuresPerSplit = (float) (Math.sqrt(names.length) / names.length);
        CARTClassificationTrainer tree = new CARTClassificationTrainer(Integer.MAX_VALUE, MIN_LEAF_WEIGHT, 0f,
                featuresPerSplit, false, new GiniIndex(), Seeds.derive(seed, "split-features"));
        RandomForestTrainer<Label> forest = new RandomForestTrainer<>(tree, new VotingCombiner(), trees,
                Seeds.derive(seed, "bootstrap"));
        TransformationMap binning = new TransformationMap(
                List.of(BinningTransformation.equalFrequency(bins(train.length))));
        Model<Label> model = new TransformTrainer<>(forest, binning).train(data);

        double[][] testFeatures = pastWindows > 0 ? withContext(all, past, pastWindows, test)
                : features(windows, view, test);
        List<Example<Label>> examples = new ArrayList<>(test.length);
        for (double[] f : testFeatures) {
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, f));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        int[] out = new int[test.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = classIndex(predictions.get(k).getOutput().getLabel());
        }
        return out;
    }

    /**
     * For example {@code "random forest (Tribuo), 100 trees, CART (Gini) depth unlimited, min leaf 1,
     * sqrt features per split, bootstrap, on mean/std/min/max/mean |diff| per channel in up to 64
     * equal-frequency bins, seed 7"}.
     */
    public String describe() {
        return "random forest (Tribuo), " + trees + (trees == 1 ? " tree" : " trees")
                + ", CART (Gini) depth unlimited, min leaf 1, sqrt features per split, bootstrap,"
                + " on mean/std/min/max/mean |diff| per channel in up to " + MAX_BINS + " equal-frequency bins, seed "
                + seed;
    }

    @Override
    public String toString() {
        return "RandomForestBaseline{" + describe() + "}";
    }

    /** Equal-frequency bins per feature for {@code n} training windows: min(64, floor(sqrt(n))), at least 1. */
    static int bins(int n) {
        return Math.max(1, Math.min(MAX_BINS, (int) Math.floor(Math.sqrt(n))));
    }

    /** Lag blocks [first, last] of past windows: 1, 2-3, 4-7, ... cut at {@code pastWindows}. */
    static List<int[]> lagBlocks(int pastWindows) {
        List<int[]> blocks = new ArrayList<>();
        for (int lo = 1; lo <= pastWindows; lo *= 2) {
            blocks.add(new int[] {lo, Math.min(pastWindows, 2 * lo - 1)});
        }
        return blocks;
    }

    private static String[] names(ChannelView view, int pastWindows) {
        List<String> base = WindowStatistics.names(view.names());
        List<String> out = new ArrayList<>(base);
        for (int[] b : lagBlocks(pastWindows)) {
            String tag = "past[" + b[0] + "-" + b[1] + "]:";
            base.forEach(n -> out.add(tag + n));
            out.add(tag + "present");
        }
        return out.toArray(String[]::new);
    }

    /** Each row: the window's features, then per lag block the mean over present past windows and their share. */
    private static double[][] withContext(double[][] all, int[] past, int pastWindows, int[] idx) {
        int f = all[0].length;
        List<int[]> blocks = lagBlocks(pastWindows);
        double[][] out = new double[idx.length][];
        for (int k = 0; k < idx.length; k++) {
            int w = idx[k];
            double[] row = new double[f + blocks.size() * (f + 1)];
            System.arraycopy(all[w], 0, row, 0, f);
            int at = f;
            for (int[] b : blocks) {
                int present = 0;
                for (int lag = b[0]; lag <= b[1]; lag++) {
                    int pw = past[w * (pastWindows + 1) + pastWindows - lag];
                    if (pw >= 0) {
                        present++;
                        for (int j = 0; j < f; j++) {
                            row[at + j] += all[pw][j];
                        }
                    }
                }
                for (int j = 0; j < f && present > 0; j++) {
                    row[at + j] /= present;
                }
                row[at + f] = present / (double) (b[1] - b[0] + 1);
                at += f + 1;
            }
            out[k] = row;
        }
        return out;
    }

    /** Features of the given windows, one row each, filled from the recordings in batches. */
    private static double[][] features(WindowSet windows, ChannelView view, int[] idx) {
        int channels = view.size();
        int samples = windows.windowSamples();
        int perWindow = channels * samples;
        double[][] out = new double[idx.length][];
        float[] batch = new float[Math.min(FILL_BATCH_WINDOWS, Math.max(1, idx.length)) * perWindow];
        for (int from = 0; from < idx.length; from += FILL_BATCH_WINDOWS) {
            int count = Math.min(FILL_BATCH_WINDOWS, idx.length - from);
            windows.fill(idx, from, count, view, null, batch);
            for (int k = 0; k < count; k++) {
                double[] f = new double[WindowStatistics.PER_CHANNEL * channels];
                for (int c = 0; c < channels; c++) {
                    WindowStatistics.write(batch, (k * channels + c) * samples, samples, f,
                            WindowStatistics.PER_CHANNEL * c);
                }
                checkFinite(windows, view, idx[from + k], f);
                out[from + k] = f;
            }
        }
        return out;
    }

    private static void checkFinite(WindowSet windows, ChannelView view, int window, double[] f) {
        for (int j = 0; j < f.length; j++) {
            if (!Double.isFinite(f[j])) {
                int c = j / WindowStatistics.PER_CHANNEL;
                throw new IllegalArgumentException("window " + window + " (recording "
                        + windows.recordings().get(windows.recordingOf(window)).key() + ", from sample "
                        + windows.startSampleOf(window) + "): " + WindowStatistics.STATISTICS.get(
                                j % WindowStatistics.PER_CHANNEL) + " of channel " + view.names().get(c)
                        + " is " + f[j] + "; repair or drop non-finite samples before fitting the baseline");
            }
        }
    }

    private static void checkIndices(WindowSet windows, int[] idx, String part) {
        for (int i : idx) {
            if (i < 0 || i >= windows.size()) {
                throw new IllegalArgumentException(part + " window index " + i + " is outside the window set [0, "
                        + windows.size() + ")");
            }
        }
    }

    private static void checkDisjoint(int[] train, int[] test) {
        BitSet inTrain = new BitSet();
        for (int i : train) {
            inTrain.set(i);
        }
        for (int i : test) {
            if (inTrain.get(i)) {
                throw new IllegalArgumentException("window " + i + " is in both train and test; the baseline must"
                        + " be scored on held-out windows");
            }
        }
    }

    private static String labelName(int classIndex) {
        return Integer.toString(classIndex);
    }

    private static int classIndex(String labelName) {
        int c;
        try {
            c = Integer.parseInt(labelName);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the forest predicted label '" + labelName
                    + "', which is not a class index it was trained on", e);
        }
        if (c < 0 || c >= Operations.CLASS_COUNT) {
            throw new IllegalStateException("the forest predicted class " + c + " outside [0, "
                    + Operations.CLASS_COUNT + ")");
        }
        return c;
    }
}
