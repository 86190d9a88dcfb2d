package org.tsak.data.window;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.tsak.data.Operations;
import org.tsak.data.Recording;
import org.tsak.data.SecondLabels;
import org.tsak.data.StreamGap;

/**
 * Cuts recordings into fixed-length windows, as an index ({@link WindowSet}) rather than
 * copies of the samples.
 *
 * <p>In each recording windows start at sample 0 and step by
 * {@link WindowSpec#strideSamples(double)}; a window is kept only if its last sample exists.
 * Window and stride lengths in samples come from the first recording's nominal rate; all
 * recordings must share that rate within 5% and have the same channel list in the same order.
 *
 * <p>A window spanning a gap is dropped and counted ({@link WindowSet#droppedForGaps()}). The
 * gaps are those of {@link Recording#gaps(double)}: every interval between consecutive
 * timestamps longer than {@code maxGapFactor} times the recording's nominal period
 * {@code 1000 / samplingRateHz} ms (default factor 1.5), and every {@link org.tsak.data.StreamGap}
 * of a source stream merged onto the clock (another IMU's dropout, an E4 stream's held edge value
 * outside its span), whichever channels the models later read. A window of samples {@code s} to
 * {@code e} spans a gap {@code (after, before)} when {@code t[s] < before && t[e] > after}.
 *
 * <p>Label: the 1 Hz ground truth of the second in which the window ends (the second
 * containing the last sample's timestamp); if that second has no ground truth, the last
 * sample's per-sample label.
 */
public final class Windower {

    /** Default gap threshold as a multiple of the nominal sample period. */
    public static final double DEFAULT_MAX_GAP_FACTOR = 1.5;

    /** Largest relative difference of nominal rates accepted within one window set. */
    public static final double RATE_TOLERANCE = 0.05;

    private final WindowSpec spec;
    private final double maxGapFactor;

    /** A windower with the default gap threshold (1.5 nominal periods). */
    public Windower(WindowSpec spec) {
        this(spec, DEFAULT_MAX_GAP_FACTOR);
    }

    /**
     * @param spec         window and stride durations
     * @param maxGapFactor an interval longer than this many nominal periods is a gap; &gt; 1
     */
    public Windower(WindowSpec spec, double maxGapFactor) {
        if (spec == null) {
            throw new IllegalArgumentException("window spec is null");
        }
        if (!(maxGapFactor > 1) || Double.isInfinite(maxGapFactor)) {
            throw new IllegalArgumentException("maxGapFactor must be a finite number > 1 (nominal periods), got "
                    + maxGapFactor + "; the default is " + DEFAULT_MAX_GAP_FACTOR);
        }
        this.spec = spec;
        this.maxGapFactor = maxGapFactor;
    }

    /** The window spec. */
    public WindowSpec spec() {
        return spec;
    }

    /** The gap threshold in nominal periods. */
    public double maxGapFactor() {
        return maxGapFactor;
    }

    /**
     * Windows all recordings.
     *
     * @throws IllegalArgumentException if the list is empty, channel lists differ, nominal
     *                                  rates differ by more than 5%, or a label is not an
     *                                  OpenPack operation id
     */
    public WindowSet window(List<Recording> recordings) {
        if (recordings == null || recordings.isEmpty()) {
            throw new IllegalArgumentException("no recordings to window");
        }
        Recording first = recordings.get(0);
        checkCompatible(recordings);
        double rateHz = first.samplingRateHz();
        int windowSamples = spec.windowSamples(rateHz);
        int strideSamples = spec.strideSamples(rateHz);

        WindowTable table = new WindowTable();
        int dropped = 0;
        for (int r = 0; r < recordings.size(); r++) {
            dropped += windowRecording(r, recordings.get(r), windowSamples, strideSamples, table);
        }
        return new WindowSet(recordings, spec, rateHz, windowSamples, strideSamples, table, dropped);
    }

    private static void checkCompatible(List<Recording> recordings) {
        Recording first = recordings.get(0);
        List<String> channels = first.channels();
        for (Recording rec : recordings) {
            List<String> other = rec.channels();
            if (!other.equals(channels)) {
                int n = Math.min(channels.size(), other.size());
                int k = 0;
                while (k < n && channels.get(k).equals(other.get(k))) {
                    k++;
                }
                String a = k < channels.size() ? "'" + channels.get(k) + "'" : "(none: it has " + channels.size() + " channels)";
                String b = k < other.size() ? "'" + other.get(k) + "'" : "(none: it has " + other.size() + " channels)";
                throw new IllegalArgumentException("recordings " + first.key() + " and " + rec.key()
                        + " have different channel lists: channel " + k + " is " + a + " in " + first.key()
                        + " but " + b + " in " + rec.key()
                        + "; read all recordings with the same sensor setup (or select common channels first)");
            }
            double rel = Math.abs(rec.samplingRateHz() - first.samplingRateHz()) / first.samplingRateHz();
            if (rel > RATE_TOLERANCE) {
                throw new IllegalArgumentException("recordings " + first.key() + " (" + first.samplingRateHz()
                        + " Hz) and " + rec.key() + " (" + rec.samplingRateHz()
                        + " Hz) differ in nominal sampling rate by more than "
                        + Math.round(RATE_TOLERANCE * 100) + "%; resample them to one rate before windowing");
            }
        }
    }

    /** Appends the windows of one recording to the table; returns the number dropped for gaps. */
    private int windowRecording(int r, Recording rec, int windowSamples, int strideSamples, WindowTable table) {
        long[] ts = rec.timestampsMs();
        int n = ts.length;
        BitSet spansGap = gapSpanningStarts(ts, rec.gaps(maxGapFactor), windowSamples);
        int[] sampleLabels = rec.sampleLabels();
        SecondLabels truth = rec.groundTruth();
        int dropped = 0;
        for (int start = 0; start + windowSamples <= n; start += strideSamples) {
            int end = start + windowSamples;
            if (spansGap.get(start)) {
                dropped++;
                continue;
            }
            long endTimeMs = ts[end - 1];
            int id = truth == null ? -1 : truth.idAt(endTimeMs);
            if (id == -1) {
                id = sampleLabels[end - 1];
            }
            int classIndex;
            try {
                classIndex = Operations.indexOf(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("recording " + rec.key() + ", window ending at sample "
                        + (end - 1) + " (" + endTimeMs + " ms): " + e.getMessage(), e);
            }
            table.add(r, start, endTimeMs, id, classIndex);
        }
        return dropped;
    }

    /**
     * Window start samples whose window of {@code windowSamples} samples spans one of the gaps:
     * for a gap {@code (after, before)}, with {@code lo} the first sample after {@code after} and
     * {@code hi} the last sample before {@code before}, the starts {@code lo - windowSamples + 1 .. hi}.
     */
    static BitSet gapSpanningStarts(long[] ts, List<StreamGap> gaps, int windowSamples) {
        BitSet out = new BitSet(ts.length);
        for (StreamGap g : gaps) {
            int k = Arrays.binarySearch(ts, g.afterMs());
            int lo = k >= 0 ? k + 1 : -k - 1;
            k = Arrays.binarySearch(ts, g.beforeMs());
            int hi = (k >= 0 ? k : -k - 1) - 1;
            int from = Math.max(0, lo - windowSamples + 1);
            if (hi >= from) {
                out.set(from, hi + 1);
            }
        }
        return out;
    }
}
