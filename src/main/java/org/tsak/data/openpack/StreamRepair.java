package org.tsak.data.openpack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tsak.data.DataFormatException;
import org.tsak.data.StreamGap;

/**
 * Checks one stream as read from its file and repairs the known flaws of OpenPack files,
 * adding a note for each repair:
 * <ul>
 * <li>a bad first row (its time is before the second row's or more than
 *     max(1 s, 10 median periods) before it): dropped;</li>
 * <li>duplicate timestamps: the later row is dropped;</li>
 * <li>all-zero quaternions (w = x = y = z = 0, not a rotation): replaced by the previous valid
 *     quaternion (leading ones by the first valid one); a stream whose quaternions are all zero
 *     (release v0.3.0) is left as it is, for the session reader to refuse or leave out;</li>
 * <li>gaps (an interval over {@link #GAP_PERIODS} median periods, the windower's own threshold
 *     for the clock): kept, counted, the longest reported; the session reader turns them into
 *     {@link org.tsak.data.StreamGap}s ({@link #gaps}) and the windower drops windows spanning one.</li>
 * </ul>
 * Timestamps going backwards anywhere else fail with a {@link DataFormatException}.
 */
final class StreamRepair {

    /** A first row more than this many median periods before the second is dropped. */
    static final int BAD_FIRST_ROW_PERIODS = 10;
    /** ... or more than this many ms before it. */
    static final long BAD_FIRST_ROW_MIN_MS = 1000;
    /** An interval longer than this many median periods is a gap (as the windower's default). */
    static final double GAP_PERIODS = org.tsak.data.window.Windower.DEFAULT_MAX_GAP_FACTOR;

    private StreamRepair() {
    }

    /**
     * Cleans a stream.
     *
     * @param csv        the columns as read
     * @param label      short name of the file for notes
     * @param timeColumn name of the time column, for messages
     * @param notes      receives one note per repair or flaw found
     * @return the cleaned stream
     * @throws DataFormatException if it has fewer than two rows or times go backwards
     */
    static SensorStream clean(NumericCsv csv, String label, String timeColumn, List<String> notes) {
        long[] t = csv.timesMs();
        float[][] v = csv.columns();
        int n = t.length;
        if (n < 2) {
            throw new DataFormatException(csv.file(), "only " + n
                    + " data row; a stream needs at least two samples to measure its sampling rate");
        }
        int first = 0;
        if (n >= 3) {
            double median = medianInterval(t, 1, n);
            long d0 = t[1] - t[0];
            if (d0 < 0 || d0 > Math.max(BAD_FIRST_ROW_MIN_MS, BAD_FIRST_ROW_PERIODS * median)) {
                notes.add(label + ": first row (line 2, " + timeColumn + " " + t[0] + ") is " + d0
                        + " ms from the next row (median interval " + fmt(median) + " ms); dropped it");
                first = 1;
            }
        }
        int[] keep = null;
        int kept = 0;
        int duplicates = 0;
        long firstDuplicate = 0;
        for (int i = first; i < n; i++) {
            if (i > first) {
                long prev = t[i - 1];
                if (t[i] < prev) {
                    throw new DataFormatException(csv.file(), NumericCsv.lineOf(i), timeColumn,
                            Long.toString(t[i]), "time goes backwards from " + prev + " on line "
                            + NumericCsv.lineOf(i - 1) + "; rows must be in time order");
                }
                if (t[i] == prev) {
                    if (keep == null) {
                        keep = new int[n];
                        for (int j = first; j < i; j++) {
                            keep[j - first] = j;
                        }
                        kept = i - first;
                    }
                    if (duplicates == 0) {
                        firstDuplicate = NumericCsv.lineOf(i);
                    }
                    duplicates++;
                    continue;
                }
            }
            if (keep != null) {
                keep[kept++] = i;
            }
        }
        if (keep == null && first == 0) {
            // common case: nothing dropped, take the arrays over as they are
        } else if (keep == null) {
            t = Arrays.copyOfRange(t, first, n);
            for (int k = 0; k < v.length; k++) {
                v[k] = Arrays.copyOfRange(v[k], first, n);
            }
        } else {
            long[] nt = new long[kept];
            for (int j = 0; j < kept; j++) {
                nt[j] = t[keep[j]];
            }
            for (int k = 0; k < v.length; k++) {
                float[] nv = new float[kept];
                for (int j = 0; j < kept; j++) {
                    nv[j] = v[k][keep[j]];
                }
                v[k] = nv;
            }
            t = nt;
        }
        if (duplicates > 0) {
            notes.add(label + ": " + duplicates + " row(s) repeat the previous timestamp (first on line "
                    + firstDuplicate + "); kept the first row of each timestamp, dropped the repeats");
        }
        if (t.length < 2) {
            throw new DataFormatException(csv.file(), "fewer than two distinct timestamps after repairs;"
                    + " a stream needs at least two samples");
        }
        int quat = csv.valueColumns().indexOf("quat_w");
        if (quat >= 0) {
            repairZeroQuaternions(t, v, quat, label, notes);
        }
        double median = medianInterval(t, 0, t.length);
        noteGaps(t, median, label, notes);
        return new SensorStream(csv.file(), label, csv.valueColumns(), t, v, median);
    }

