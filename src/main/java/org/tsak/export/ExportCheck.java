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
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentRuntime;
import org.tsak.eval.WindowScoring;
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

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

}
