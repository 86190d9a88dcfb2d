package org.tsak.data.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tsak.data.Operations;
import org.tsak.data.Recording;

/**
 * The simulator's purpose: one wrist's accelerometer must be clearly less informative than
 * all sensors, and the all-sensor problem learnable but not trivial. Measured with a
 * transparent baseline: 2 s windows (60 samples, stride 30), per-channel mean and standard
 * deviation, z-scored on training data, nearest centroid; train W01-W03, test W04.
 */
class SimulatedInformativenessTest {

    private static final int WINDOW = 60;
    private static final int STRIDE = 30;
    private static final List<String> ONE_HAND =
            List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z");

    @Test
    void allSensorsBeatOneWristAccelerometerClearly() {
        List<Recording> recs = new FactorySimulator(new SimulatorConfig(4, 2, 4, 7L)).simulate();
        List<Recording> train = recs.stream().filter(r -> !r.subjectId().equals("W04")).toList();
        List<Recording> test = recs.stream().filter(r -> r.subjectId().equals("W04")).toList();

        int[][] allConfusion = nearestCentroidConfusion(train, test, FactorySimulator.CHANNELS);
        int[][] oneConfusion = nearestCentroidConfusion(train, test, ONE_HAND);
        double all = accuracy(allConfusion);
        double oneHand = accuracy(oneConfusion);
        double trainAll = accuracy(nearestCentroidConfusion(train, train, FactorySimulator.CHANNELS));
        System.out.printf("nearest-centroid accuracy on W04: all sensors %.3f, right_wrist acc only %.3f"
                + " (all sensors on training workers %.3f)%n", all, oneHand, trainAll);
        double allPairs = pairConfusion(allConfusion);
        double onePairs = pairConfusion(oneConfusion);
        System.out.printf("windows of the designed pairs taken for their partner: all sensors %.3f,"
                + " right_wrist acc only %.3f%n", allPairs, onePairs);
        assertTrue(onePairs >= allPairs + 0.10, "the designed pairs should confuse one wrist's accelerometer");

        assertTrue(all - oneHand >= 0.10, "all sensors " + all + " vs one hand " + oneHand);
        assertTrue(all >= 0.6, "all-sensor problem should be learnable: " + all);
        assertTrue(all <= 0.97, "all-sensor problem should not be trivial: " + all);
        assertTrue(oneHand >= 0.2, "one hand should still carry some information (chance ~0.1): " + oneHand);
    }

    /** Feature rows: mean and std per chosen channel; label of the window's last sample. */
    private record Windows(List<double[]> features, List<Integer> labels) {
    }

    private static Windows windows(List<Recording> recs, List<String> channels) {
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (Recording r : recs) {
            int[] idx = channels.stream().mapToInt(r::channelIndex).toArray();
            for (int end = WINDOW; end <= r.sampleCount(); end += STRIDE) {
                int label = r.sampleLabels()[end - 1];
                if (label == Operations.NULL_ID) {
                    continue;
                }
                double[] f = new double[2 * idx.length];
                for (int k = 0; k < idx.length; k++) {
                    float[] ch = r.channel(idx[k]);
                    double sum = 0;
                    double sq = 0;
                    for (int i = end - WINDOW; i < end; i++) {
                        sum += ch[i];
                        sq += (double) ch[i] * ch[i];
                    }
                    double mean = sum / WINDOW;
                    f[2 * k] = mean;
                    f[2 * k + 1] = Math.sqrt(Math.max(0, sq / WINDOW - mean * mean));
                }
                xs.add(f);
                ys.add(Operations.indexOf(label));
            }
        }
        return new Windows(xs, ys);
    }

    /** The operation pairs designed to look alike to the dominant wrist's accelerometer. */
    private static final int[][] PAIRS = {{600, 800}, {200, 1000}, {400, 500}, {700, 900}};

    /** Fraction of the pairs' test windows predicted as the partner operation. */
    private static double pairConfusion(int[][] confusion) {
        int partner = 0;
        int total = 0;
        for (int[] pair : PAIRS) {
            int a = Operations.indexOf(pair[0]);
            int b = Operations.indexOf(pair[1]);
            partner += confusion[a][b] + confusion[b][a];
            total += java.util.Arrays.stream(confusion[a]).sum() + java.util.Arrays.stream(confusion[b]).sum();
        }
        return partner / (double) total;
    }

    static double accuracy(int[][] confusion) {
        int correct = 0;
        int total = 0;
        for (int i = 0; i < confusion.length; i++) {
            for (int j = 0; j < confusion.length; j++) {
                total += confusion[i][j];
                correct += i == j ? confusion[i][j] : 0;
            }
        }
        return correct / (double) total;
    }

    /** Confusion counts {@code [true class][predicted class]} over the ten operations. */
    static int[][] nearestCentroidConfusion(List<Recording> train, List<Recording> test, List<String> channels) {
        Windows tr = windows(train, channels);
        Windows te = windows(test, channels);
        int d = tr.features().get(0).length;
        double[] mu = new double[d];
        double[] sd = new double[d];
        for (double[] f : tr.features()) {
            for (int j = 0; j < d; j++) {
                mu[j] += f[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mu[j] /= tr.features().size();
        }
        for (double[] f : tr.features()) {
            for (int j = 0; j < d; j++) {
                sd[j] += (f[j] - mu[j]) * (f[j] - mu[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j] / tr.features().size()) + 1e-9;
        }
        int classes = 10;
        double[][] centroid = new double[classes][d];
        int[] count = new int[classes];
        for (int k = 0; k < tr.features().size(); k++) {
            int y = tr.labels().get(k);
            count[y]++;
            double[] f = tr.features().get(k);
            for (int j = 0; j < d; j++) {
                centroid[y][j] += (f[j] - mu[j]) / sd[j];
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < d; j++) {
                centroid[c][j] /= Math.max(1, count[c]);
            }
        }
        int[][] confusion = new int[classes][classes];
        for (int k = 0; k < te.features().size(); k++) {
            double[] f = te.features().get(k);
            int best = -1;
            double bestDist = Double.MAX_VALUE;
            for (int c = 0; c < classes; c++) {
                if (count[c] == 0) {
                    continue;
                }
                double dist = 0;
                for (int j = 0; j < d; j++) {
                    double z = (f[j] - mu[j]) / sd[j] - centroid[c][j];
                    dist += z * z;
                }
                if (dist < bestDist) {
                    bestDist = dist;
                    best = c;
                }
            }
            confusion[te.labels().get(k)][best]++;
        }
        return confusion;
    }
}
