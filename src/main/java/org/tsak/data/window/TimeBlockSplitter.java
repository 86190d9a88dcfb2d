package org.tsak.data.window;

import java.util.Arrays;
import java.util.List;

import org.tsak.data.Recording;

/**
 * Splits each recording into contiguous time blocks, for a single recording or when every
 * person must appear in training. Two flavours:
 * <ul>
 * <li>{@link #byBoxes(BoxRange, BoxRange, BoxRange)}: by packed box number (OpenPack), for
 * example train boxes 1-12, validation 13-14, test 15-20. A sample belongs to the block of
 * the last non-zero box at or before it (samples between boxes stay with the box before);
 * leading samples before the first box take the first box. Samples whose box is in no
 * range are left out.</li>
 * <li>{@link #byFractions(double, double, double)}: by fractions of each recording's
 * duration, in time order train, validation, test (for example 0.6/0.2/0.2 puts the first
 * 60% of the time in train). For recordings without box numbers.</li>
 * </ul>
 * A window belongs to a part only if all its samples lie inside that part; windows that
 * straddle a boundary are dropped, so windows of different parts never share a sample.
 */
public final class TimeBlockSplitter implements Splitter {

    /**
     * An inclusive range of box numbers, e.g. 1-12.
     *
     * @param firstBox first box, &gt;= 1
     * @param lastBox  last box, &gt;= firstBox
     */
    public record BoxRange(int firstBox, int lastBox) {

        /** Validates the range. */
        public BoxRange {
            if (firstBox < 1 || lastBox < firstBox) {
                throw new IllegalArgumentException("box range " + firstBox + "-" + lastBox
                        + " is invalid; boxes are numbered from 1 and the first must not exceed the last");
            }
        }

        /** Parses {@code "1-12"} or a single box {@code "13"}. */
        public static BoxRange parse(String text) {
            String t = text.trim();
            int dash = t.indexOf('-');
            try {
                if (dash < 0) {
                    int b = Integer.parseInt(t);
                    return new BoxRange(b, b);
                }
                return new BoxRange(Integer.parseInt(t.substring(0, dash).trim()),
                        Integer.parseInt(t.substring(dash + 1).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("box range '" + text + "' is not of the form 1-12 or 13", e);
            }
        }

        /** True if {@code box} lies in the range. */
        public boolean contains(int box) {
            return box >= firstBox && box <= lastBox;
        }

        boolean overlaps(BoxRange o) {
            return firstBox <= o.lastBox && o.firstBox <= lastBox;
        }

        @Override
        public String toString() {
            return firstBox + "-" + lastBox;
        }
    }

    private static final String[] PART_NAMES = {"train", "validation", "test"};

    private final BoxRange[] boxes;
    private final double[] fractions;

    private TimeBlockSplitter(BoxRange[] boxes, double[] fractions) {
        this.boxes = boxes;
        this.fractions = fractions;
    }

    /**
     * Blocks by box number.
     *
     * @param train      boxes to train on
     * @param validation validation boxes, or null for none
     * @param test       test boxes, or null for none
     * @throws IllegalArgumentException if train is null or two ranges overlap
     */
    public static TimeBlockSplitter byBoxes(BoxRange train, BoxRange validation, BoxRange test) {
        if (train == null) {
            throw new IllegalArgumentException("a box split needs a training box range");
        }
        BoxRange[] r = {train, validation, test};
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                if (r[a] != null && r[b] != null && r[a].overlaps(r[b])) {
                    throw new IllegalArgumentException("box ranges overlap: " + PART_NAMES[a] + " " + r[a] + " and "
                            + PART_NAMES[b] + " " + r[b]);
                }
            }
        }
        return new TimeBlockSplitter(r, null);
    }

    /**
     * Blocks by fractions of each recording's duration, in time order train, validation, test.
     *
     * @throws IllegalArgumentException unless all fractions are &gt;= 0, train &gt; 0 and they sum to 1
     */
    public static TimeBlockSplitter byFractions(double train, double validation, double test) {
        double[] f = {train, validation, test};
        for (int p = 0; p < 3; p++) {
            if (!(f[p] >= 0) || Double.isInfinite(f[p])) {
                throw new IllegalArgumentException(PART_NAMES[p] + " fraction must be >= 0, got " + f[p]);
            }
        }
        if (!(train > 0)) {
            throw new IllegalArgumentException("train fraction must be > 0, got " + train);
        }
        if (Math.abs(train + validation + test - 1) > 1e-6) {
            throw new IllegalArgumentException("fractions " + train + " / " + validation + " / " + test
                    + " must sum to 1, they sum to " + (train + validation + test));
        }
        return new TimeBlockSplitter(null, f);
    }

    @Override
    public Split split(WindowSet set) {
        Split split = assign(set, r -> sampleParts(set.recordings().get(r)));
        if (split.train().length == 0) {
            throw new IllegalArgumentException("time-block split " + this + " leaves no training window; "
                    + "check the box ranges or fractions against the recordings");
        }
        return split;
    }

