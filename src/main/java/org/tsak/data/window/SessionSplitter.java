package org.tsak.data.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.tsak.data.Recording;

/**
 * Splits by recording session: each name is either a recording key
 * ({@code subject-session}, e.g. {@code U0209-S0500}) or a bare session id ({@code S0500}),
 * which selects that session of every subject. Recordings matched by no name are left out.
 * This is the paper's leave-one-session-out protocol; the same person may appear in several
 * parts (in different sessions). With {@code validationLastBoxes} N instead of validation
 * sessions, the last N boxes of every training session validate (as in {@link SubjectSplitter}).
 */
public final class SessionSplitter implements Splitter {

    private final List<String> train;
    private final List<String> validation;
    private final List<String> test;
    private final int validationLastBoxes;

    /**
     * @param train      recording keys or session ids to train on, at least one
     * @param validation validation keys or session ids, may be empty
     * @param test       test keys or session ids, may be empty
     * @throws IllegalArgumentException if a name is listed in two parts or train is empty
     */
    public SessionSplitter(List<String> train, List<String> validation, List<String> test) {
        this(train, validation, test, 0);
    }

    /**
     * A split whose validation part is the last {@code validationLastBoxes} boxes of every
     * training session (0: validation sessions as listed).
     *
     * @throws IllegalArgumentException as the other constructor, or if {@code validationLastBoxes}
     *                                  is negative or given with validation sessions
     */
    public SessionSplitter(List<String> train, List<String> validation, List<String> test, int validationLastBoxes) {
        this.train = List.copyOf(train);
        this.validation = List.copyOf(validation);
        this.test = List.copyOf(test);
        this.validationLastBoxes = SubjectSplitter.checkLastBoxes(validationLastBoxes, this.validation);
        if (this.train.isEmpty()) {
            throw new IllegalArgumentException("session split needs at least one training session");
        }
        SubjectSplitter.partsByName("session", this.train, this.validation, this.test);
    }

    @Override
    public Split split(WindowSet set) {
        Map<String, Integer> part = SubjectSplitter.partsByName("session", train, validation, test);
        List<Recording> recs = set.recordings();
        TreeSet<String> available = new TreeSet<>();
        for (Recording r : recs) {
            available.add(r.key());
        }
        List<String> unknown = new ArrayList<>();
        for (String name : part.keySet()) {
            if (recs.stream().noneMatch(r -> r.key().equals(name) || r.sessionId().equals(name))) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("sessions " + unknown
                    + " are not in the data; available sessions (subject-session): " + available);
        }
        String[] partNames = {"train", "validation", "test"};
        int[] partOfRecording = new int[recs.size()];
        for (int r = 0; r < recs.size(); r++) {
            Recording rec = recs.get(r);
            Integer byKey = part.get(rec.key());
            Integer bySession = part.get(rec.sessionId());
            if (byKey != null && bySession != null && !byKey.equals(bySession)) {
                throw new IllegalArgumentException("recording " + rec.key() + " is in " + partNames[byKey]
                        + " by its key and in " + partNames[bySession] + " by its session id "
                        + rec.sessionId() + "; list it in one part only");
            }
            partOfRecording[r] = byKey != null ? byKey : bySession != null ? bySession : -1;
        }
        return SubjectSplitter.byRecording(set, partOfRecording, validationLastBoxes);
    }

    @Override
    public String toString() {
        return "SessionSplitter{train=" + train + ", validation=" + (validationLastBoxes > 0
                ? "last " + validationLastBoxes + " box(es) of each training session" : validation.toString())
                + ", test=" + test + "}";
    }
}
