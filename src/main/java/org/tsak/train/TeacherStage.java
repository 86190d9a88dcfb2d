package org.tsak.train;

import java.io.IOException;
import java.nio.file.Path;

import org.tsak.data.window.ChannelView;
import org.tsak.data.window.Split;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.ZScore;
import org.tsak.eval.WindowScoring;
import org.tsak.model.TeacherBlock;
import org.tsak.model.TeacherSpec;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/**
 * Stage 1: trains the multi-modal teacher on all channels with cross-entropy, early stopping
 * on validation macro-F1 (OpenPack rule).
 */
public final class TeacherStage {

    private TeacherStage() {
    }

    /**
     * @param windows    all windows
     * @param fold       the split (train and validation used here)
     * @param view       the teacher's channels
     * @param norm       z-score fitted on the fold's training windows
     * @param spec       teacher sizes
     * @param settings   optimisation
     * @param checkpoint the stage's epoch checkpoint (resumed from when present), or null
     * @param progress   progress receiver
     */
    public static TrainedModel<TeacherBlock> train(WindowSet windows, Split fold, ChannelView view, ZScore norm,
            TeacherSpec spec, StageSettings settings, Path checkpoint, ProgressListener progress) throws IOException {
        return train(windows, fold, view, norm, spec, settings, org.tsak.config.AugmentationConfig.OFF, checkpoint,
                progress);
    }

    /**
     * As {@link #train(WindowSet, Split, ChannelView, ZScore, TeacherSpec, StageSettings, Path,
     * ProgressListener)}, with the training windows randomly augmented
     * ({@code training.teacher.augmentation}); validation windows are not.
     */
    public static TrainedModel<TeacherBlock> train(WindowSet windows, Split fold, ChannelView view, ZScore norm,
            TeacherSpec spec, StageSettings settings, org.tsak.config.AugmentationConfig augmentation,
            Path checkpoint, ProgressListener progress) throws IOException {
        Model model = Model.newInstance("teacher");
        TeacherBlock block = new TeacherBlock(spec);
        model.setBlock(block);
        BatchFeeder feeder = Feeders.windows(windows, view, norm);
        BatchFeeder trainFeeder = Feeders.trainingWindows(windows, view, norm, augmentation, settings.seed());
        int[] labels = windows.classIndices();
        Loss ce = Loss.softmaxCrossEntropyLoss();
        BatchLoss loss = (out, m, ex, from, count) -> ce.evaluate(
                new NDList(Feeders.labels(m, labels, ex, from, count)), new NDList(out.get(TeacherBlock.LOGITS)));
        try {
            StageResult result = new StageTrainer(settings, progress).train(model,
                    new Shape[] {new Shape(1, view.size(), windows.windowSamples())}, fold.train(), trainFeeder, loss,
                    b -> validationF1(b, model, windows, fold.validation(), feeder, TeacherBlock.LOGITS), checkpoint);
            return new TrainedModel<>(model, block, result);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Validation macro-F1 of a block whose output {@code logitsOutput} holds class logits. */
    static double validationF1(ai.djl.nn.Block block, Model model, WindowSet windows, int[] validation,
            BatchFeeder feeder, int logitsOutput) {
        if (validation.length == 0) {
            return 0;
        }
        float[] logits = Inference.run(block, model.getNDManager(), feeder, validation, 256, logitsOutput)[0];
        int[] pred = Inference.argmax(logits, logits.length / validation.length);
        return WindowScoring.score(windows, validation, pred).macroF1();
    }
}
