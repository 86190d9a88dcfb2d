package org.tsak.train;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tsak.io.AtomicFiles;

/**
 * Everything a training stage needs to continue after a crash exactly where it stopped: the
 * epoch reached, the best epoch and score, the history, the current and best weights, the
 * optimiser's per-parameter moments and, for {@code average-last}, the running sums of the
 * averaged weights. Written atomically after every epoch; the random streams (shuffling,
 * dropout) are re-seeded per epoch from the stage seed and the learning rate is a function of
 * (epoch, batch), so they need no saving. A checkpoint of another stage, seed or settings, or
 * of an older format, is ignored (the stage starts afresh).
 *
 * @param stage        stage name
 * @param seed         stage seed (a checkpoint of another seed is ignored)
 * @param settings     {@link StageSettings#fingerprint()} (a checkpoint of other settings is ignored)
 * @param epochsDone   epochs completed
 * @param bestEpoch    epoch whose weights are kept so far
 * @param bestF1       its validation macro-F1
 * @param stopped      true if early stopping has ended the stage
 * @param history      per-epoch records so far
 * @param weights      current weights (DJL parameter format)
 * @param bestWeights  best weights so far ({@code best-validation}; null otherwise)
 * @param moments      optimiser state per parameter, in the block's parameter order
 * @param average      the weight sums of {@code average-last} (null otherwise)
 */
record StageCheckpoint(String stage, long seed, String settings, int epochsDone, int bestEpoch, double bestF1,
        boolean stopped, List<EpochRecord> history, byte[] weights, byte[] bestWeights, List<ParameterMoments> moments,
        WeightAverage average) {

    private static final int MAGIC = 0x5453434B; // "TSCK"
    /** 2: settings fingerprint, learning rate per epoch, weight average. */
    private static final int VERSION = 2;
    private static final int EPOCH_VALUES = 9;

    /**
     * One parameter's AdamW state.
     *
     * @param name     parameter name in the block
     * @param steps    updates applied
     * @param mean     first moment (NDArray.encode bytes)
     * @param variance second moment
     */
    record ParameterMoments(String name, int steps, byte[] mean, byte[] variance) {
    }

    void save(Path file) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bos)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(stage);
            out.writeLong(seed);
            out.writeUTF(settings);
            out.writeInt(epochsDone);
            out.writeInt(bestEpoch);
            out.writeDouble(bestF1);
            out.writeBoolean(stopped);
            out.writeInt(history.size());
            for (EpochRecord r : history) {
                out.writeInt(r.epoch());
                for (double d : new double[] {r.trainLoss(), r.validationF1(), r.windowsPerSecond(), r.seconds(),
                    r.dataShare(), r.forwardShare(), r.backwardShare(), r.stepShare(), r.learningRate()}) {
                    out.writeDouble(d);
                }
            }
            bytes(out, weights);
            bytes(out, bestWeights);
            out.writeInt(moments.size());
            for (ParameterMoments m : moments) {
                out.writeUTF(m.name());
                out.writeInt(m.steps());
                bytes(out, m.mean());
                bytes(out, m.variance());
            }
            out.writeBoolean(average != null);
            if (average != null) {
                average.write(out);
            }
        }
        AtomicFiles.write(file, bos.toByteArray());
    }

    /** The checkpoint at {@code file} if it exists and belongs to this stage, seed and settings. */
    static Optional<StageCheckpoint> load(Path file, String stage, long seed, String settings) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return Optional.empty();
            }
            String name = in.readUTF();
            long s = in.readLong();
            if (!name.equals(stage) || s != seed || !in.readUTF().equals(settings)) {
                return Optional.empty();
            }
            int done = in.readInt();
            int bestEpoch = in.readInt();
            double bestF1 = in.readDouble();
            boolean stopped = in.readBoolean();
            int n = in.readInt();
            List<EpochRecord> history = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int e = in.readInt();
                double[] d = new double[EPOCH_VALUES];
                for (int k = 0; k < EPOCH_VALUES; k++) {
                    d[k] = in.readDouble();
                }
                history.add(new EpochRecord(e, d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]));
            }
            byte[] weights = bytes(in);
            byte[] best = bytes(in);
            int p = in.readInt();
            List<ParameterMoments> moments = new ArrayList<>();
            for (int i = 0; i < p; i++) {
                moments.add(new ParameterMoments(in.readUTF(), in.readInt(), bytes(in), bytes(in)));
            }
            WeightAverage average = in.readBoolean() ? WeightAverage.read(in) : null;
            return Optional.of(new StageCheckpoint(name, s, settings, done, bestEpoch, bestF1, stopped, history,
                    weights, best.length == 0 ? null : best, moments, average));
        } catch (java.io.EOFException e) {
            return Optional.empty(); // an older, shorter file: start the stage afresh
        }
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b == null ? 0 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 30)) {
            throw new IOException("checkpoint: implausible block length " + n);
        }
        return in.readNBytes(n);
    }
}
