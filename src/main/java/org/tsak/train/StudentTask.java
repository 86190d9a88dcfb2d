package org.tsak.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tsak.data.PreparedData;
import org.tsak.data.window.Split;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.ZScore;
import org.tsak.distill.DistillationLoss;
import org.tsak.distill.TeacherTargets;
import org.tsak.io.AtomicFiles;
import org.tsak.io.RunLayout;
import org.tsak.model.StudentBlock;
import org.tsak.model.StudentTrainingBlock;

/**
 * Trains and scores one student: fold {@code f}, variant, seed {@code s}.
 *
 * <p>Paired seeds: the student's initial weights and its batch order come from
 * {@code student/fold-f/seed-s} alone, so seed {@code s} of every strategy starts from the same
 * weights and sees the same batches; a paired difference between strategies then measures the
 * strategy, not the draw.
 */
final class StudentTask {

    private static final int BATCH = 256;

    private StudentTask() {
    }

    /** True when the student was finished by an earlier run and is kept. */
    static boolean done(RunContext c, int f, StudentVariant v, int s) {
        try {
            return c.resume() && TaskKeys.finished(c.layout().student(f, v.name(), s), TaskKeys.student(c, f, v, s));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Trains the student (targets may be null for a labels-only strategy). */
    static void train(RunContext c, int f, StudentVariant v, int s, TeacherTargets targets) throws IOException {
        Path dir = c.layout().student(f, v.name(), s);
        if (done(c, f, v, s)) {
            c.progress().status("fold " + (f + 1) + " student [" + v.name() + "] seed " + (s + 1)
                    + ": done earlier, kept");
            return;
        }
        FoldTargets.claim(c, f, dir, TaskKeys.student(c, f, v, s), "student [" + v.name() + "] seed " + (s + 1));
        PreparedData data = c.data();
        WindowSet windows = data.windows();
        Split fold = data.folds().get(f);
        ZScore norm = data.normalisation(fold);
        c.progress().status("fold " + (f + 1) + " student [" + v.name() + "] seed " + (s + 1) + "/"
                + c.config().distillation().seeds());
        long seed = c.seed("student", "fold-" + f, "seed-" + s);
        StageSettings settings = RunContext.stage("student " + v.name(), c.config().training().student(), seed,
                false);
        try (TrainedModel<StudentTrainingBlock> student = StudentStage.train(windows, fold, data.studentView(),
                norm, targets, c.student(v.width()), v.strategy(), v.kd(), settings, seed,
                c.config().training().student().augmentation(), c.views(f),
                RunLayout.checkpoint(dir), c.progress())) {
            AtomicFiles.write(RunLayout.studentWeights(dir), StageTrainer.weights(student.block().student()));
            float[] logits = Inference.run(student.block().student(), student.model().getNDManager(),
                    Feeders.windows(windows, data.studentView(), norm), fold.test(), BATCH, StudentBlock.LOGITS)[0];
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("fold", f);
            extra.put("strategy", v.name());
            extra.put("seed", s);
            extra.put("loss", new DistillationLoss(v.strategy(), v.kd()).toString());
            if (StudentContext.wanted(c)) {
                StudentContext.Outcome context = StudentContext.run(c, f, v, s, dir, student.block().student(),
                        student.model().getNDManager(), targets, c.views(f), logits);
                logits = context.testLogits();
                extra.putAll(context.extra());
            }
            ModelScoring.logits(dir, "student", windows, fold.test(), logits, student.result(), extra);
        }
    }
}
