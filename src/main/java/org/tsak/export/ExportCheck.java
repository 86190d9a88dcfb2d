package org.tsak.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tsak.config.ConfigLoader;
import org.tsak.config.ExperimentConfig;
import org.tsak.config.Seeds;
import org.tsak.data.Operations;
import org.tsak.data.PreparedData;
import org.tsak.data.window.ChannelView;
import org.tsak.data.window.Split;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.PastWindows;
import org.tsak.deploy.ContextHead;
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentRuntime;
import org.tsak.eval.WindowScoring;
import org.tsak.io.RunLayout;
import org.tsak.model.ContextHeadBlock;
import org.tsak.model.StudentBlock;
import org.tsak.model.StudentSpec;
import org.tsak.train.Inference;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Checks an exported student against the DJL student it came from, on the run's own test
 * windows: the largest logit difference of the pure-Java runtime (float and int8) and the
 * test macro-F1 of each.
 *
 * <p>A student with a temporal context head is checked with its head: DJL runs the student on the
 * test windows and the windows in their past ({@link PastWindows}: same recording, whole strides
 * before, absent before the start or across a gap) and its {@code ContextHeadBlock} on them; the
 * runtimes get each test window's past projections explicitly
 * ({@link StudentRuntime#logitsWithContext}), the function the stateful stream call computes.
 *
 * @param windows            test windows compared
 * @param maxAbsDiffFloat    largest |runtime logit - DJL logit| (float runtime)
 * @param maxAbsDiffInt8     the same for the int8 runtime
 * @param macroF1Djl         test macro-F1 of the DJL student
 * @param macroF1Float       of the float runtime
 * @param macroF1Int8        of the int8 runtime
 */
public record ExportCheck(int windows, double maxAbsDiffFloat, double maxAbsDiffInt8, double macroF1Djl,
        double macroF1Float, double macroF1Int8) {

    /**
     * Rebuilds the run's data (same config, same seed), reloads the DJL student and compares.
     *
     * @param runDir   the run folder
     * @param artifact the exported student
     * @param strategy the student's strategy folder
     * @param seed     the student's seed index
     */
    public static ExportCheck run(Path runDir, StudentArtifact artifact, String strategy, int seed)
            throws IOException {
        return run(runDir, artifact, strategy, 0, seed);
    }

    /**
     * Rebuilds the run's data (same config, same seed), reloads the DJL student of one fold and
     * compares on that fold's test windows.
     *
     * @param fold the student's fold, 0-based
     */
    public static ExportCheck run(Path runDir, StudentArtifact artifact, String strategy, int fold, int seed)
            throws IOException {
        if (artifact.contextHead() != null) {
            return runWithContext(runDir, artifact, strategy, fold, seed);
        }
        TestWindows t = TestWindows.load(runDir, artifact, strategy, fold, seed);
        int c = artifact.inputChannels();
        int l = artifact.windowSamples();
        int k = Operations.CLASS_COUNT;
        int[] test = t.test();
        float[] raw = t.raw();
        float[] djl = t.djlLogits();
        WindowSet set = t.windows();
        StudentRuntime floatRt = StudentRuntime.of(artifact);
        StudentRuntime int8Rt = StudentRuntime.quantised(artifact);
        float[] window = new float[c * l];
        float[] out = new float[k];
        float[] outQ = new float[k];
        int[] predF = new int[test.length];
        int[] predQ = new int[test.length];
        double diffF = 0;
        double diffQ = 0;
        for (int i = 0; i < test.length; i++) {
            System.arraycopy(raw, i * c * l, window, 0, c * l);
            floatRt.logits(window, out);
            int8Rt.logits(window, outQ);
            for (int j = 0; j < k; j++) {
                diffF = Math.max(diffF, Math.abs(out[j] - djl[i * k + j]));
                diffQ = Math.max(diffQ, Math.abs(outQ[j] - djl[i * k + j]));
            }
            predF[i] = StudentRuntime.argmax(out);
            predQ[i] = StudentRuntime.argmax(outQ);
        }
        int[] predD = Inference.argmax(djl, k);
        return new ExportCheck(test.length, diffF, diffQ, WindowScoring.score(set, test, predD).macroF1(),
                WindowScoring.score(set, test, predF).macroF1(), WindowScoring.score(set, test, predQ).macroF1());
    }

    /**
     * The run's test windows in raw units (NCW, row-major) and the DJL student's logits for them.
     *
     * @param windows   all windows of the rebuilt data
     * @param test      test window indices
     * @param raw       raw student-channel windows, {@code test.length x C x L}
     * @param djlLogits the DJL student's logits, {@code test.length x K}
     */
    public record TestWindows(WindowSet windows, int[] test, float[] raw, float[] djlLogits) {

        /** Rebuilds the run's data (same config and seed) and runs the saved DJL student on its test windows. */
        public static TestWindows load(Path runDir, StudentArtifact artifact, String strategy, int seed)
                throws IOException {
            return load(runDir, artifact, strategy, 0, seed);
        }

        /** The same for fold {@code foldIndex} (0-based). */
        public static TestWindows load(Path runDir, StudentArtifact artifact, String strategy, int foldIndex,
                int seed) throws IOException {
            Path configFile = runDir.resolve("config.yaml");
            ExperimentConfig config = ConfigLoader.parse(Files.readString(configFile), configFile.toString());
            PreparedData data = PreparedData.prepare(config.data(), Seeds.derive(config.seed(), "data"));
            WindowSet set = data.windows();
            Split fold = data.folds().get(foldIndex);
            int[] test = fold.test();
            ChannelView view = ChannelView.of(set.channels(), artifact.channelNames());
            int c = view.size();
            int l = set.windowSamples();
            float[] raw = set.fill(test, view, null);
            float[] norm = set.fill(test, view, data.normalisation(fold));
            Path foldDir = StudentExporter.foldDir(runDir, foldIndex);
            Path params = foldDir.resolve("students/" + strategy + "/seed-" + seed + "/student.params");
            StudentSpec spec = StudentSpec.of(config.model().student().forRow(strategy), c, l, Operations.CLASS_COUNT);
            try (NDManager m = NDManager.newBaseManager()) {
                StudentBlock block = StudentExporter.loadStudent(spec, params, m);
                float[] djl = Inference.run(block, m, (mm, ex, from, count) -> new ai.djl.ndarray.NDList(mm.create(
                        java.util.Arrays.copyOfRange(norm, from * c * l, (from + count) * c * l),
                        new Shape(count, c, l))), identity(test.length), 256, StudentBlock.LOGITS)[0];
                return new TestWindows(set, test, raw, djl);
            }
        }
    }

    private static ExportCheck runWithContext(Path runDir, StudentArtifact artifact, String strategy, int foldIndex,
            int seed) throws IOException {
        ContextHead head = artifact.contextHead();
        int steps = head.steps();
        int e = head.representationSize();
        int h = head.projectionSize();
        int k = head.classes();
        Path configFile = runDir.resolve("config.yaml");
        ExperimentConfig config = ConfigLoader.parse(Files.readString(configFile), configFile.toString());
        PreparedData data = PreparedData.prepare(config.data(), Seeds.derive(config.seed(), "data"));
        WindowSet set = data.windows();
        Split fold = data.folds().get(foldIndex);
        int[] test = fold.test();
        int[] table = PastWindows.table(set, steps - 1);
        // the test windows and every window in their past, each once
        java.util.TreeSet<Integer> needed = new java.util.TreeSet<>();
        for (int w : test) {
            for (int j = 0; j < steps; j++) {
                int pw = table[w * steps + j];
                if (pw >= 0) {
                    needed.add(pw);
                }
            }
        }
        int[] ids = needed.stream().mapToInt(Integer::intValue).toArray();
        java.util.Map<Integer, Integer> row = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            row.put(ids[i], i);
        }
        ChannelView view = ChannelView.of(set.channels(), artifact.channelNames());
        int c = view.size();
        int l = set.windowSamples();
        float[] raw = set.fill(ids, view, null);
        float[] norm = set.fill(ids, view, data.normalisation(fold));
        Path studentDir = StudentExporter.foldDir(runDir, foldIndex).resolve("students/" + strategy + "/seed-" + seed);
        StudentSpec spec = StudentSpec.of(config.model().student().forRow(strategy), c, l, k);
        float[] djl;
        try (NDManager m = NDManager.newBaseManager()) {
            StudentBlock block = StudentExporter.loadStudent(spec, RunLayout.studentWeights(studentDir), m);
            float[][] out = Inference.run(block, m, (mm, ex, from, count) -> new ai.djl.ndarray.NDList(mm.create(
                    java.util.Arrays.copyOfRange(norm, from * c * l, (from + count) * c * l),
                    new Shape(count, c, l))), identity(ids.length), 256, StudentBlock.LOGITS, StudentBlock.REP);
            float[] logits = out[0];
            float[] rep = out[1];
            ContextHeadBlock headBlock = StudentExporter.loadContextHead(steps, e, h, k,
                    RunLayout.contextHeadWeights(studentDir), m);
            djl = Inference.run(headBlock, m, (mm, ex, from, count) -> {
                float[] ctx = new float[count * steps * e];
                float[] present = new float[count * steps];
                float[] base = new float[count * k];
                for (int b = 0; b < count; b++) {
                    int w = test[ex[from + b]];
                    for (int j = 0; j < steps; j++) {
                        int pw = table[w * steps + j];
                        if (pw >= 0) {
                            present[b * steps + j] = 1f;
                            System.arraycopy(rep, row.get(pw) * e, ctx, (b * steps + j) * e, e);
                        }
                    }
                    System.arraycopy(logits, row.get(w) * k, base, b * k, k);
                }
                return new ai.djl.ndarray.NDList(mm.create(ctx, new Shape(count, steps, e)),
                        mm.create(present, new Shape(count, steps)), mm.create(base, new Shape(count, k)));
            }, identity(test.length), 256, ContextHeadBlock.LOGITS)[0];
        }
        double[] diff = new double[2];
        int[][] pred = new int[2][test.length];
        StudentRuntime[] runtimes = {StudentRuntime.of(artifact), StudentRuntime.quantised(artifact)};
        float[] window = new float[c * l];
        float[] out = new float[k];
        float[] absent = new float[(steps - 1) * h];
        float[] past = new float[(steps - 1) * h];
        for (int r = 0; r < 2; r++) {
            StudentRuntime rt = runtimes[r];
            float[][] projection = new float[ids.length][h];
            for (int i = 0; i < ids.length; i++) {
                System.arraycopy(raw, i * c * l, window, 0, c * l);
                rt.logitsWithContext(window, absent, out, projection[i]);
            }
            for (int i = 0; i < test.length; i++) {
                int w = test[i];
                for (int j = 0; j < steps - 1; j++) {
                    int pw = table[w * steps + j];
                    System.arraycopy(pw < 0 ? absent : projection[row.get(pw)], 0, past, j * h, h);
                }
                System.arraycopy(raw, row.get(w) * c * l, window, 0, c * l);
                rt.logitsWithContext(window, past, out, null);
                for (int j = 0; j < k; j++) {
                    diff[r] = Math.max(diff[r], Math.abs(out[j] - djl[i * k + j]));
                }
                pred[r][i] = StudentRuntime.argmax(out);
            }
        }
        int[] predD = Inference.argmax(djl, k);
        return new ExportCheck(test.length, diff[0], diff[1], WindowScoring.score(set, test, predD).macroF1(),
                WindowScoring.score(set, test, pred[0]).macroF1(), WindowScoring.score(set, test, pred[1]).macroF1());
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

}
