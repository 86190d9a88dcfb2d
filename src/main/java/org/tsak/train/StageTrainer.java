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

import org.tsak.model.JavaRandomInitialization;
import org.tsak.model.OwnedArrays;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * The training loop shared by every stage: AdamW with a per-step learning-rate schedule
 * ({@link LearningRateSchedule}), mini-batches shuffled by the stage's seed, one sub-manager
 * per batch, validation macro-F1 after each epoch, and one of three rules for the kept weights
 * ({@link WeightSelection}): early stopping with patience and the best epoch's weights, the last
 * epoch's weights, or the mean of the last epochs' weights. The stage's state is checkpointed
 * atomically on disk after every epoch.
 *
 * <p>Runs on one device (CPU) and one thread pool whose size is pinned by
 * {@code -Dai.djl.pytorch.num_threads}; with the same seed and threads it gives the same numbers.
 *
 * <p>Randomness: shuffling uses a Java generator seeded from (stage seed, epoch). A stage with
 * {@link StageSettings#usesEngineRandomness()} seeds the engine's global generator at the start
 * (initial weights) and at every epoch (dropout). PyTorch has one such generator per process,
 * so two stages that seed it from parallel threads would disturb each other; a stage without
 * engine randomness (the students: no dropout) never touches it: its initial weights are drawn
 * in Java ({@link JavaRandomInitialization}) unless the caller initialised the block already,
 * and a block with dropout is refused. Several such stages, and one stage with engine
 * randomness, can train in parallel threads and each gives the numbers it gives alone
 * (gradients are collected per thread: {@link ThreadGradientCollector}).
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
     * Trains {@code model}'s block (already built; if it has no weights yet they are initialised
     * here from the stage seed: by DJL's initialisers on the seeded engine generator, or without
     * engine randomness by {@link JavaRandomInitialization}). After every epoch the stage's state is checkpointed atomically
     * to {@code checkpoint}; if that file already holds this stage's checkpoint (same name, seed
     * and settings), training continues from it and ends with exactly the numbers an
     * uninterrupted run gives.
     *
     * <p>Before each optimiser step the learning rate is set from the schedule at (epoch,
     * batch). Each epoch's record holds the learning rate of its last step. The listener's
     * {@code improved} flag is true when an epoch becomes the best so far under
     * {@code best-validation}, and always false under {@code last} and {@code average-last}
     * (validation is recorded but chooses nothing).
     *
     * @param model            the model whose block is trained; holds the kept weights on return
     * @param inputShapes      input shapes for initialisation (batch dimension 1 is fine)
     * @param trainExamples    training example indices
     * @param feeder           builds inputs for a batch
     * @param loss             the batch loss
     * @param validate         validation macro-F1 of the block in its current state
     * @param checkpoint       the stage's checkpoint file (resumed from when present), or null
     * @return the history and the kept epoch
     * @throws IllegalArgumentException if there are no training examples, or the stage forbids
     *                                  engine randomness and the block has dropout
     * @throws IllegalStateException    if the stage forbids engine randomness and the block is
     *                                  only partly initialised
     */
    public StageResult train(Model model, Shape[] inputShapes, int[] trainExamples, BatchFeeder feeder,
            BatchLoss loss, ToDoubleFunction<Block> validate, Path checkpoint) throws IOException {
        return EngineThreads.withoutGrad(() -> trainWithoutGrad(model, inputShapes, trainExamples, feeder, loss,
                validate, checkpoint));
    }

    private StageResult trainWithoutGrad(Model model, Shape[] inputShapes, int[] trainExamples, BatchFeeder feeder,
            BatchLoss loss, ToDoubleFunction<Block> validate, Path checkpoint) throws IOException {
        if (trainExamples.length == 0) {
            throw new IllegalArgumentException("stage " + settings.name() + ": no training examples");
        }
        Block block = model.getBlock();
        if (settings.usesEngineRandomness()) {
            Engine.getInstance().setRandomSeed((int) (settings.seed() ^ (settings.seed() >>> 32)));
        } else {
            requireNoDropout(block, "");
            initializeWithoutEngine(block, model.getNDManager(), inputShapes);
        }
        int steps = stepsPerEpoch(trainExamples.length, settings.batchSize());
        LearningRateSchedule schedule = LearningRateSchedule.of(settings, steps);
        AdamWState optimizer = new AdamWState(schedule.at(1, 0), settings.weightDecay());
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(optimizer)
                .optDevices(new ai.djl.Device[] {ai.djl.Device.cpu()});
        WeightSelection selection = settings.selection();
        WeightAverage average = selection == WeightSelection.AVERAGE_LAST ? new WeightAverage() : null;
        int firstAveraged = settings.epochs() - settings.averageEpochs() + 1;
        List<EpochRecord> history = new ArrayList<>();
        byte[] best = null;
        int bestEpoch = 0;
        double bestF1 = Double.NEGATIVE_INFINITY;
        boolean stoppedEarly = false;
        int firstEpoch = 1;
        Optional<StageCheckpoint> resumed = StageCheckpoint.load(checkpoint, settings.name(), settings.seed(),
                settings.fingerprint());
        if (resumed.isPresent()) {
            // the checkpoint's weights go in before the trainer exists, so nothing caches the old ones
            block.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, inputShapes);
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
                if (average != null && c.average() != null) {
                    average = c.average();
                }
                progress.status(settings.name() + ": resumed after epoch " + c.epochsDone() + " from " + checkpoint);
                if (c.stopped()) {
                    firstEpoch = settings.epochs() + 1;
                }
            }
            for (int epoch = firstEpoch; epoch <= settings.epochs(); epoch++) {
                long t0 = System.nanoTime();
                // every epoch's random streams come from (seed, epoch): a resumed stage replays them
                long epochSeed = settings.seed() * 1_000_003L + epoch;
                if (settings.usesEngineRandomness()) {
                    Engine.getInstance().setRandomSeed((int) (epochSeed ^ (epochSeed >>> 32)));
                }
                int[] order = trainExamples.clone();
                shuffle(order, new SplittableRandom(epochSeed));
                double lossSum = 0;
                long dataNanos = 0;
                long forwardNanos = 0;
                long backwardNanos = 0;
                long stepNanos = 0;
                for (int batch = 0; batch < steps; batch++) {
                    int from = batch * settings.batchSize();
                    int count = Math.min(settings.batchSize(), order.length - from);
                    optimizer.setLearningRate(schedule.at(epoch, batch));
                    try (NDManager sub = trainer.getManager().newSubManager()) {
                        long d0 = System.nanoTime();
                        NDList in = feeder.inputs(sub, order, from, count);
                        dataNanos += System.nanoTime() - d0;
                        try (GradientCollector gc = new ThreadGradientCollector()) {
                            zeroGradients(block);
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
                    progress.batch(settings.name(), epoch, batch + 1, steps, lossSum / (batch + 1));
                }
                double trainSeconds = (System.nanoTime() - t0) / 1e9;
                FiniteWeights.require(block, settings.name(), epoch);
                double f1 = validate.applyAsDouble(block);
                EpochRecord rec = new EpochRecord(epoch, lossSum / steps, f1, order.length / trainSeconds,
                        (System.nanoTime() - t0) / 1e9, dataNanos / 1e9 / trainSeconds,
                        forwardNanos / 1e9 / trainSeconds, backwardNanos / 1e9 / trainSeconds,
                        stepNanos / 1e9 / trainSeconds, schedule.at(epoch, steps - 1));
                history.add(rec);
                boolean improved = false;
                if (selection == WeightSelection.BEST_VALIDATION) {
                    improved = f1 > bestF1;
                    if (improved) {
                        bestF1 = f1;
                        bestEpoch = epoch;
                        best = weights(block);
                    }
                    stoppedEarly = epoch - bestEpoch >= settings.patience() && epoch < settings.epochs();
                } else {
                    bestEpoch = epoch;
                    bestF1 = f1;
                    if (average != null && epoch >= firstAveraged) {
                        average.add(block);
                    }
                }
                if (checkpoint != null) {
                    new StageCheckpoint(settings.name(), settings.seed(), settings.fingerprint(), epoch, bestEpoch,
                            bestF1, stoppedEarly, history, weights(block), best, moments(model, optimizer), average)
                            .save(checkpoint);
                }
                progress.epoch(settings.name(), rec, improved);
                LOG.debug("{} epoch {}: loss {} val-F1 {} lr {} ({} windows/s, {}% building batches)", settings.name(),
                        epoch, rec.trainLoss(), f1, rec.learningRate(), Math.round(rec.windowsPerSecond()),
                        Math.round(100 * rec.dataShare()));
                if (selection == WeightSelection.BEST_VALIDATION && epoch - bestEpoch >= settings.patience()) {
                    break;
                }
            }
        }
        int averaged = 1;
        switch (selection) {
            case BEST_VALIDATION -> restore(model, best);
            case LAST -> {
                // the block holds the last epoch's weights
            }
            case AVERAGE_LAST -> {
                average.writeMean(block);
                averaged = average.count();
                bestF1 = validate.applyAsDouble(block);
            }
            default -> throw new IllegalStateException("unknown selection " + selection);
        }
        return new StageResult(settings.name(), history, bestEpoch, bestF1, stoppedEarly, selection, averaged);
    }

    /** Fails if a block of the tree is a dropout layer: it draws from the engine's generator. */
    private void requireNoDropout(Block block, String path) {
        if (block instanceof Dropout) {
            throw new IllegalArgumentException("stage " + settings.name() + ": block " + (path.isEmpty() ? "(root)"
                    : path) + " is a Dropout, which draws from the engine's random generator on every batch;"
                    + " train this stage with usesEngineRandomness = true");
        }
        for (Pair<String, Block> c : block.getChildren()) {
            requireNoDropout(c.getValue(), path.isEmpty() ? c.getKey() : path + "/" + c.getKey());
        }
    }

    /**
     * Initialises a block that has no weights yet from Java generators seeded by the stage seed;
     * a block whose weights the caller drew already (e.g. StudentStage) is kept as it is.
     */
    private void initializeWithoutEngine(Block block, NDManager manager, Shape[] inputShapes) {
        int total = 0;
        int initialised = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            total++;
            initialised += p.getValue().isInitialized() ? 1 : 0;
        }
        if (initialised == 0) {
            JavaRandomInitialization.initialize(block, manager, settings.seed(), inputShapes);
        } else if (initialised < total) {
            throw new IllegalStateException("stage " + settings.name() + ": " + initialised + " of " + total
                    + " parameters are initialised; without engine randomness initialise all of them"
                    + " (JavaRandomInitialization) or none");
        }
    }

    /**
     * Optimiser steps per epoch for {@code examples} windows in batches of {@code batchSize}: the
     * full batches and the remainder, except a remainder of one window after at least one full
     * batch (BatchNorm cannot train on a batch of one; that window is skipped this epoch).
     */
    static int stepsPerEpoch(int examples, int batchSize) {
        int full = examples / batchSize;
        int rest = examples % batchSize;
        return full + (rest >= 2 || (rest == 1 && full == 0) ? 1 : 0);
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
            optimizer.restore(p.getId(), OwnedArrays.copy(manager.decode(m.mean())),
                    OwnedArrays.copy(manager.decode(m.variance())), m.steps());
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
        OwnedArrays.own(block);
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
        OwnedArrays.own(model.getBlock());
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getValue().requiresGradient() && !p.getValue().getArray().hasGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
    }
}
