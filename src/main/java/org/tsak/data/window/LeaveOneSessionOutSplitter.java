package org.tsak.data.window;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.tsak.data.Recording;

/**
 * Leave-one-session-out cross-validation, the protocol of the TSAK paper (Section 4): each
 * recording session (a recording key, {@code <subject>-<session>}) is tested once. Keys are
 * sorted (natural string order); fold {@code k} tests on session {@code k}, validates on the
 * next session in that order (wrapping round) and trains on all others. Unlike
 * {@link LeaveOneSubjectOutSplitter}, the test worker's other sessions are in training: the
 * result measures a model for known workers, not for a new person.
 */
public final class LeaveOneSessionOutSplitter {

    /** Sorted recording keys of a window set. */
    public static List<String> sessions(WindowSet set) {
        TreeSet<String> keys = new TreeSet<>();
        for (Recording r : set.recordings()) {
            keys.add(r.key());
        }
        return List.copyOf(keys);
    }

    /**
     * One split per session, in sorted key order.
     *
     * @throws IllegalArgumentException with fewer than three sessions
     */
    public List<Split> folds(WindowSet set) {
        List<String> keys = sessions(set);
        if (keys.size() < 3) {
            throw new IllegalArgumentException("leave-one-session-out needs at least 3 sessions (test, validation,"
                    + " train), the data has " + keys.size() + ": " + keys);
        }
        List<Split> out = new ArrayList<>(keys.size());
        for (int k = 0; k < keys.size(); k++) {
            out.add(splitterFor(keys, k).split(set));
        }
        return out;
    }

    private static SessionSplitter splitterFor(List<String> keys, int k) {
        String test = keys.get(k);
        String validation = keys.get((k + 1) % keys.size());
        List<String> train = new ArrayList<>(keys);
        train.remove(test);
        train.remove(validation);
        return new SessionSplitter(train, List.of(validation), List.of(test));
    }
}
