package org.tsak.data.hands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tsak.config.DataConfig;
import org.tsak.config.Seeds;
import org.tsak.data.PreparedData;
import org.tsak.data.window.ChannelView;
import org.tsak.data.window.WindowSet;
import org.tsak.eval.WindowScoring;

/**
 * The fold that tests the left-handed worker W03 on the demo's line (5 workers x 2 sessions x
 * 6 boxes, data seed {@code Seeds.derive(42, "data")}), trained on W01, W02, W04 and W05, with
 * a transparent classifier: nearest centroid on per-window mean and standard deviation of each
 * channel, z-scored on the training windows. Mirroring W03 to a right-handed worker must lift
 * both all-channel and one-wrist scores, and the dominant-wrist student must see exactly what
 * the mirrored right wrist shows.
 */
class LeftHandedFoldTest {

    private static PreparedData asRecorded;
    private static PreparedData mirrored;
    private static PreparedData dominant;

    @BeforeAll
    static void prepare() throws IOException {
        long seed = Seeds.derive(42, "data");
        asRecorded = PreparedData.prepare(demo("right", "as-recorded"), seed);
        mirrored = PreparedData.prepare(demo("right", "mirror-to-right"), seed);
        dominant = PreparedData.prepare(demo("dominant", "as-recorded"), seed);
    }

    private static DataConfig demo(String studentHand, String handedness) {
        return new DataConfig("simulator", null, new DataConfig.SimulatorSettings(5, 2, 6, 30.0), null, null, null,
                studentHand, handedness);
    }

    @Test
    void mirroringLiftsTheLeftHandedFold() {
        double allAsRecorded = w03MacroF1(asRecorded, asRecorded.teacherView());
        double allMirrored = w03MacroF1(mirrored, mirrored.teacherView());
        double wristAsRecorded = w03MacroF1(asRecorded, asRecorded.studentView());
        double wristMirrored = w03MacroF1(mirrored, mirrored.studentView());
        double wristDominant = w03MacroF1(dominant, dominant.studentView());
        System.out.printf("nearest centroid, macro-F1 on W03 (train W01 W02 W04 W05): all channels %.3f as recorded,"
                + " %.3f mirrored to right; student right wrist %.3f as recorded, %.3f mirrored; dominant wrist %.3f%n",
                allAsRecorded, allMirrored, wristAsRecorded, wristMirrored, wristDominant);
        assertTrue(allMirrored >= allAsRecorded + 0.15, allMirrored + " vs " + allAsRecorded);
        assertTrue(wristMirrored >= wristAsRecorded + 0.10, wristMirrored + " vs " + wristAsRecorded);
        assertEquals(wristMirrored, wristDominant, 1e-12,
                "the dominant wrist is W03's left wrist seen as a right one, as in the mirrored recording");
    }

    /** Nearest-centroid macro-F1 (official OpenPack rule) on W03, trained on the other workers. */
    static double w03MacroF1(PreparedData data, ChannelView view) {
        WindowSet set = data.windows();
        int[] test = set.indicesOf(w -> set.recordings().get(w.recording()).subjectId().equals("W03"));
        int[] train = set.indicesOf(w -> !set.recordings().get(w.recording()).subjectId().equals("W03"));
        double[][] trainF = features(set, view, train);
        double[][] testF = features(set, view, test);
        int d = trainF[0].length;
        double[] mu = new double[d];
        double[] sd = new double[d];
        for (double[] f : trainF) {
            for (int j = 0; j < d; j++) {
                mu[j] += f[j] / trainF.length;
            }
        }
        for (double[] f : trainF) {
            for (int j = 0; j < d; j++) {
                sd[j] += (f[j] - mu[j]) * (f[j] - mu[j]) / trainF.length;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j]) + 1e-9;
        }
        int[] y = set.classIndices(train);
        int classes = 11;
        double[][] centroid = new double[classes][d];
        int[] count = new int[classes];
        for (int k = 0; k < train.length; k++) {
            count[y[k]]++;
            for (int j = 0; j < d; j++) {
                centroid[y[k]][j] += (trainF[k][j] - mu[j]) / sd[j];
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < d; j++) {
                centroid[c][j] /= Math.max(1, count[c]);
            }
        }
        int[] predicted = new int[test.length];
        for (int k = 0; k < test.length; k++) {
            double best = Double.MAX_VALUE;
            for (int c = 0; c < classes; c++) {
                if (count[c] == 0) {
                    continue;
                }
                double dist = 0;
                for (int j = 0; j < d; j++) {
                    double z = (testF[k][j] - mu[j]) / sd[j] - centroid[c][j];
                    dist += z * z;
                }
                if (dist < best) {
                    best = dist;
                    predicted[k] = c;
                }
            }
        }
        return WindowScoring.score(set, test, predicted).macroF1();
    }

    /** Per window and channel: mean and standard deviation over the window's samples. */
    static double[][] features(WindowSet set, ChannelView view, int[] windows) {
        int c = view.size();
        int l = set.windowSamples();
        double[][] out = new double[windows.length][2 * c];
        float[] buf = new float[c * l];
        for (int k = 0; k < windows.length; k++) {
            set.fill(windows, k, 1, view, null, buf);
            for (int ch = 0; ch < c; ch++) {
                float[] row = Arrays.copyOfRange(buf, ch * l, (ch + 1) * l);
                double s = 0;
                double q = 0;
                for (float v : row) {
                    s += v;
                    q += (double) v * v;
                }
                double mean = s / l;
                out[k][2 * ch] = mean;
                out[k][2 * ch + 1] = Math.sqrt(Math.max(0, q / l - mean * mean));
            }
        }
        return out;
    }
}
