package org.tsak.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tsak.data.Recording;
import org.tsak.data.SecondLabels;
import org.tsak.data.openpack.OpenPackReader;
import org.tsak.data.window.Window;
import org.tsak.data.window.WindowSet;

/**
 * Scores per-window predictions by the OpenPack rule: each window's prediction is stamped
 * with its end time, grouped by session, and compared with the 1 Hz ground truth of the
 * seconds the scored windows span (so a time-block test part is scored on its own seconds,
 * not on the whole recording).
 */
public final class WindowScoring {

    private WindowScoring() {
    }

    /** Predictions per session key, stamped with window end times, in time order. */
    public static Map<String, TimedPredictions> predictions(WindowSet set, int[] windows, int[] predictedClass) {
        if (windows.length != predictedClass.length) {
            throw new IllegalArgumentException(windows.length + " windows but " + predictedClass.length
                    + " predictions");
        }
        List<Recording> recordings = set.recordings();
        Map<Integer, long[]> times = new LinkedHashMap<>();
        Map<Integer, int[]> classes = new LinkedHashMap<>();
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        Integer[] order = new Integer[windows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            Window wa = set.get(windows[a]);
            Window wb = set.get(windows[b]);
            int c = Integer.compare(wa.recording(), wb.recording());
            return c != 0 ? c : Long.compare(wa.endTimeMs(), wb.endTimeMs());
        });
        for (int k : order) {
            Window w = set.get(windows[k]);
            int n = counts.merge(w.recording(), 1, Integer::sum);
            long[] t = times.computeIfAbsent(w.recording(), r -> new long[windows.length]);
            int[] c = classes.computeIfAbsent(w.recording(), r -> new int[windows.length]);
            t[n - 1] = w.endTimeMs();
            c[n - 1] = predictedClass[k];
        }
        Map<String, TimedPredictions> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            int r = e.getKey();
            int n = e.getValue();
            out.put(sessionKey(recordings.get(r)), TimedPredictions.fromClassIndices(
                    Arrays.copyOf(times.get(r), n), Arrays.copyOf(classes.get(r), n)));
        }
        return out;
    }

    /** Ground truth per session key, cut to the seconds from the first to the last scored window end. */
    public static Map<String, SecondLabels> truths(WindowSet set, int[] windows) {
        Map<Integer, long[]> span = new LinkedHashMap<>();
        for (int w : windows) {
            Window win = set.get(w);
            span.merge(win.recording(), new long[] {win.endTimeMs(), win.endTimeMs()},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        Map<String, SecondLabels> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, long[]> e : span.entrySet()) {
            Recording r = set.recordings().get(e.getKey());
            long first = Math.floorDiv(e.getValue()[0], 1000L) * 1000L;
            long last = Math.floorDiv(e.getValue()[1], 1000L) * 1000L;
            SecondLabels gt = r.groundTruth();
            long[] secs = new long[gt.size()];
            int[] ids = new int[gt.size()];
            int n = 0;
            for (int i = 0; i < gt.size(); i++) {
                if (gt.secondMs(i) >= first && gt.secondMs(i) <= last) {
                    secs[n] = gt.secondMs(i);
                    ids[n++] = gt.operationId(i);
                }
            }
            out.put(sessionKey(r), new SecondLabels(Arrays.copyOf(secs, n), Arrays.copyOf(ids, n)));
        }
        return out;
    }

    /** OpenPack rule over the given windows. */
    public static EvaluationResult score(WindowSet set, int[] windows, int[] predictedClass) {
        return OpenPackScorer.score(predictions(set, windows, predictedClass), truths(set, windows));
    }

    /** The submission key of a recording ({@code U0209-S0500} for OpenPack, subject-session otherwise). */
    public static String sessionKey(Recording r) {
        return OpenPackReader.submissionKey(r);
    }
}
