package org.tsak.distill;

/**
 * Plain-Java versions of the loss terms of {@link DistillationLoss}, on {@code double[N][K]}
 * arrays, with the same reductions (CE batch mean, KL batchmean without {@code T^2}, MSE mean
 * over all values). Used to cross-check the DJL implementation; numerically stable
 * (log-sum-exp with the row maximum subtracted).
 */
public final class ReferenceLosses {

    private ReferenceLosses() {
    }

    /** Log-softmax of one row. */
    public static double[] logSoftmax(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : row) {
            sum += Math.exp(v - max);
        }
        double logSum = max + Math.log(sum);
        double[] out = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i] - logSum;
        }
        return out;
    }

    /** Batch mean of {@code -log softmax(logits[i])[labels[i]]}. */
    public static double crossEntropy(double[][] logits, int[] labels) {
        if (logits.length != labels.length) {
            throw new IllegalArgumentException(logits.length + " rows, " + labels.length
                    + " labels");
        }
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            total -= logSoftmax(logits[i])[labels[i]];
        }
        return total / logits.length;
    }

    /** {@code (1/N) sum_i sum_c p_ic (log p_ic - log q_ic)}, p = softmax(teacher/T), q = softmax(student/T). */
    public static double klDivergence(double[][] teacherLogits, double[][] studentLogits,
            double temperature) {
        double total = 0;
        for (int i = 0; i < studentLogits.length; i++) {
            double[] logP = logSoftmax(scale(teacherLogits[i], 1 / temperature));
            double[] logQ = logSoftmax(scale(studentLogits[i], 1 / temperature));
            for (int c = 0; c < logP.length; c++) {
                total += Math.exp(logP[c]) * (logP[c] - logQ[c]);
            }
        }
        return total / studentLogits.length;
    }

    /** Mean over all {@code N x d} values of {@code (a - b)^2}. */
    public static double meanSquaredError(double[][] a, double[][] b) {
        double total = 0;
        long count = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double diff = a[i][j] - b[i][j];
                total += diff * diff;
                count++;
            }
        }
        return total / count;
    }

    private static double[] scale(double[] row, double factor) {
        double[] out = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i] * factor;
        }
        return out;
    }
}
