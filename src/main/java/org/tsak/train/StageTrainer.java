package org.tsak.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.tsak.io.AtomicFiles;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * The training loop shared by every stage: AdamW, mini-batches shuffled by the stage's seed,
 * one sub-manager per batch, validation macro-F1 after each epoch, early stopping with
 * patience, and the best epoch's weights kept (in memory and, atomically, on disk).
 *
 * <p>Runs on one device (CPU) and one thread pool whose size is pinned by
 * {@code -Dai.djl.pytorch.num_threads}; with the same seed and threads it gives the same numbers.
 */
public final class StageTrainer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StageTrainer.class);

    private final StageSettings settings;
    private final ProgressListener progress;

    /**
     * @param settings the stage's optimisation settings
     * @param progress receives batch and epoch progress
     */
    public StageTrainer(StageSettings settings, ProgressListener progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Trains {@code model}'s block (already built; initialised here with the stage seed).
     *
     * @param model            the model whose block is trained; holds the best weights on return
     * @param inputShapes      input shapes for initialisation (batch dimension 1 is fine)
     * @param trainExamples    training example indices
     * @param feeder           builds inputs for a batch
     * @param loss             the batch loss
     * @param validate         validation macro-F1 of the block in its current state
     * @param checkpoint       file that receives the best weights (atomically), or null
     * @return the history and the best epoch
     */
    public StageResult train(Model model, Shape[] inputShapes, int[] trainExamples, BatchFeeder feeder,
            BatchLoss loss, ToDoubleFunction<Block> validate, Path checkpoint) throws IOException {
        if (trainExamples.length == 0) {
            throw new IllegalArgumentException("stage " + settings.name() + ": no training examples");
        }
        Engine.getInstance().setRandomSeed((int) (settings.seed() ^ (settings.seed() >>> 32)));
        Optimizer optimizer = Optimizer.adamW()
                .optLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
                .optWeightDecays((float) settings.weightDecay())
                .build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(optimizer)
                .optDevices(new ai.djl.Device[] {ai.djl.Device.cpu()});
        List<EpochRecord> history = new ArrayList<>();
        byte[] best = null;
        int bestEpoch = 0;
        double bestF1 = Double.NEGATIVE_INFINITY;
        boolean stoppedEarly = false;
        SplittableRandom shuffler = new SplittableRandom(settings.seed() * 31 + 7);
        int[] order = trainExamples.clone();
        int batches = (order.length + settings.batchSize() - 1) / settings.batchSize();
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(inputShapes);
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                long t0 = System.nanoTime();
                shuffle(order, shuffler);
                double lossSum = 0;
                long dataNanos = 0;
                long forwardNanos = 0;
                long backwardNanos = 0;
                long stepNanos = 0;
                int done = 0;
                for (int from = 0; from < order.length; from += settings.batchSize()) {
                    int count = Math.min(settings.batchSize(), order.length - from);
                    if (count < 2 && from > 0) {
                        break; // BatchNorm cannot train on a batch of one
                    }
                    try (NDManager sub = trainer.getManager().newSubManager()) {
                        long d0 = System.nanoTime();
                        NDList in = feeder.inputs(sub, order, from, count);
                        dataNanos += System.nanoTime() - d0;
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            gc.zeroGradients(); // PyTorch accumulates gradients unless told not to
                            long f0 = System.nanoTime();
                            NDList out = trainer.forward(in);
                            NDArray l = loss.loss(out, sub, order, from, count);
                            lossSum += l.getFloat();
                            long b0 = System.nanoTime();
                            forwardNanos += b0 - f0;
                            gc.backward(l);
                            backwardNanos += System.nanoTime() - b0;
                        }
                        long s0 = System.nanoTime();
                        trainer.step();
                        stepNanos += System.nanoTime() - s0;
                    }
                    done++;
                    progress.batch(settings.name(), epoch, done, batches, lossSum / done);
                }
                double trainSeconds = (System.nanoTime() - t0) / 1e9;
                double f1 = validate.applyAsDouble(model.getBlock());
                EpochRecord rec = new EpochRecord(epoch, lossSum / Math.max(1, done), f1,
                        order.length / trainSeconds, (System.nanoTime() - t0) / 1e9, dataNanos / 1e9 / trainSeconds,
                        forwardNanos / 1e9 / trainSeconds, backwardNanos / 1e9 / trainSeconds,
                        stepNanos / 1e9 / trainSeconds);
                history.add(rec);
                boolean improved = f1 > bestF1;
                if (improved) {
                    bestF1 = f1;
                    bestEpoch = epoch;
                    best = weights(model.getBlock());
                    if (checkpoint != null) {
                        AtomicFiles.write(checkpoint, best);
                    }
                }
                progress.epoch(settings.name(), rec, improved);
                LOG.debug("{} epoch {}: loss {} val-F1 {} ({} windows/s, {}% building batches)", settings.name(),
                        epoch, rec.trainLoss(), f1, Math.round(rec.windowsPerSecond()), Math.round(100 * rec.dataShare()));
                if (epoch - bestEpoch >= settings.patience()) {
                    stoppedEarly = epoch < settings.epochs();
                    break;
                }
            }
        }
        restore(model, best);
        return new StageResult(settings.name(), history, bestEpoch, bestF1, stoppedEarly);
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** The block's parameters as bytes (DJL's parameter format). */
    public static byte[] weights(Block block) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DataOutputStream dos = new DataOutputStream(bos)) {
            block.saveParameters(dos);
        }
        return bos.toByteArray();
    }

    /** Loads parameters saved by {@link #weights} into the model's block. */
    public static void restore(Model model, byte[] weights) throws IOException {
        if (weights == null) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
            model.getBlock().loadParameters(model.getNDManager(), in);
        } catch (MalformedModelException e) {
            throw new IOException("saved weights do not fit the model: " + e.getMessage(), e);
        }
    }
}
