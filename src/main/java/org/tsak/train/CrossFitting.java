package org.tsak.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.tsak.data.PreparedData;
import org.tsak.data.window.Split;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.ZScore;
import org.tsak.distill.TeacherTargets;
import org.tsak.model.SemanticClassifierBlock;
import org.tsak.model.TeacherBlock;

/**
 * Out-of-fold soft targets ({@code distillation.crossFitting: K}): the fold's training windows
 * are split into K parts, and the logit targets (teacher and SC logits) of each part's windows
 * come from a teacher and SC trained on the other K - 1 parts. On windows it was trained on, a
 * teacher is nearly always right and nearly certain (near one-hot soft targets: distillation then
 * adds little to the labels); out-of-fold targets carry the uncertainty it shows on people it
 * never saw, as at test time. Representation targets are left as the fold teacher's (each part
 * teacher has its own, unrelated representation space). Validation and test windows keep the
 * fold teacher's outputs; nothing here sees them except the part teachers' validation.
 */
final class CrossFitting {

    private CrossFitting() {
    }

    /**
     * The fold's training windows in {@code k} parts: by subject when the training part holds at
     * least {@code k} subjects (subjects in sorted order, dealt round-robin), else by recording.
     *
     * @throws IllegalArgumentException if there are fewer than {@code k} training recordings
     *                                  (message names {@code distillation.crossFitting}, the fold and the count)
     */
    static int[][] parts(WindowSet windows, int[] train, int k, int fold) {
        Map<String, List<Integer>> bySubject = group(windows, train, i -> windows.recordings()
                .get(windows.recordingOf(i)).subjectId());
        Map<String, List<Integer>> groups = bySubject.size() >= k ? bySubject
                : group(windows, train, i -> windows.recordings().get(windows.recordingOf(i)).key());
        if (groups.size() < k) {
            throw new IllegalArgumentException("distillation.crossFitting: " + k + " parts need at least " + k
                    + " training subjects or recordings, but fold " + fold + " trains on " + bySubject.size()
                    + " subject(s) in " + groups.size() + " recording(s)");
        }
        List<List<Integer>> out = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            out.add(new ArrayList<>());
        }
        int g = 0;
        for (List<Integer> members : groups.values()) {
            out.get(g++ % k).addAll(members);
        }
        int[][] parts = new int[k][];
        for (int p = 0; p < k; p++) {
            parts[p] = out.get(p).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return parts;
    }

    private static Map<String, List<Integer>> group(WindowSet windows, int[] idx, Function<Integer, String> key) {
        Map<String, List<Integer>> m = new TreeMap<>();
        for (int i : idx) {
            m.computeIfAbsent(key.apply(i), x -> new ArrayList<>()).add(i);
        }
        return m;
    }

    /**
     * Replaces the logit targets of the fold's training windows by out-of-fold ones.
     *
     * @param c       the run
     * @param f       fold index
     * @param targets the fold teacher's and SC's outputs the students learn from: rows = window
     *                index, or with augmented views ({@code c.views(f)} not null) rows =
     *                {@code view * windows + window}
     * @return the same targets with the teacher and SC logits of every training window (in every
     *         view) replaced by those of the part teacher and SC that did not train on it
     */
    static TeacherTargets apply(RunContext c, int f, TeacherTargets targets) throws IOException {
        PreparedData data = c.data();
        WindowSet windows = data.windows();
        Split fold = data.folds().get(f);
        int k = c.config().distillation().crossFitting();
        int[][] parts = parts(windows, fold.train(), k, f);
        ZScore norm = data.normalisation(fold);
        AugmentedViews views = c.views(f);
        float[] teacherLogits = targets.teacherLogits().clone();
        float[] scLogits = targets.scLogits().clone();
        int n = windows.size();
        int classes = targets.classes();
        String key = targets.key() + "/cross-fitting-" + k;
        for (int p = 0; p < k; p++) {
            int[] rest = without(fold.train(), parts[p]);
            Split sub = new Split(rest, fold.validation(), parts[p]);
            String name = "fold " + (f + 1) + "/" + data.folds().size() + ", cross-fitting part " + (p + 1) + "/" + k;
            c.progress().status(name + ": teacher and SC on " + rest.length + " training windows give the soft"
                    + " targets of the other " + parts[p].length);
            try (TrainedModel<TeacherBlock> teacher = TeacherStage.train(windows, sub, data.teacherView(), norm,
                    c.teacher(), RunContext.stage("teacher", c.config().training().teacher(),
                            c.seed("teacher", "fold-" + f, "cross-fit-" + p), true),
                    c.config().training().teacher().augmentation(), null, c.progress())) {
                TeacherTargets own = TargetCaching.teacherOutputs(teacher.block(), teacher.model().getNDManager(),
                        windows, data.teacherView(), norm, key + "/part-" + p);
                try (TrainedModel<SemanticClassifierBlock> sc = SemanticStage.train(windows, sub, own, c.semantic(),
                        c.config().model().semantic().labelSmoothing(), RunContext.stage("semantic",
                                c.config().training().semantic(), c.seed("semantic", "fold-" + f, "cross-fit-" + p),
                                true), null, c.progress())) {
                    TeacherTargets out = views == null ? own : TargetCaching.teacherOutputs(teacher.block(),
                            teacher.model().getNDManager(), views.teacherFeeder(), views.size(),
                            key + "/part-" + p + "/views");
                    out = TargetCaching.withSemantic(out, sc.block(), sc.model().getNDManager(), out.key());
                    int viewCount = views == null ? 1 : views.views() + 1;
                    for (int v = 0; v < viewCount; v++) {
                        copyRows(out.teacherLogits(), teacherLogits, parts[p], v * n, classes);
                        copyRows(out.scLogits(), scLogits, parts[p], v * n, classes);
                    }
                }
            }
        }
        return new TeacherTargets(key, targets.windows(), classes, targets.repSize(), teacherLogits,
                targets.attnRep(), targets.causalRep(), targets.combiRep(), scLogits);
    }

    /** Copies rows {@code offset + w} for every window {@code w} of {@code windows}. */
    private static void copyRows(float[] from, float[] to, int[] windows, int offset, int width) {
        for (int w : windows) {
            System.arraycopy(from, (offset + w) * width, to, (offset + w) * width, width);
        }
    }

    private static int[] without(int[] all, int[] removed) {
        int[] sortedRemoved = removed.clone();
        Arrays.sort(sortedRemoved);
        return Arrays.stream(all).filter(i -> Arrays.binarySearch(sortedRemoved, i) < 0).toArray();
    }
}
