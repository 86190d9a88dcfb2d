package org.tsak.data.window;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.tsak.data.Recording;

/**
 * Leave-one-subject-out cross-validation. Subjects are sorted by id (natural string order);
 * fold {@code k} tests on subject {@code k}, validates on the next subject in that order
 * (wrapping round: the last fold validates on the first subject) and trains on all others.
 * Needs at least three subjects.
 */
public final class LeaveOneSubjectOutSplitter {

    /** Sorted subject ids of a window set. */
    public static List<String> subjects(WindowSet set) {
        TreeSet<String> ids = new TreeSet<>();
        for (Recording r : set.recordings()) {
            ids.add(r.subjectId());
        }
        return List.copyOf(ids);
    }

    /**
     * One split per subject, in sorted subject order.
     *
     * @throws IllegalArgumentException with fewer than three subjects
     */
    public List<Split> folds(WindowSet set) {
        List<String> ids = subjects(set);
        List<Split> out = new ArrayList<>(ids.size());
        for (int k = 0; k < ids.size(); k++) {
            out.add(fold(set, k));
        }
        return out;
    }

    /** Fold {@code k}: test subject {@code k}, validation subject {@code k + 1} (mod count). */
    public Split fold(WindowSet set, int k) {
        return splitterFor(set, k).split(set);
    }

    /** The subject splitter of fold {@code k} (its toString names the subjects). */
    public SubjectSplitter splitterFor(WindowSet set, int k) {
        List<String> ids = subjects(set);
        if (ids.size() < 3) {
            throw new IllegalArgumentException("leave-one-subject-out needs at least 3 subjects (test, validation,"
                    + " train), the data has " + ids.size() + ": " + ids);
        }
        if (k < 0 || k >= ids.size()) {
            throw new IllegalArgumentException("fold " + k + " outside [0, " + ids.size() + ")");
        }
        String test = ids.get(k);
        String validation = ids.get((k + 1) % ids.size());
        List<String> train = new ArrayList<>(ids);
        train.remove(test);
        train.remove(validation);
        return new SubjectSplitter(train, List.of(validation), List.of(test));
    }
}
