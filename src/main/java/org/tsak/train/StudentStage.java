package org.tsak.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.tsak.data.window.ChannelView;
import org.tsak.data.window.Split;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.ZScore;
import org.tsak.distill.DistillationLoss;
import org.tsak.distill.DistillationStrategy;
import org.tsak.distill.DistillationTargets;
import org.tsak.distill.KdWeights;
import org.tsak.distill.StudentOutputs;
import org.tsak.distill.TeacherTargets;
import org.tsak.model.JavaRandomInitialization;
import org.tsak.model.StudentBlock;
import org.tsak.model.StudentSpec;
import org.tsak.model.StudentTrainingBlock;
import org.tsak.model.TargetKind;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Trains one student on one wrist's accelerometer with one distillation strategy, reading the
 * frozen teacher's and semantic classifier's cached targets; validation uses the student alone.
 */
public final class StudentStage {

    private StudentStage() {
    }

    /**
     * @param windows    all windows
     * @param fold       the split
     * @param view       the student's channels (one wrist's acc_x, acc_y, acc_z)
     * @param norm       z-score fitted on the fold's training windows
     * @param targets    cached teacher/SC outputs for every window (null only for strategy none)
     * @param spec       student sizes
     * @param strategy   the distillation strategy
     * @param weights    T, alpha, beta
     * @param settings   optimisation
     * @param initSeed   seed of the initial weights: the student's parameters come first and are
     *                   drawn from it alone, so every strategy with the same seed starts from the
     *                   same student weights (the projection heads follow)
     * @param checkpoint the stage's epoch checkpoint (resumed from when present), or null
     * @param progress   progress receiver
     * @return the trained training block (its {@code student()} is the deployable model)
     */
    public static TrainedModel<StudentTrainingBlock> train(WindowSet windows, Split fold, ChannelView view,
            ZScore norm, TeacherTargets targets, StudentSpec spec, DistillationStrategy strategy, KdWeights weights,
            StageSettings settings, long initSeed, Path checkpoint, ProgressListener progress) throws IOException {
        return train(windows, fold, view, norm, targets, spec, strategy, weights, settings, initSeed,
                org.tsak.config.AugmentationConfig.OFF, checkpoint, progress);
    }

    /**
     * As {@link #train(WindowSet, Split, ChannelView, ZScore, TeacherTargets, StudentSpec,
     * DistillationStrategy, KdWeights, StageSettings, long, Path, ProgressListener)}, with the
     * training windows randomly augmented ({@code training.student.augmentation}); validation
     * windows are not. Cached targets stay the teacher's outputs on the un-augmented windows.
     */
    public static TrainedModel<StudentTrainingBlock> train(WindowSet windows, Split fold, ChannelView view,
            ZScore norm, TeacherTargets targets, StudentSpec spec, DistillationStrategy strategy, KdWeights weights,
            StageSettings settings, long initSeed, org.tsak.config.AugmentationConfig augmentation, Path checkpoint,
            ProgressListener progress) throws IOException {
        return train(windows, fold, view, norm, targets, spec, strategy, weights, settings, initSeed, augmentation,
                null, checkpoint, progress);
    }

    /**
     * As above; with {@code views} (not null), the student trains on every training window in
     * each of the views ({@link AugmentedViews}, example ids {@code v * N + w}) and {@code targets}
     * must hold the teacher's outputs for every view; {@code augmentation} is then not applied
     * on the fly.
     */
    static TrainedModel<StudentTrainingBlock> train(WindowSet windows, Split fold, ChannelView view,
            ZScore norm, TeacherTargets targets, StudentSpec spec, DistillationStrategy strategy, KdWeights weights,
            StageSettings settings, long initSeed, org.tsak.config.AugmentationConfig augmentation,
            AugmentedViews views, Path checkpoint, ProgressListener progress) throws IOException {
        if (views != null && targets != null && targets.windows() != views.size()) {
            throw new IllegalArgumentException("targets hold " + targets.windows() + " rows but the augmented views "
                    + views.size() + " example ids");
        }
        if (!strategy.requiredTargets().isEmpty() && targets == null) {
            throw new IllegalStateException("strategy " + strategy.name() + " needs cached teacher targets");
        }
        int repSize = targets == null ? spec.representationSize() : targets.repSize();
        Model model = Model.newInstance("student-" + strategy.name());
        StudentTrainingBlock block = new StudentTrainingBlock(new StudentBlock(spec), strategy.featureTargets(),
                repSize);
        model.setBlock(block);
        Shape inputShape = new Shape(2, view.size(), windows.windowSamples());
        // Java-side draws, never PyTorch's global generator: students train in parallel threads
        JavaRandomInitialization.initialize(block, model.getNDManager(), initSeed, inputShape);
        BatchFeeder feeder = Feeders.windows(windows, view, norm);
        BatchFeeder trainFeeder = views != null ? views.studentFeeder()
                : Feeders.trainingWindows(windows, view, norm, augmentation, settings.seed());
        int[] labels = views != null ? views.classIndices() : windows.classIndices();
        int[] trainIds = views != null ? views.ids(fold.train()) : fold.train();
        DistillationLoss kd = new DistillationLoss(strategy, weights);
        List<TargetKind> required = strategy.requiredTargets();
        List<TargetKind> features = strategy.featureTargets();
        BatchLoss loss = (out, m, ex, from, count) -> {
            Map<TargetKind, NDArray> t = new EnumMap<>(TargetKind.class);
            for (TargetKind k : required) {
                t.put(k, Feeders.rows(m, targets, k, ex, from, count));
            }
            Map<TargetKind, NDArray> proj = new EnumMap<>(TargetKind.class);
            for (int i = 0; i < features.size(); i++) {
                proj.put(features.get(i), out.get(2 + i));
            }
            return kd.evaluate(new StudentOutputs(out.get(StudentBlock.LOGITS), proj),
                    new DistillationTargets(Feeders.labels(m, labels, ex, from, count), t));
        };
        try {
            StageResult result = new StageTrainer(settings, progress).train(model,
                    new Shape[] {inputShape}, trainIds, trainFeeder, loss,
                    b -> TeacherStage.validationF1(block.student(), model, windows, fold.validation(), feeder,
                            StudentBlock.LOGITS), checkpoint);
            return new TrainedModel<>(model, block, result);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

}
