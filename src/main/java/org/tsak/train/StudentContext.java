package org.tsak.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.tsak.config.ModelConfig;
import org.tsak.data.Operations;
import org.tsak.data.PreparedData;
import org.tsak.data.window.PastWindows;
import org.tsak.data.window.Split;
import org.tsak.data.window.WindowSet;
import org.tsak.distill.DistillationStrategy;
import org.tsak.distill.TeacherTargets;
import org.tsak.eval.WindowScoring;
import org.tsak.io.AtomicFiles;
import org.tsak.io.RunLayout;
import org.tsak.model.ContextHeadBlock;
import org.tsak.model.StudentBlock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import ai.djl.ndarray.NDManager;

/**
 * The temporal context of one trained student ({@code model.context}): trains the context head
 * the student ships with and the heads of the context-length sweep, on the frozen student's
 * outputs, and writes the head's weights and {@code context-sweep.json} into the student folder.
 */
final class StudentContext {

    private static final int BATCH = 256;

    private StudentContext() {
    }

    /** What the context added: the test logits to score and fields for metrics.json. */
    record Outcome(float[] testLogits, Map<String, Object> extra) {
    }

    /** True when the run's students have a context head or a context sweep. */
    static boolean wanted(RunContext c) {
        ModelConfig.Context cx = c.config().model().context();
        return cx.enabled() || !cx.sweepSeconds().isEmpty();
    }

    /**
     * @param student    the trained student, frozen
     * @param manager    the student's manager
     * @param noContext  the student's own test logits
     */
    static Outcome run(RunContext c, int f, StudentVariant v, int s, Path dir, StudentBlock student,
            NDManager manager, TeacherTargets targets, AugmentedViews views, float[] noContext) throws IOException {
        ModelConfig.Context cx = c.config().model().context();
        double stride = c.config().data().window().strideSeconds();
        PreparedData data = c.data();
        WindowSet windows = data.windows();
        Split fold = data.folds().get(f);
        int mainPast = ModelConfig.Context.pastWindows(cx.seconds(), stride);
        TreeSet<Integer> pasts = new TreeSet<>();
        if (mainPast > 0) {
            pasts.add(mainPast);
        }
        for (double sec : cx.sweepSeconds()) {
            pasts.add(ModelConfig.Context.pastWindows(sec, stride));
        }
        int maxPast = pasts.isEmpty() ? 0 : pasts.last();
        int k = Operations.CLASS_COUNT;
        int ids = views != null ? views.size() : windows.size();
        int[] all = new int[ids];
        for (int i = 0; i < ids; i++) {
            all[i] = i;
        }
        BatchFeeder feeder = views != null ? views.studentFeeder()
                : Feeders.windows(windows, data.studentView(), data.normalisation(fold));
        c.progress().status("fold " + (f + 1) + " student [" + v.name() + "] seed " + (s + 1)
                + ": context heads on " + ids + " windows' embeddings");
        float[][] out = Inference.run(student, manager, feeder, all, BATCH, StudentBlock.LOGITS, StudentBlock.REP);
        int e = out[1].length / ids;
        ContextStage.Inputs in = new ContextStage.Inputs(windows, out[1], e, out[0], k,
                views != null ? views.classIndices() : windows.classIndices(), PastWindows.table(windows, maxPast),
                maxPast);
        int[] trainIds = views != null ? views.ids(fold.train()) : fold.train();
        float[] testLogits = noContext;
        List<Map<String, Object>> sweep = new ArrayList<>();
        double mainValidationF1 = Double.NaN;
        for (int past : pasts.descendingSet()) {
            boolean main = past == mainPast;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seconds", past * stride);
            row.put("pastWindows", past);
            if (past == 0) {
                row.put("testMacroF1", f1(windows, fold.test(), noContext, k));
                row.put("parameters", 0);
                sweep.add(row);
                continue;
            }
            long seed = c.seed("context", "fold-" + f, "seed-" + s, "past-" + past);
            StageSettings settings = RunContext.stage("context " + past + " " + v.name(),
                    c.config().training().context(), seed, false);
            try (TrainedModel<ContextHeadBlock> head = ContextStage.train(in, fold, trainIds, past,
                    cx.projection(), targets, cx.headLoss().equals("labels") ? DistillationStrategy.none()
                            : v.strategy(), v.kd(), settings, seed,
                    RunLayout.contextCheckpoint(dir, past), c.progress())) {
                float[] test = ContextStage.logits(in, head.block(), head.model().getNDManager(), fold.test());
                row.put("testMacroF1", f1(windows, fold.test(), test, k));
                row.put("validationMacroF1", head.result().bestValidationF1());
                row.put("parameters", head.block().parameterCount());
                row.put("flopsPerWindow", head.block().flopsPerWindow());
                if (main) {
                    AtomicFiles.write(RunLayout.contextHeadWeights(dir), StageTrainer.weights(head.block()));
                    testLogits = test;
                    mainValidationF1 = head.result().bestValidationF1();
                }
            }
            sweep.add(row);
        }
        sweep.sort((a, b) -> Double.compare((Double) a.get("seconds"), (Double) b.get("seconds")));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(RunLayout.contextSweep(dir), json.writeValueAsBytes(Map.of("fold", f, "strategy", v.name(),
                "seed", s, "lengths", sweep)));
        Map<String, Object> extra = new LinkedHashMap<>();
        if (mainPast > 0) {
            extra.put("contextSeconds", mainPast * stride);
            extra.put("macroF1WithoutContext", f1(windows, fold.test(), noContext, k));
            // read by export's choice of strategy (StudentExporter.CONTEXT_VALIDATION_F1)
            extra.put("contextValidationMacroF1", mainValidationF1);
        }
        for (int past : pasts) {
            RunLayout.contextCheckpoint(dir, past).toFile().delete();
        }
        return new Outcome(testLogits, extra);
    }

    private static double f1(WindowSet windows, int[] test, float[] logits, int k) {
        return WindowScoring.score(windows, test, Inference.argmax(logits, k)).macroF1();
    }
}