    /** Median of {@code t[i+1]-t[i]} over {@code from <= i < to-1}. */
    static double medianInterval(long[] t, int from, int to) {
        int m = to - from - 1;
        if (m <= 0) {
            return 0;
        }
        long[] d = new long[m];
        for (int i = 0; i < m; i++) {
            d[i] = t[from + i + 1] - t[from + i];
        }
        Arrays.sort(d);
        return m % 2 == 1 ? d[m / 2] : (d[m / 2 - 1] + d[m / 2]) / 2.0;
    }

    private static void repairZeroQuaternions(long[] t, float[][] v, int w, String label, List<String> notes) {
        float[] qw = v[w];
        float[] qx = v[w + 1];
        float[] qy = v[w + 2];
        float[] qz = v[w + 3];
        int n = t.length;
        int repaired = 0;
        int last = -1;
        int firstZero = -1;
        for (int i = 0; i < n; i++) {
            boolean zero = qw[i] == 0f && qx[i] == 0f && qy[i] == 0f && qz[i] == 0f;
            if (!zero) {
                last = i;
                continue;
            }
            repaired++;
            if (firstZero < 0) {
                firstZero = i;
            }
            if (last >= 0) {
                qw[i] = qw[last];
                qx[i] = qx[last];
                qy[i] = qy[last];
                qz[i] = qz[last];
            }
        }
        if (repaired == 0) {
            return;
        }
        if (last < 0) {
            return; // no orientation at all (OpenPack v0.3.0): the session reader refuses or leaves it out
        }
        int leading = 0;
        int firstValid = 0;
        while (firstValid < n && qw[firstValid] == 0f && qx[firstValid] == 0f && qy[firstValid] == 0f
                && qz[firstValid] == 0f) {
            firstValid++;
        }
        for (int i = 0; i < firstValid; i++) {
            qw[i] = qw[firstValid];
            qx[i] = qx[firstValid];
            qy[i] = qy[firstValid];
            qz[i] = qz[firstValid];
            leading++;
        }
        notes.add(label + ": " + repaired + " all-zero quaternion row(s) (first at " + t[firstZero]
                + " ms); replaced each by the previous valid quaternion"
                + (leading > 0 ? " (" + leading + " leading one(s) by the first valid quaternion)" : ""));
    }

    private static void noteGaps(long[] t, double median, String label, List<String> notes) {
        double limit = GAP_PERIODS * median;
        int gaps = 0;
        long longest = 0;
        long longestAt = 0;
        for (int i = 1; i < t.length; i++) {
            long d = t[i] - t[i - 1];
            if (d > limit) {
                gaps++;
                if (d > longest) {
                    longest = d;
                    longestAt = t[i - 1];
                }
            }
        }
        if (gaps > 0) {
            notes.add(label + ": " + gaps + " gap(s) longer than " + fmt(limit)
                    + " ms (" + GAP_PERIODS + " median intervals), longest " + longest + " ms after "
                    + longestAt + " ms; kept as they are: windows spanning a gap are dropped");
        }
    }

    /**
     * The gaps of a cleaned stream: every interval of {@code t} longer than {@link #GAP_PERIODS}
     * times {@code medianMs}, as {@link StreamGap}s of {@code stream}.
     */
    static List<StreamGap> gaps(long[] t, double medianMs, String stream) {
        double limit = GAP_PERIODS * medianMs;
        List<StreamGap> out = new ArrayList<>();
        for (int i = 1; i < t.length; i++) {
            if (t[i] - t[i - 1] > limit) {
                out.add(new StreamGap(stream, t[i - 1], t[i]));
            }
        }
        return out;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
