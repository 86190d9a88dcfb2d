package org.tsak.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;


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
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

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
     * Trains {@code model}'s block (already built; initialised here with the stage seed). After
     * every epoch the stage's state is checkpointed atomically to {@code checkpoint}; if that file
     * already holds this stage's checkpoint (same name and seed), training continues from it and
     * ends with exactly the numbers an uninterrupted run gives.
     *
     * @param model            the model whose block is trained; holds the best weights on return
     * @param inputShapes      input shapes for initialisation (batch dimension 1 is fine)
     * @param trainExamples    training example indices
     * @param feeder           builds inputs for a batch
     * @param loss             the batch loss
     * @param validate         validation macro-F1 of the block in its current state
     * @param checkpoint       the stage's checkpoint file (resumed from when present), or null
     * @return the history and the best epoch
     */
    public StageResult train(Model model, Shape[] inputShapes, int[] trainExamples, BatchFeeder feeder,
            BatchLoss loss, ToDoubleFunction<Block> validate, Path checkpoint) throws IOException {
        if (trainExamples.length == 0) {
            throw new IllegalArgumentException("stage " + settings.name() + ": no training examples");
        }
        Engine.getInstance().setRandomSeed((int) (settings.seed() ^ (settings.seed() >>> 32)));
        AdamWState optimizer = new AdamWState(settings.learningRate(), settings.weightDecay());
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(optimizer)
                .optDevices(new ai.djl.Device[] {ai.djl.Device.cpu()});
        List<EpochRecord> history = new ArrayList<>();
        byte[] best = null;
        int bestEpoch = 0;
        double bestF1 = Double.NEGATIVE_INFINITY;
        boolean stoppedEarly = false;
        int firstEpoch = 1;
        int batches = (trainExamples.length + settings.batchSize() - 1) / settings.batchSize();
        Optional<StageCheckpoint> resumed = StageCheckpoint.load(checkpoint, settings.name(), settings.seed());
        if (resumed.isPresent()) {
            // the checkpoint's weights go in before the trainer exists, so nothing caches the old ones
            model.getBlock().initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, inputShapes);
            restore(model, resumed.get().weights());
        }
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(inputShapes);
            if (resumed.isPresent()) {
                StageCheckpoint c = resumed.get();
                restoreMoments(model, optimizer, c.moments());
                history.addAll(c.history());
                best = c.bestWeights();
                bestEpoch = c.bestEpoch();
                bestF1 = c.bestF1();
                stoppedEarly = c.stopped();
                firstEpoch = c.epochsDone() + 1;
                progress.status(settings.name() + ": resumed after epoch " + c.epochsDone() + " from " + checkpoint);
                if (c.stopped()) {
                    firstEpoch = settings.epochs() + 1;
                }
            }
            for (int epoch = firstEpoch; epoch <= settings.epochs(); epoch++) {
                long t0 = System.nanoTime();
                // every epoch's random streams come from (seed, epoch): a resumed stage replays them
                long epochSeed = settings.seed() * 1_000_003L + epoch;
                Engine.getInstance().setRandomSeed((int) (epochSeed ^ (epochSeed >>> 32)));
                int[] order = trainExamples.clone();
                shuffle(order, new SplittableRandom(epochSeed));
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
                            zeroGradients(model.getBlock());
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
                }
                stoppedEarly = epoch - bestEpoch >= settings.patience() && epoch < settings.epochs();
                if (checkpoint != null) {
                    new StageCheckpoint(settings.name(), settings.seed(), epoch, bestEpoch, bestF1, stoppedEarly,
                            history, weights(model.getBlock()), best, moments(model, optimizer)).save(checkpoint);
                }
                progress.epoch(settings.name(), rec, improved);
                LOG.debug("{} epoch {}: loss {} val-F1 {} ({} windows/s, {}% building batches)", settings.name(),
                        epoch, rec.trainLoss(), f1, Math.round(rec.windowsPerSecond()), Math.round(100 * rec.dataShare()));
                if (epoch - bestEpoch >= settings.patience()) {
                    break;
                }
            }
        }
        restore(model, best);
        return new StageResult(settings.name(), history, bestEpoch, bestF1, stoppedEarly);
    }

    /**
     * PyTorch accumulates gradients: clear the block's own before each batch. (DJL's
     * GradientCollector.zeroGradients does the same for every array the engine manages, which
     * gets slow when other models are open; the optimiser only sees copies of the gradients.)
     */
    private static void zeroGradients(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            if (array.hasGradient()) {
                try (NDArray g = array.getGradient()) {
                    g.subi(g);
                }
            }
        }
    }

    private static List<StageCheckpoint.ParameterMoments> moments(Model model, AdamWState optimizer) {
        List<StageCheckpoint.ParameterMoments> out = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            AdamWState.Moments m = optimizer.moments(p.getValue().getId());
            if (m != null) {
                out.add(new StageCheckpoint.ParameterMoments(p.getKey(), m.steps, m.mean.encode(), m.variance.encode()));
            }
        }
        return out;
    }

    private static void restoreMoments(Model model, AdamWState optimizer, List<StageCheckpoint.ParameterMoments> ms)
            throws IOException {
        java.util.Map<String, Parameter> byName = new java.util.HashMap<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            byName.put(p.getKey(), p.getValue());
        }
        for (StageCheckpoint.ParameterMoments m : ms) {
            Parameter p = byName.get(m.name());
            if (p == null) {
                throw new IOException("checkpoint holds optimiser state of an unknown parameter '" + m.name()
                        + "': it belongs to a different model; delete it to train afresh");
            }
            NDManager manager = p.getArray().getManager();
            optimizer.restore(p.getId(), manager.decode(m.mean()), manager.decode(m.variance()), m.steps());
        }
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

    /**
     * Initialises {@code block} for {@code shapes} in {@code manager} and loads the weights saved
     * in {@code file} (DJL parameter format, as written by {@link #weights}).
     *
     * @throws IOException naming the file if it cannot be read or does not fit the block
     */
    public static <B extends Block> B load(B block, Path file, NDManager manager, Shape... shapes)
            throws IOException {
        block.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, shapes);
        try (DataInputStream in = new DataInputStream(java.nio.file.Files.newInputStream(file))) {
            block.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException(file + ": the weights do not fit this " + block.getClass().getSimpleName() + ": "
                    + e.getMessage(), e);
        }
        return block;
    }

    /** Loads parameters saved by {@link #weights} into the model's block (still trainable). */
    public static void restore(Model model, byte[] weights) throws IOException {
        if (weights == null) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
            model.getBlock().loadParameters(model.getNDManager(), in);
        } catch (MalformedModelException e) {
            throw new IOException("saved weights do not fit the model: " + e.getMessage(), e);
        }
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getValue().requiresGradient() && !p.getValue().getArray().hasGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
    }
}
