package org.tsak.eval;

import java.util.Arrays;
import java.util.Locale;

import org.tsak.data.Operations;

/**
 * Counts of (true class, predicted class) pairs over class indices {@code [0, classCount)},
 * rows = truth, columns = prediction, with the per-class and averaged scores derived from them.
 *
 * <p>Per class c: precision = TP / (TP + FP) (column sum), recall = TP / (TP + FN) (row sum),
 * F1 = 2 TP / (2 TP + FP + FN); any ratio whose denominator is 0 is 0 (scikit-learn's
 * {@code zero_division=0}, the rule of the OpenPack toolkit). With the OpenPack classes
 * ({@link Operations#CLASS_COUNT} = 11) index {@link Operations#NULL_INDEX} is Null; scoring
 * adds no Null-truth rows, so column 10 counts the operation seconds predicted as Null
 * (misses that lower recall but no class's precision).
 *
 * <p>Mutable (add counts), not thread-safe.
 */
public final class ConfusionMatrix {

    private final long[][] counts;

    /** An empty matrix over the eleven OpenPack classes (ten operations, then Null). */
    public ConfusionMatrix() {
        this(Operations.CLASS_COUNT);
    }

    /**
     * An empty matrix.
     *
     * @param classCount number of class indices, at least 1
     */
    public ConfusionMatrix(int classCount) {
        if (classCount < 1) {
            throw new IllegalArgumentException("classCount must be at least 1, got " + classCount);
        }
        this.counts = new long[classCount][classCount];
    }

    /** Number of classes (rows = columns). */
    public int classCount() {
        return counts.length;
    }

    /**
     * Counts one (truth, prediction) pair.
     *
     * @throws IllegalArgumentException if either index is outside {@code [0, classCount)}
     */
    public void add(int trueIndex, int predictedIndex) {
        add(trueIndex, predictedIndex, 1);
    }

    /** Counts {@code times} identical (truth, prediction) pairs ({@code times >= 0}). */
    public void add(int trueIndex, int predictedIndex, long times) {
        checkIndex(trueIndex, "true");
        checkIndex(predictedIndex, "predicted");
        if (times < 0) {
            throw new IllegalArgumentException("times must be >= 0, got " + times);
        }
        counts[trueIndex][predictedIndex] += times;
    }

