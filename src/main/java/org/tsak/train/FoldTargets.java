package org.tsak.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.tsak.data.PreparedData;
import org.tsak.data.window.Split;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.ZScore;
import org.tsak.distill.TeacherTargets;
import org.tsak.eval.CostModel;
import org.tsak.eval.ModelMetricsWriter;
import org.tsak.eval.SubmissionWriter;
import org.tsak.eval.TimedPredictions;
import org.tsak.eval.WindowScoring;
import org.tsak.io.AtomicFiles;
import org.tsak.io.RunLayout;
import org.tsak.model.SemanticClassifierBlock;
import org.tsak.model.TargetKind;
import org.tsak.model.TeacherBlock;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * One fold's stages 1 and 2: the teacher, the semantic classifier on its frozen representations,
 * and the cached outputs of both for every window (the students' targets). Finished models of an
 * earlier run are loaded, not retrained, when the run resumes.
 */
final class FoldTargets {

    private static final int BATCH = 256;

    private FoldTargets() {
    }

    /**
     * Teacher and SC of fold {@code f} (trained, or loaded when finished earlier) and their cached
     * outputs: the students' targets, out-of-fold for the training windows with
     * {@code distillation.crossFitting} ({@link CrossFitting}).
     */
    static TeacherTargets compute(RunContext c, int f) throws IOException {
        TeacherTargets targets = inFold(c, f);
        return c.config().distillation().crossFitting() > 1 ? CrossFitting.apply(c, f, targets) : targets;
    }

    private static TeacherTargets inFold(RunContext c, int f) throws IOException {
        PreparedData data = c.data();
        WindowSet windows = data.windows();
        Split fold = data.folds().get(f);
        RunLayout layout = c.layout();
        ZScore norm = data.normalisation(fold);
        Files.createDirectories(layout.fold(f));
        ModelMetricsWriter.writeJson(layout.normalisation(f),
                Map.of("channels", windows.channels(), "means", norm.means(), "stds", norm.stds()));
        int[] test = fold.test();
        Path teacherDir = layout.teacher(f);
        Path scDir = layout.semantic(f);
        Path teacherWeights = RunLayout.weights(teacherDir);
        Path scWeights = RunLayout.weights(scDir);
        String teacherKey = TaskKeys.teacher(c, f, 0);
        String scKey = TaskKeys.semantic(c, f);
        boolean teacherDone = c.resume() && TaskKeys.finished(teacherDir, teacherKey);
        boolean scDone = teacherDone && TaskKeys.finished(scDir, scKey);
        AugmentedViews views = c.views(f);
        if (scDone && views == null) {
            String key = TargetCaching.key(data.fingerprint(), Files.readAllBytes(teacherWeights),
                    Files.readAllBytes(scWeights));
            var cached = TeacherTargets.load(layout.targets(f), key);
            if (cached.isPresent()) {
                c.progress().status(foldName(c, f) + ": teacher, SC and cached targets done earlier, kept");
                return cached.get();
            }
        }
        c.progress().status(foldName(c, f) + ": " + fold.summary());
        SubmissionWriter.write(layout.groundTruth(f), WindowScoring.truths(windows, test).entrySet()
                .stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> new TimedPredictions(e.getValue().secondsMs(), e.getValue().operationIds()),
                        (a, b) -> a, LinkedHashMap::new)));
        if (!teacherDone) {
            claim(c, f, teacherDir, teacherKey, "teacher");
        }
        if (!scDone) {
            claim(c, f, scDir, scKey, "semantic classifier");
        }
        try (TrainedModel<TeacherBlock> teacher = teacherDone ? loadTeacher(c, teacherWeights)
                : trainTeacher(c, f, norm, teacherDir)) {
            byte[] tw = Files.readAllBytes(teacherWeights);
            c.progress().status(foldName(c, f) + ": caching the frozen teacher's outputs for " + windows.size()
                    + " windows");
            TeacherTargets targets = TargetCaching.teacherOutputs(teacher.block(), teacher.model().getNDManager(),
                    windows, data.teacherView(), norm, TargetCaching.key(data.fingerprint(), tw));
            try (TrainedModel<SemanticClassifierBlock> sc = scDone ? loadSemantic(c, scWeights)
                    : trainSemantic(c, f, targets, scDir)) {
                String key = TargetCaching.key(data.fingerprint(), tw, Files.readAllBytes(scWeights));
                targets = TargetCaching.withSemantic(targets, sc.block(), sc.model().getNDManager(), key);
                targets.save(layout.targets(f));
                if (!scDone) {
                    ModelScoring.logits(scDir, "semantic-classifier", windows, test,
                            targets.rows(TargetKind.SC_LOGITS, test, 0, test.length), sc.result(), Map.of("fold", f));
                }
                if (views != null) {
                    c.progress().status(foldName(c, f) + ": scoring " + views.views() + " augmented views of "
                            + windows.size() + " windows with the frozen teacher and SC");
                    TeacherTargets viewed = TargetCaching.teacherOutputs(teacher.block(), teacher.model().getNDManager(),
                            views.teacherFeeder(), views.size(), key + "/views");
                    targets = TargetCaching.withSemantic(viewed, sc.block(), sc.model().getNDManager(),
                            key + "/views");
                }
            }
            return targets;
        }
    }

    /** {@link TaskKeys#claim}, saying so when an earlier model made with other inputs is replaced. */
    static void claim(RunContext c, int f, Path dir, String key, String what) throws IOException {
        if (TaskKeys.claim(dir, key)) {
            c.progress().status(foldName(c, f) + ": the " + what + " in " + dir + " was made with other inputs"
                    + " (config or data changed); trained again");
        }
    }

    /**
     * Trains and scores fold {@code f}'s extra teacher of seed {@code seed > 0}
     * ({@code training.teacher.seeds}), for the teacher's seed-to-seed spread only: nothing learns
     * from it, so its weights are not kept. Done earlier (its {@code metrics.json} exists, resume):
     * nothing to do.
     */
    static void extraTeacher(RunContext c, int f, int seed) throws IOException {
        Path dir = c.layout().teacher(f, seed);
        String key = TaskKeys.teacher(c, f, seed);
        if (c.resume() && TaskKeys.finished(dir, key)) {
            return;
        }
        claim(c, f, dir, key, "teacher seed " + seed);
        PreparedData data = c.data();
        Split fold = data.folds().get(f);
        ZScore norm = data.normalisation(fold);
        Files.createDirectories(dir);
        c.progress().status(foldName(c, f) + ": teacher seed " + seed + " of " + c.config().training().teacher().seeds()
                + " (for the teacher's spread)");
        try (TrainedModel<TeacherBlock> teacher = TeacherStage.train(data.windows(), fold, data.teacherView(), norm,
                c.teacher(), RunContext.stage("teacher", c.config().training().teacher(),
                        c.seed("teacher", "fold-" + f, "seed-" + seed), true),
                c.config().training().teacher().augmentation(), RunLayout.checkpoint(dir), c.progress())) {
            float[] logits = Inference.run(teacher.block(), teacher.model().getNDManager(),
                    Feeders.windows(data.windows(), data.teacherView(), norm), fold.test(), BATCH,
                    TeacherBlock.LOGITS)[0];
            ModelScoring.logits(dir, "teacher", data.windows(), fold.test(), logits, teacher.result(),
                    Map.of("fold", f, "teacherSeed", seed));
        }
    }

    private static String foldName(RunContext c, int f) {
        return "fold " + (f + 1) + "/" + c.data().folds().size();
    }

    private static TrainedModel<TeacherBlock> trainTeacher(RunContext c, int f, ZScore norm, Path dir)
            throws IOException {
        PreparedData data = c.data();
        Split fold = data.folds().get(f);
        c.progress().status(foldName(c, f) + ": stage 1, teacher on " + c.teacher().inputChannels()
                + " channels, " + CostModel.teacherParams(c.teacher()) + " parameters");
        TrainedModel<TeacherBlock> teacher = TeacherStage.train(data.windows(), fold, data.teacherView(), norm,
                c.teacher(), RunContext.stage("teacher", c.config().training().teacher(),
                        c.seed("teacher", "fold-" + f), true), c.config().training().teacher().augmentation(),
                RunLayout.checkpoint(dir), c.progress());
        AtomicFiles.write(RunLayout.weights(dir), StageTrainer.weights(teacher.block()));
        float[] logits = Inference.run(teacher.block(), teacher.model().getNDManager(),
                Feeders.windows(data.windows(), data.teacherView(), norm), fold.test(), BATCH, TeacherBlock.LOGITS)[0];
        ModelScoring.logits(dir, "teacher", data.windows(), fold.test(), logits, teacher.result(), Map.of("fold", f));
        return teacher;
    }

    private static TrainedModel<SemanticClassifierBlock> trainSemantic(RunContext c, int f, TeacherTargets targets,
            Path dir) throws IOException {
        c.progress().status(foldName(c, f) + ": stage 2, semantic classifier on the frozen teacher's"
                + " representations");
        TrainedModel<SemanticClassifierBlock> sc = SemanticStage.train(c.data().windows(), c.data().folds().get(f),
                targets, c.semantic(), c.config().model().semantic().labelSmoothing(),
                RunContext.stage("semantic", c.config().training().semantic(), c.seed("semantic", "fold-" + f), true),
                RunLayout.checkpoint(dir), c.progress());
        AtomicFiles.write(RunLayout.weights(dir), StageTrainer.weights(sc.block()));
        return sc;
    }

    /** The fold's trained teacher, loaded from its weights file. */
    static TrainedModel<TeacherBlock> loadTeacher(RunContext c, Path weights) throws IOException {
        return load("teacher", new TeacherBlock(c.teacher()), weights,
                new Shape(1, c.teacher().inputChannels(), c.teacher().windowSamples()));
    }

    /** The fold's trained semantic classifier, loaded from its weights file. */
    static TrainedModel<SemanticClassifierBlock> loadSemantic(RunContext c, Path weights) throws IOException {
        Shape rep = new Shape(1, c.teacher().representationSize());
        return load("semantic-classifier", new SemanticClassifierBlock(c.semantic()), weights, rep, rep, rep);
    }

    private static <B extends Block> TrainedModel<B> load(String name, B block, Path weights, Shape... shapes)
            throws IOException {
        Model model = Model.newInstance(name);
        model.setBlock(block);
        try {
            StageTrainer.load(block, weights, model.getNDManager(), shapes);
        } catch (IOException e) {
            model.close();
            throw new IOException(weights + ": cannot load the " + name + "'s weights (" + e.getMessage()
                    + "); delete the file to train it again", e);
        }
        return new TrainedModel<>(model, block, new StageResult(name, List.of(), 0, Double.NaN, false));
    }
}
