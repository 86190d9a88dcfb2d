package org.tsak.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.tsak.data.window.Split;
import org.tsak.data.window.WindowSet;
import org.tsak.distill.DistillationLoss;
import org.tsak.distill.DistillationStrategy;
import org.tsak.distill.DistillationTargets;
import org.tsak.distill.KdWeights;
import org.tsak.distill.StrategyTerm;
import org.tsak.distill.StudentOutputs;
import org.tsak.distill.TeacherTargets;
import org.tsak.eval.WindowScoring;
import org.tsak.model.ContextHeadBlock;
import org.tsak.model.TargetKind;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Trains the student's temporal context head ({@link ContextHeadBlock}) on the frozen student's
 * representations and logits of every example id, with the logit terms of the student's own
 * strategy (labels only for {@code none} and feature-only strategies): the head learns from the
 * same teacher the student did. Training examples are the fold's training windows in every
 * augmented view, each with the past windows of the same view; validation and test windows are
 * view 0, the windows as recorded.
 */
final class ContextStage {

    private static final int BATCH = 512;

    private ContextStage() {
    }

    /**
     * The frozen student's outputs for every example id and the past-window table.
     *
     * @param windows        all windows (N)
     * @param representation {@code ids x E}, row-major, ids {@code v * N + w}
     * @param logits         {@code ids x K}
     * @param labels         class index of every id
     * @param past           {@code N x (maxPast + 1)} past-window table (PastWindows.table)
     * @param maxPast        the table's past windows
     */
    record Inputs(WindowSet windows, float[] representation, int representationSize, float[] logits, int classes,
            int[] labels, int[] past, int maxPast) {

        int ids() {
            return logits.length / classes;
        }

        /** Feeds {@code (context, present, base)} for a head of {@code steps} windows. */
        BatchFeeder feeder(int steps) {
            int n = windows.size();
            int e = representationSize;
            return (m, ex, from, count) -> {
                float[] ctx = new float[count * steps * e];
                float[] present = new float[count * steps];
                float[] base = new float[count * classes];
                for (int b = 0; b < count; b++) {
                    int id = ex[from + b];
                    int view = id / n;
                    int w = id % n;
                    for (int j = 0; j < steps; j++) {
                        int pw = past[w * (maxPast + 1) + maxPast - (steps - 1) + j];
                        if (pw >= 0) {
                            present[b * steps + j] = 1f;
                            System.arraycopy(representation, (view * n + pw) * e, ctx, (b * steps + j) * e, e);
                        }
                    }
                    System.arraycopy(logits, id * classes, base, b * classes, classes);
                }
                return new NDList(m.create(ctx, new Shape(count, steps, e)), m.create(present, new Shape(count, steps)),
                        m.create(base, new Shape(count, classes)));
            };
        }
    }

    /**
     * @param in         the frozen student's outputs
     * @param fold       the split
     * @param trainIds   training example ids (every view of the training windows)
     * @param pastWindows past windows seen, 1..in.maxPast
     * @param projection H
     * @param targets    cached targets for every id (null when the strategy has no logit term)
     * @param strategy   the student's strategy: its logit terms are the head's
     * @param weights    T, alpha, label smoothing
     * @param settings   optimisation (training.context)
     * @param seed       initial weights
     * @param checkpoint epoch checkpoint or null
     * @return the trained head
     */
    static TrainedModel<ContextHeadBlock> train(Inputs in, Split fold, int[] trainIds, int pastWindows,
            int projection, TeacherTargets targets, DistillationStrategy strategy, KdWeights weights,
            StageSettings settings, long seed, Path checkpoint, ProgressListener progress) throws IOException {
        if (pastWindows < 1 || pastWindows > in.maxPast()) {
            throw new IllegalArgumentException("context head: past windows must be in 1.." + in.maxPast() + ", got "
                    + pastWindows);
        }
        int steps = pastWindows + 1;
        DistillationStrategy logitPart = logitTerms(strategy);
        Model model = Model.newInstance("context-" + strategy.name());
        ContextHeadBlock head = ContextHeadBlock.create(steps, in.representationSize(), projection, in.classes(),
                model.getNDManager(), seed);
        model.setBlock(head);
        DistillationLoss kd = new DistillationLoss(logitPart, weights);
        List<TargetKind> required = logitPart.requiredTargets();
        BatchLoss loss = (out, m, ex, from, count) -> {
            Map<TargetKind, NDArray> t = new EnumMap<>(TargetKind.class);
            for (TargetKind k : required) {
                t.put(k, Feeders.rows(m, targets, k, ex, from, count));
            }
            return kd.evaluate(new StudentOutputs(out.get(ContextHeadBlock.LOGITS), Map.of()),
                    new DistillationTargets(Feeders.labels(m, in.labels(), ex, from, count), t));
        };
        BatchFeeder feeder = in.feeder(steps);
        Shape[] shapes = {new Shape(1, steps, in.representationSize()), new Shape(1, steps),
            new Shape(1, in.classes())};
        try {
            StageResult result = new StageTrainer(settings, progress).train(model, shapes, trainIds, feeder, loss,
                    b -> macroF1(in, head, model.getNDManager(), feeder, fold.validation()), checkpoint);
            return new TrainedModel<>(model, head, result);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The head's logits for window ids (view 0), {@code ids x K}. */
    static float[] logits(Inputs in, ContextHeadBlock head, NDManager manager, int[] windowIds) {
        return Inference.run(head, manager, in.feeder(head.steps()), windowIds, BATCH, ContextHeadBlock.LOGITS)[0];
    }

    private static double macroF1(Inputs in, ContextHeadBlock head, NDManager manager, BatchFeeder feeder,
            int[] validation) {
        if (validation.length == 0) {
            return 0;
        }
        float[] l = Inference.run(head, manager, feeder, validation, BATCH, ContextHeadBlock.LOGITS)[0];
        return WindowScoring.score(in.windows(), validation, Inference.argmax(l, in.classes())).macroF1();
    }

    /** The strategy's logit (KL) terms alone; {@code none} when it has none. */
    static DistillationStrategy logitTerms(DistillationStrategy strategy) {
        List<StrategyTerm> terms = strategy.terms().stream().filter(StrategyTerm::isLogitTerm).toList();
        return terms.isEmpty() ? DistillationStrategy.none() : new DistillationStrategy(strategy.name(), terms);
    }
}