    /** Adds every count of {@code other} (same class count) to this matrix. */
    public void addAll(ConfusionMatrix other) {
        if (other.classCount() != classCount()) {
            throw new IllegalArgumentException("class counts differ: " + classCount() + " vs " + other.classCount());
        }
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts.length; p++) {
                counts[t][p] += other.counts[t][p];
            }
        }
    }

    /** Number of pairs with this truth and this prediction. */
    public long count(int trueIndex, int predictedIndex) {
        checkIndex(trueIndex, "true");
        checkIndex(predictedIndex, "predicted");
        return counts[trueIndex][predictedIndex];
    }

    /** A copy of the counts, {@code [truth][prediction]}. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    /** Total number of pairs counted. */
    public long total() {
        long sum = 0;
        for (long[] row : counts) {
            for (long v : row) {
                sum += v;
            }
        }
        return sum;
    }

    /** Support of a class: pairs whose truth is that class (row sum). */
    public long support(int classIndex) {
        checkIndex(classIndex, "class");
        long sum = 0;
        for (long v : counts[classIndex]) {
            sum += v;
        }
        return sum;
    }

    /** Pairs predicted as that class (column sum). */
    public long predictedCount(int classIndex) {
        checkIndex(classIndex, "class");
        long sum = 0;
        for (long[] row : counts) {
            sum += row[classIndex];
        }
        return sum;
    }

    /** Fraction of pairs on the diagonal; 0 for an empty matrix. */
    public double accuracy() {
        long total = total();
        if (total == 0) {
            return 0.0;
        }
        long correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return (double) correct / total;
    }

    /** TP / (TP + FP), 0 if the class was never predicted. */
    public double precision(int classIndex) {
        return ratio(counts[checked(classIndex)][classIndex], predictedCount(classIndex));
    }

    /** TP / (TP + FN), 0 if the class never occurs in the truth. */
    public double recall(int classIndex) {
        return ratio(counts[checked(classIndex)][classIndex], support(classIndex));
    }

    /** 2 TP / (2 TP + FP + FN), 0 if the class is absent from both truth and prediction. */
    public double f1(int classIndex) {
        long tp = counts[checked(classIndex)][classIndex];
        long fp = predictedCount(classIndex) - tp;
        long fn = support(classIndex) - tp;
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    /** F1 of every class index, {@code [0, classCount)}. */
    public double[] perClassF1() {
        double[] f1 = new double[counts.length];
        for (int c = 0; c < f1.length; c++) {
            f1[c] = f1(c);
        }
        return f1;
    }

    /**
     * Unweighted mean of the F1 of the given classes. A class absent from both truth and
     * prediction scores 0 and still counts in the mean (the OpenPack rule).
     *
     * @param classIndices the classes averaged over (at least one, no duplicates)
     */
    public double macroF1(int... classIndices) {
        checkClassSet(classIndices);
        double sum = 0;
        for (int c : classIndices) {
            sum += f1(c);
        }
        return sum / classIndices.length;
    }

    /**
     * Mean of the F1 of the given classes weighted by their support (true count); classes
     * without support weigh 0. Returns 0 if none of the classes occurs in the truth.
     */
    public double weightedF1(int... classIndices) {
        checkClassSet(classIndices);
        double sum = 0;
        long weight = 0;
        for (int c : classIndices) {
            long s = support(c);
            sum += s * f1(c);
            weight += s;
        }
        return weight == 0 ? 0.0 : sum / weight;
    }

    /**
     * A Markdown table: one row per true class, one column per predicted class, then the
     * row's support, recall, precision and F1. Class names come from {@link Operations#NAMES}
     * when the matrix has the eleven OpenPack classes, else {@code class k}.
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("| true \\ predicted |");
        for (int p = 0; p < counts.length; p++) {
            sb.append(' ').append(name(p)).append(" |");
        }
        sb.append(" support | recall | precision | F1 |\n|---|");
        for (int p = 0; p < counts.length; p++) {
            sb.append("---:|");
        }
        sb.append("---:|---:|---:|---:|\n");
        for (int t = 0; t < counts.length; t++) {
            sb.append("| ").append(name(t)).append(" |");
            for (int p = 0; p < counts.length; p++) {
                sb.append(' ').append(counts[t][p]).append(" |");
            }
            sb.append(' ').append(support(t))
                    .append(String.format(Locale.ROOT, " | %.4f | %.4f | %.4f |%n", recall(t), precision(t), f1(t)));
        }
        return sb.toString();
    }

    /** Same as {@link #toMarkdown()}. */
    @Override
    public String toString() {
        return toMarkdown();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix other && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    private String name(int classIndex) {
        return counts.length == Operations.CLASS_COUNT ? Operations.NAMES.get(classIndex) : "class " + classIndex;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    private int checked(int classIndex) {
        checkIndex(classIndex, "class");
        return classIndex;
    }

    private void checkIndex(int index, String role) {
        if (index < 0 || index >= counts.length) {
            throw new IllegalArgumentException(role + " class index " + index + " is outside [0, "
                    + counts.length + ")");
        }
    }

    private void checkClassSet(int[] classIndices) {
        if (classIndices.length == 0) {
            throw new IllegalArgumentException("no classes to average over: pass at least one class index");
        }
        boolean[] seen = new boolean[counts.length];
        for (int c : classIndices) {
            checkIndex(c, "class");
            if (seen[c]) {
                throw new IllegalArgumentException("class index " + c + " listed twice in "
                        + Arrays.toString(classIndices));
            }
            seen[c] = true;
        }
    }
}
