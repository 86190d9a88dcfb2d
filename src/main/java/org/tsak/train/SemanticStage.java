package org.tsak.train;

import java.io.IOException;
import java.nio.file.Path;

import org.tsak.data.window.Split;
import org.tsak.data.window.WindowSet;
import org.tsak.distill.TeacherTargets;
import org.tsak.model.SemanticClassifierBlock;
import org.tsak.model.SemanticSpec;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/**
 * Stage 2: the semantic classifier, trained with cross-entropy on the frozen teacher's cached
 * representations (Attn-, Causal-, Combi-Rep) of the training windows only; validated on the
 * validation windows. It never sees test windows during training.
 */
public final class SemanticStage {

    private SemanticStage() {
    }

    /**
     * @param windows    all windows (labels and scoring)
     * @param fold       the split
     * @param targets    cached teacher representations for every window
     * @param spec       semantic classifier sizes
     * @param settings   optimisation
     * @param checkpoint best weights file, or null
     * @param progress   progress receiver
     */
    public static TrainedModel<SemanticClassifierBlock> train(WindowSet windows, Split fold, TeacherTargets targets,
            SemanticSpec spec, StageSettings settings, Path checkpoint, ProgressListener progress) throws IOException {
        Model model = Model.newInstance("semantic-classifier");
        SemanticClassifierBlock block = new SemanticClassifierBlock(spec);
        model.setBlock(block);
        BatchFeeder feeder = Feeders.representations(targets);
        int[] labels = windows.classIndices();
        Loss ce = Loss.softmaxCrossEntropyLoss();
        BatchLoss loss = (out, m, ex, from, count) -> ce.evaluate(
                new NDList(Feeders.labels(m, labels, ex, from, count)), new NDList(out.get(0)));
        Shape rep = new Shape(1, targets.repSize());
        try {
            StageResult result = new StageTrainer(settings, progress).train(model, new Shape[] {rep, rep, rep},
                    fold.train(), feeder, loss,
                    b -> TeacherStage.validationF1(b, model, windows, fold.validation(), feeder, 0), checkpoint);
            return new TrainedModel<>(model, block, result);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
