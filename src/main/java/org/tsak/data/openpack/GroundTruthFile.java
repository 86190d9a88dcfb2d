package org.tsak.data.openpack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.tsak.data.DataFormatException;
import org.tsak.data.SecondLabels;

/**
 * Reads the official 1 Hz ground truth of a session
 * ({@code annotation/openpack-operations-1hz/<session>.csv}, columns
 * {@code unixtime,user,session,box,id}; only {@code unixtime} and {@code id} are used).
 */
public final class GroundTruthFile {

    private GroundTruthFile() {
    }

    /**
     * Reads the file into {@link SecondLabels}.
     *
     * @throws DataFormatException if a column is missing, a time is not a whole second or not
     *                             ascending, or an id is not an OpenPack operation id
     * @throws IOException         if it cannot be read
     */
    public static SecondLabels read(Path file) throws IOException {
        NumericCsv csv = NumericCsv.read(file, "unixtime", List.of("id"));
        long[] t = csv.timesMs();
        float[] idf = csv.column(0);
        int[] ids = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            long line = NumericCsv.lineOf(i);
            if (t[i] % 1000 != 0) {
                throw new DataFormatException(file, line, "unixtime", Long.toString(t[i]),
                        "1 Hz ground truth times must be whole seconds (multiples of 1000 ms)");
            }
            if (i > 0 && t[i] <= t[i - 1]) {
                throw new DataFormatException(file, line, "unixtime", Long.toString(t[i]),
                        "time does not increase after " + t[i - 1] + "; seconds must be ascending and unique");
            }
            String text = idf[i] == Math.rint(idf[i]) ? Integer.toString((int) idf[i]) : Float.toString(idf[i]);
            ids[i] = OperationSegments.parseId(file, line, "id", text);
        }
        return new SecondLabels(t, ids);
    }
}
