package org.tsak.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tsak.baseline.RandomForestBaseline;
import org.tsak.config.EvaluationConfig;
import org.tsak.data.window.ChannelView;
import org.tsak.data.window.Split;
import org.tsak.io.RunLayout;

/**
 * The classical baselines of one fold (docs/METHOD.md, "Judging a strategy"): a random forest
 * on per-window statistics of the student's channels and one of all the teacher's channels,
 * trained on the fold's training windows and scored on its test windows by the same rule as
 * the deep models. A deep student below the first has not learned what its input holds.
 */
final class BaselineTask {

    /** Folder and row name of the baseline on the student's channels. */
    static final String STUDENT_CHANNELS = EvaluationConfig.BASELINES.get(0);
    /** Folder and row name of the baseline on the student's channels with the temporal context. */
    static final String STUDENT_CHANNELS_CONTEXT = EvaluationConfig.BASELINES.get(1);
    /** Folder and row name of the baseline on all channels. */
    static final String ALL_CHANNELS = EvaluationConfig.BASELINES.get(2);

    private BaselineTask() {
    }

    /**
     * The baselines of a run, as {@code evaluation.baselines} lists them (by default every one that
     * applies: with a context head ({@code model.context.seconds > 0}) also the forest on the
     * student's channels with the same context, so that the student with context is compared with
     * a classical model that sees the same past).
     */
    static List<String> names(RunContext c) {
        return c.config().evaluation().baselinesFor(c.config().model().context().enabled());
    }

    /** Fits and scores the named baseline of fold {@code f}, unless finished earlier. */
    static void run(RunContext c, int f, String name) throws IOException {
        Path dir = c.layout().baseline(f, name);
        String key = TaskKeys.baseline(c, f, name);
        if (c.resume() && TaskKeys.finished(dir, key)) {
            return;
        }
        FoldTargets.claim(c, f, dir, key, "baseline " + name);
        ChannelView view = name.equals(ALL_CHANNELS) ? c.data().teacherView() : c.data().studentView();
        int past = name.equals(STUDENT_CHANNELS_CONTEXT) ? org.tsak.config.ModelConfig.Context.pastWindows(
                c.config().model().context().seconds(), c.config().data().window().strideSeconds()) : 0;
        Split fold = c.data().folds().get(f);
        RandomForestBaseline forest = new RandomForestBaseline(c.config().evaluation().baselineTrees(), c.seed("baseline", name, "fold-" + f));
        c.progress().status("fold " + (f + 1) + ": baseline " + name + " (" + forest.describe() + ")");
        long t0 = System.nanoTime();
        int[] predicted = forest.fitPredict(c.data().windows(), view, fold.train(), fold.test(), past);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("fold", f);
        extra.put("strategy", name);
        extra.put("channels", view.names());
        extra.put("description", forest.describe() + (past > 0 ? ", with the statistics of " + past
                + " past windows in lag blocks" : ""));
        extra.put("fitSeconds", (System.nanoTime() - t0) / 1e9);
        ModelScoring.classes(dir, "baseline", c.data().windows(), fold.test(), predicted, List.of(), extra);
    }
}
