package org.tsak.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * The running element-wise mean of a block's weights over several epochs (stochastic weight
 * averaging over epochs, Izmailov et al. 2018, with equal weights and one snapshot per epoch).
 * Every parameter the block saves is averaged, BatchNorm running mean and variance included
 * (they are averaged like weights, not recomputed on the training data).
 *
 * <p>Sums are kept in double, per parameter in the block's order, and the mean is
 * {@code (float) (sum / count)}; the sums are part of the stage's epoch checkpoint, so a resumed
 * stage averages exactly the same numbers.
 */
final class WeightAverage {

    private final Map<String, double[]> sums = new LinkedHashMap<>();
    private int count;

    /** Number of snapshots added. */
    int count() {
        return count;
    }

    /** Adds the block's current weights as one snapshot. */
    void add(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            if (a.getDataType() != DataType.FLOAT32) {
                throw new IllegalStateException("parameter '" + p.getKey() + "' is " + a.getDataType()
                        + "; only float32 weights can be averaged");
            }
            float[] values = a.toFloatArray();
            double[] sum = sums.computeIfAbsent(p.getKey(), k -> new double[values.length]);
            if (sum.length != values.length) {
                throw new IllegalStateException("parameter '" + p.getKey() + "' has " + values.length
                        + " values, earlier snapshots " + sum.length);
            }
            for (int i = 0; i < values.length; i++) {
                sum[i] += values[i];
            }
        }
        count++;
    }

    /**
     * Overwrites every parameter of {@code block} with the mean of the snapshots. Call it when no
     * trainer is using the block.
     *
     * @throws IllegalStateException if nothing was added or the block's parameters differ
     */
    void writeMean(Block block) {
        if (count == 0) {
            throw new IllegalStateException("no weights to average");
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            double[] sum = sums.get(p.getKey());
            NDArray a = p.getValue().getArray();
            if (sum == null || sum.length != a.size()) {
                throw new IllegalStateException("parameter '" + p.getKey() + "' was not averaged");
            }
            float[] mean = new float[sum.length];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) (sum[i] / count);
            }
            try (NDManager sub = a.getManager().newSubManager()) {
                NDArray w = a.stopGradient(); // shares the parameter's storage (as in AdamWState)
                w.attach(sub);
                // w * 0 + mean is exactly mean: the sums start at +0, so no mean is -0
                w.muli(0).addi(org.tsak.model.OwnedArrays.copy(sub.create(mean, a.getShape())));
            }
        }
    }

    /** Writes the count and the sums (for the epoch checkpoint). */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(count);
        out.writeInt(sums.size());
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            for (double d : e.getValue()) {
                out.writeDouble(d);
            }
        }
    }

    /** Reads what {@link #write} wrote. */
    static WeightAverage read(DataInputStream in) throws IOException {
        WeightAverage w = new WeightAverage();
        w.count = in.readInt();
        int parameters = in.readInt();
        if (w.count < 0 || parameters < 0) {
            throw new IOException("checkpoint: implausible weight average (" + w.count + " snapshots, " + parameters
                    + " parameters)");
        }
        for (int i = 0; i < parameters; i++) {
            String name = in.readUTF();
            int n = in.readInt();
            if (n < 0 || n > (1 << 28)) {
                throw new IOException("checkpoint: implausible parameter size " + n + " of '" + name + "'");
            }
            double[] sum = new double[n];
            for (int k = 0; k < n; k++) {
                sum[k] = in.readDouble();
            }
            w.sums.put(name, sum);
        }
        return w;
    }
}
