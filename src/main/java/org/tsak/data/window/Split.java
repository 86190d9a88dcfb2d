package org.tsak.data.window;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Window indices of a {@link WindowSet} divided into train, validation and test. The three
 * parts are disjoint (checked); validation or test may be empty. Arrays are copied in and out.
 *
 * @param train      windows to train on (and to fit the normalisation on)
 * @param validation windows for model selection and early stopping
 * @param test       windows held out for the final score
 */
public record Split(int[] train, int[] validation, int[] test) {

    /** Copies the arrays and checks that no index is negative or in two parts. */
    public Split {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
        BitSet seen = new BitSet();
        check(seen, train, "train");
        check(seen, validation, "validation");
        check(seen, test, "test");
    }

    private static void check(BitSet seen, int[] part, String name) {
        for (int i : part) {
            if (i < 0) {
                throw new IllegalArgumentException("negative window index " + i + " in " + name);
            }
            if (seen.get(i)) {
                throw new IllegalArgumentException("window " + i + " appears twice (second time in " + name
                        + "); split parts must be disjoint");
            }
            seen.set(i);
        }
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    /** For example {@code "train 120 windows, validation 30, test 40"}. */
    public String summary() {
        return "train " + train.length + " windows, validation " + validation.length + ", test " + test.length;
    }

    /**
     * Counts and the recordings ({@code subject-session}) in each part, for example
     * {@code "train 120 windows [U0101-S0100, U0102-S0100]; validation 30 [...]; test 40 [...]"}.
     */
    public String summary(WindowSet set) {
        return "train " + train.length + " windows " + keys(set, train) + "; validation " + validation.length
                + " " + keys(set, validation) + "; test " + test.length + " " + keys(set, test);
    }

    private static String keys(WindowSet set, int[] part) {
        Set<String> keys = new LinkedHashSet<>();
        for (int i : part) {
            keys.add(set.recordings().get(set.recordingOf(i)).key());
        }
        return keys.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && Arrays.equals(train, s.train) && Arrays.equals(validation, s.validation)
                && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(train) + Arrays.hashCode(validation)) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Split{" + summary() + "}";
    }

    /**
     * Assigns whole recordings to parts: {@code partOfRecording[r]} is 0 (train), 1
     * (validation), 2 (test) or -1 (unused).
     */
    static Split byRecording(WindowSet set, int[] partOfRecording) {
        int[][] parts = new int[3][set.size()];
        int[] counts = new int[3];
        for (int i = 0; i < set.size(); i++) {
            int p = partOfRecording[set.recordingOf(i)];
            if (p >= 0) {
                parts[p][counts[p]++] = i;
            }
        }
        return new Split(Arrays.copyOf(parts[0], counts[0]), Arrays.copyOf(parts[1], counts[1]),
                Arrays.copyOf(parts[2], counts[2]));
    }
}
