package org.tsak.train;

import java.io.IOException;
import java.nio.file.Path;

import org.tsak.data.window.Split;
import org.tsak.data.window.WindowSet;
import org.tsak.distill.TeacherTargets;
import org.tsak.model.SemanticClassifierBlock;
import org.tsak.model.SemanticSpec;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

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
     * @param labelSmoothing label smoothing e of the cross-entropy (0 = plain CE)
     * @param settings   optimisation
     * @param checkpoint the stage's epoch checkpoint (resumed from when present), or null
     * @param progress   progress receiver
     */
    public static TrainedModel<SemanticClassifierBlock> train(WindowSet windows, Split fold, TeacherTargets targets,
            SemanticSpec spec, double labelSmoothing, StageSettings settings, Path checkpoint,
            ProgressListener progress) throws IOException {
        Model model = Model.newInstance("semantic-classifier");
        SemanticClassifierBlock block = new SemanticClassifierBlock(spec);
        model.setBlock(block);
        BatchFeeder feeder = Feeders.representations(targets);
        int[] labels = windows.classIndices();
        BatchLoss loss = (out, m, ex, from, count) -> smoothedCrossEntropy(out.get(0),
                Feeders.labels(m, labels, ex, from, count), labelSmoothing);
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

    /**
     * Batch mean of {@code (1-e) * CE(y) + e * mean_k(-log p_k)}: cross-entropy against labels
     * smoothed uniformly over the K classes by e (Szegedy et al. 2016); e = 0 is plain CE.
     */
    static NDArray smoothedCrossEntropy(NDArray logits, NDArray labels, double e) {
        long n = logits.getShape().get(0);
        long k = logits.getShape().get(1);
        NDArray logp = logits.logSoftmax(1);
        NDArray oneHot = labels.toType(DataType.INT64, false).oneHot((int) k).toType(logits.getDataType(), false);
        NDArray ce = logp.mul(oneHot).sum().neg().div(n);
        if (e == 0) {
            return ce;
        }
        NDArray uniform = logp.sum().neg().div(n * k);
        return ce.mul((float) (1 - e)).add(uniform.mul((float) e));
    }
}