    /**
     * Windows by the part of their samples: {@code partsOf.apply(r)} gives the part (0 train, 1
     * validation, 2 test, -1 none) of every sample of recording {@code r}; a window goes to a part
     * only if all its samples are in it, so windows of different parts never share a sample.
     */
    static Split assign(WindowSet set, java.util.function.IntFunction<byte[]> partsOf) {
        int[][] parts = new int[3][set.size()];
        int[] counts = new int[3];
        int length = set.windowSamples();
        int currentRecording = -1;
        byte[] part = null;
        int[] changes = null;
        for (int i = 0; i < set.size(); i++) {
            int r = set.recordingOf(i);
            if (r != currentRecording) {
                currentRecording = r;
                part = partsOf.apply(r);
                changes = changes(part);
            }
            int start = set.startSampleOf(i);
            int p = part[start];
            if (p < 0) {
                continue;
            }
            // first change position strictly after start: a change at c means part[c] != part[c-1]
            int k = Arrays.binarySearch(changes, start + 1);
            int next = k >= 0 ? k : -k - 1;
            if (next < changes.length && changes[next] < start + length) {
                continue;
            }
            parts[p][counts[p]++] = i;
        }
        return new Split(Arrays.copyOf(parts[0], counts[0]), Arrays.copyOf(parts[1], counts[1]),
                Arrays.copyOf(parts[2], counts[2]));
    }

    /** Part (0, 1, 2, or -1 for none) of every sample of a recording. */
    private byte[] sampleParts(Recording rec) {
        return boxes != null ? partsByBox(rec) : partsByTime(rec);
    }

    private byte[] partsByBox(Recording rec) {
        int[] block = blockBoxes(rec);
        byte[] part = new byte[block.length];
        for (int i = 0; i < block.length; i++) {
            part[i] = -1;
            for (int p = 0; p < 3; p++) {
                if (boxes[p] != null && boxes[p].contains(block[i])) {
                    part[i] = (byte) p;
                }
            }
        }
        return part;
    }

    /**
     * The box block of every sample: the last non-zero box at or before it; samples before the
     * first box take the first box.
     *
     * @throws IllegalArgumentException if the recording has no box numbers
     */
    static int[] blockBoxes(Recording rec) {
        int[] box = rec.sampleBoxes();
        int n = box.length;
        int firstBox = 0;
        for (int b : box) {
            if (b != 0) {
                firstBox = b;
                break;
            }
        }
        if (firstBox == 0 && n > 0) {
            throw new IllegalArgumentException("recording " + rec.key()
                    + " has no box numbers; split it by time fractions instead (byFractions)");
        }
        int[] block = new int[n];
        int blockBox = firstBox;
        for (int i = 0; i < n; i++) {
            if (box[i] != 0) {
                blockBox = box[i];
            }
            block[i] = blockBox;
        }
        return block;
    }

    /**
     * Parts of a training recording whose last {@code lastBoxes} box blocks (in time order, see
     * {@link #blockBoxes}) validate: 0 (train) before them, 1 (validation) from the first sample of
     * the first of them to the end.
     *
     * @throws IllegalArgumentException if the recording has no boxes or no more than
     *                                  {@code lastBoxes} of them
     */
    static byte[] lastBoxesParts(Recording rec, int lastBoxes) {
        int[] block = blockBoxes(rec);
        int n = block.length;
        int blocks = 0;
        int from = n;
        for (int i = n - 1; i >= 0; i--) {
            if (i == n - 1 || block[i] != block[i + 1]) {
                if (blocks == lastBoxes) {
                    break;
                }
                blocks++;
            }
            from = i;
        }
        if (blocks < lastBoxes || from == 0) {
            throw new IllegalArgumentException("recording " + rec.key() + " has " + distinctBlocks(block)
                    + " box(es): validating on its last " + lastBoxes + " leaves nothing to train on;"
                    + " lower data.split.validationLastBoxes");
        }
        byte[] part = new byte[n];
        Arrays.fill(part, from, n, (byte) 1);
        return part;
    }

    private static int distinctBlocks(int[] block) {
        int count = block.length == 0 ? 0 : 1;
        for (int i = 1; i < block.length; i++) {
            if (block[i] != block[i - 1]) {
                count++;
            }
        }
        return count;
    }

    private byte[] partsByTime(Recording rec) {
        long[] ts = rec.timestampsMs();
        int n = ts.length;
        byte[] part = new byte[n];
        if (n == 0) {
            return part;
        }
        double t0 = ts[0];
        double duration = ts[n - 1] - t0;
        int lastPart = fractions[2] > 0 ? 2 : fractions[1] > 0 ? 1 : 0;
        double end0 = t0 + fractions[0] * duration;
        double end1 = t0 + (fractions[0] + fractions[1]) * duration;
        for (int i = 0; i < n; i++) {
            int p;
            if (ts[i] < end0) {
                p = 0;
            } else if (ts[i] < end1) {
                p = 1;
            } else {
                p = 2;
            }
            part[i] = (byte) Math.min(p, lastPart);
        }
        return part;
    }

    private static int[] changes(byte[] part) {
        int count = 0;
        for (int i = 1; i < part.length; i++) {
            if (part[i] != part[i - 1]) {
                count++;
            }
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 1; i < part.length; i++) {
            if (part[i] != part[i - 1]) {
                out[k++] = i;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        if (boxes != null) {
            return "TimeBlockSplitter{boxes train " + boxes[0] + ", validation " + boxes[1] + ", test " + boxes[2] + "}";
        }
        return "TimeBlockSplitter{fractions " + List.of(fractions[0], fractions[1], fractions[2]) + "}";
    }
}
