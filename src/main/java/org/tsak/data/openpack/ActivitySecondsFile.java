package org.tsak.data.openpack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.tsak.data.DataFormatException;
import org.tsak.data.Operations;
import org.tsak.data.SecondLabels;

/**
 * The per-second labels of OpenPack release v0.3.0 ({@code annotation/activity-1s/<session>.csv},
 * columns {@code unixtime,user,session,box,operation,action}; {@code unixtime} in ms on whole
 * seconds, {@code operation} an OpenPack operation id, {@code box} the box number; {@code user},
 * {@code session} and the finer {@code action} are not used). A time {@code t} belongs to the second
 * {@code floor(t / 1000) * 1000}; seconds the file does not list are Null with box 0.
 */
public final class ActivitySecondsFile {

    private final long[] secondsMs;
    private final int[] operationIds;
    private final int[] boxes;

    private ActivitySecondsFile(long[] secondsMs, int[] operationIds, int[] boxes) {
        this.secondsMs = secondsMs;
        this.operationIds = operationIds;
        this.boxes = boxes;
    }

    /**
     * Reads the file.
     *
     * @throws DataFormatException naming line, column and value if a column is missing, a time is
     *                             not a whole second or not ascending, an id is not an OpenPack
     *                             operation or a box is not a non-negative whole number
     * @throws IOException         if it cannot be read
     */
    public static ActivitySecondsFile read(Path file) throws IOException {
        NumericCsv csv = NumericCsv.read(file, "unixtime", List.of("operation", "box"));
        long[] t = csv.timesMs();
        float[] op = csv.column(0);
        float[] box = csv.column(1);
        int n = t.length;
        int[] ids = new int[n];
        int[] boxes = new int[n];
        for (int i = 0; i < n; i++) {
            long line = NumericCsv.lineOf(i);
            if (t[i] % 1000 != 0) {
                throw new DataFormatException(file, line, "unixtime", Long.toString(t[i]),
                        "per-second labels must be on whole seconds (multiples of 1000 ms)");
            }
            if (i > 0 && t[i] <= t[i - 1]) {
                throw new DataFormatException(file, line, "unixtime", Long.toString(t[i]),
                        "time does not increase after " + t[i - 1] + "; seconds must be ascending and unique");
            }
            String text = op[i] == Math.rint(op[i]) ? Integer.toString((int) op[i]) : Float.toString(op[i]);
            ids[i] = OperationSegments.parseId(file, line, "operation", text);
            if (!(box[i] >= 0) || box[i] != Math.rint(box[i]) || box[i] > Integer.MAX_VALUE) {
                throw new DataFormatException(file, line, "box", Float.toString(box[i]),
                        "box number is not a non-negative whole number; fix the row");
            }
            boxes[i] = (int) box[i];
        }
        return new ActivitySecondsFile(t, ids, boxes);
    }

    /** Number of labelled seconds. */
    public int size() {
        return secondsMs.length;
    }

    /** The file as 1 Hz ground truth. */
    public SecondLabels groundTruth() {
        return new SecondLabels(secondsMs, operationIds);
    }

    /**
     * Labels ascending sample times by their second.
     *
     * @param timesMs sample times in ms
     * @param idsOut  receives the operation id of each sample's second (Null where not listed)
     * @param boxOut  receives the box number of each sample's second (0 where not listed)
     * @return the number of samples whose second is not listed
     */
    public int label(long[] timesMs, int[] idsOut, int[] boxOut) {
        int unlisted = 0;
        for (int i = 0; i < timesMs.length; i++) {
            int k = Arrays.binarySearch(secondsMs, Math.floorDiv(timesMs[i], 1000L) * 1000L);
            if (k >= 0) {
                idsOut[i] = operationIds[k];
                boxOut[i] = boxes[k];
            } else {
                idsOut[i] = Operations.NULL_ID;
                boxOut[i] = 0;
                unlisted++;
            }
        }
        return unlisted;
    }

    /** Number of listed seconds labelled Null. */
    public int nullSeconds() {
        int n = 0;
        for (int id : operationIds) {
            if (id == Operations.NULL_ID) {
                n++;
            }
        }
        return n;
    }
}
