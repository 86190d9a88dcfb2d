package org.tsak.data.window;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.tsak.data.Recording;

/**
 * Splits by person: every window of a subject goes to the part that lists the subject
 * ({@link Recording#subjectId()}); subjects listed nowhere are left out. The same person
 * under two OpenPack user ids must already share one subject id (the reader's job).
 */
public final class SubjectSplitter implements Splitter {

    private final List<String> train;
    private final List<String> validation;
    private final List<String> test;

    /**
     * @param train      subjects to train on, at least one
     * @param validation validation subjects, may be empty
     * @param test       test subjects, may be empty
     * @throws IllegalArgumentException if a subject is listed in two parts or train is empty
     */
    public SubjectSplitter(List<String> train, List<String> validation, List<String> test) {
        this.train = List.copyOf(train);
        this.validation = List.copyOf(validation);
        this.test = List.copyOf(test);
        if (this.train.isEmpty()) {
            throw new IllegalArgumentException("subject split needs at least one training subject");
        }
        partsByName("subject", this.train, this.validation, this.test);
    }

    @Override
    public Split split(WindowSet set) {
        Map<String, Integer> part = partsByName("subject", train, validation, test);
        TreeSet<String> available = new TreeSet<>();
        for (Recording r : set.recordings()) {
            available.add(r.subjectId());
        }
        List<String> unknown = new ArrayList<>();
        for (String s : part.keySet()) {
            if (!available.contains(s)) {
                unknown.add(s);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("subjects " + unknown + " are not in the data; available subjects: "
                    + available);
        }
        int[] partOfRecording = new int[set.recordings().size()];
        for (int r = 0; r < partOfRecording.length; r++) {
            partOfRecording[r] = part.getOrDefault(set.recordings().get(r).subjectId(), -1);
        }
        return Split.byRecording(set, partOfRecording);
    }

    /**
     * Maps each name to its part (0 train, 1 validation, 2 test).
     *
     * @throws IllegalArgumentException if a name is in two parts (or twice in one)
     */
    static Map<String, Integer> partsByName(String what, List<String> train, List<String> validation,
            List<String> test) {
        String[] partNames = {"train", "validation", "test"};
        List<List<String>> parts = List.of(train, validation, test);
        Map<String, Integer> out = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            for (String name : parts.get(p)) {
                Integer before = out.put(name, p);
                if (before != null) {
                    throw new IllegalArgumentException(what + " '" + name + "' is listed in both "
                            + partNames[before] + " and " + partNames[p]
                            + "; each " + what + " may be in one part only");
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "SubjectSplitter{train=" + train + ", validation=" + validation + ", test=" + test + "}";
    }
}
