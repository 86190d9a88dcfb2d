package org.tsak.data.openpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.Recording;
import org.tsak.testing.SharedDatasets;

/**
 * A short segment added inside a longer one of the real sample's segment file, with the 1 Hz
 * file absent so that labels come from the segments. The outer segment is line 3, Relocate Item
 * Label (200) of box 1, 14:25:30.304 to 14:25:56.039 +09:00; the added line 195 is Scan Label
 * (700), 14:25:40 to 14:25:45. Samples are 30 ms apart from 14:25:21.000 (1648531521000).
 */
class NestedSegmentsSampleTest {

    private static final long AT_40 = 1648531540000L;
    private static final long AT_45 = 1648531545000L;

    @Test
    void theInnerSegmentLabelsItsOwnSpanAndTheOuterOneResumesAfterIt(@TempDir Path dir) throws IOException {
        Path root = SampleCopy.copy(SharedDatasets.openPackSampleOrSkip(), dir);
        Files.delete(root.resolve("U0209/annotation/openpack-operations-1hz/S0500.csv"));
        Path segments = root.resolve("U0209/annotation/openpack-operations/S0500.csv");
        Files.writeString(segments, "op:added,U0209,S0500,1,700,Scan Label,2022-03-29 14:25:40.000000+09:00,"
                + "2022-03-29 14:25:45.000000+09:00,act:x\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(195, Files.readAllLines(segments).size());

        Recording r = new OpenPackReader().read(root).get(0);
        assertEquals(200, labelAt(r, AT_40 - 10), "before the inner segment: the outer one");
        assertEquals(700, labelAt(r, AT_40 + 20), "inside: the inner one");
        assertEquals(700, labelAt(r, AT_45 - 30), "the last sample inside");
        assertEquals(200, labelAt(r, AT_45), "from the inner segment's end: the outer one again, not Null");
        assertEquals(200, labelAt(r, 1648531556010L), "up to the outer segment's end (14:25:56.039)");
        assertEquals(300, labelAt(r, 1648531556040L), "then the next segment");
        // the 1 Hz ground truth derived from the samples: seconds 40..44 Scan Label, 45..55 Relocate Item Label
        for (long s = AT_40; s < AT_45; s += 1000) {
            assertEquals(700, r.groundTruth().idAt(s), "second " + s);
        }
        for (long s = AT_45; s < 1648531556000L; s += 1000) {
            assertEquals(200, r.groundTruth().idAt(s), "second " + s);
        }
        String note = r.notes().stream().filter(n -> n.contains("overlapping segment")).findFirst().orElse("none");
        assertTrue(note.startsWith("U0209/annotation/openpack-operations/S0500.csv: 1 overlapping segment pair(s), 1 of"
                + " them nested: line 195 (700, box 1) lies inside line 3 (200, box 1). Rule applied:"), note);
    }

    @Test
    void theRealFileHasNoOverlapAndNoNote() throws IOException {
        Path root = SharedDatasets.openPackSampleOrSkip();
        OperationSegments s = OperationSegments.read(root.resolve("U0209/annotation/openpack-operations/S0500.csv"));
        assertEquals(193, s.size());
        assertEquals(List.of(), s.overlaps());
        assertEquals(null, s.overlapNote("x"));
    }

    private static int labelAt(Recording r, long t) {
        int i = Arrays.binarySearch(r.timestampsMs(), t);
        assertTrue(i >= 0, "no sample at " + t);
        return r.sampleLabels()[i];
    }
}
