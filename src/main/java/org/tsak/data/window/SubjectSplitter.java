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
 *
 * <p>With {@code validationLastBoxes} N instead of validation subjects (for example a single
 * training worker), the last N boxes of every training recording validate: a contiguous time
 * block at the end of each, split off as {@link TimeBlockSplitter} does (windows straddling the
 * boundary are dropped, so training and validation windows never share a sample). The test
 * subjects stay unseen.
 */
public final class SubjectSplitter implements Splitter {

    private final List<String> train;
    private final List<String> validation;
    private final List<String> test;
    private final int validationLastBoxes;

    /**
     * @param train      subjects to train on, at least one
     * @param validation validation subjects, may be empty
     * @param test       test subjects, may be empty
     * @throws IllegalArgumentException if a subject is listed in two parts or train is empty
     */
    public SubjectSplitter(List<String> train, List<String> validation, List<String> test) {
        this(train, validation, test, 0);
    }

    /**
     * A split whose validation part is the last {@code validationLastBoxes} boxes of every
     * training recording (0: validation subjects as listed).
     *
     * @throws IllegalArgumentException if a subject is listed in two parts, train is empty,
     *                                  {@code validationLastBoxes} is negative, or it is given with
     *                                  validation subjects
     */
    public SubjectSplitter(List<String> train, List<String> validation, List<String> test, int validationLastBoxes) {
        this.train = List.copyOf(train);
        this.validation = List.copyOf(validation);
        this.test = List.copyOf(test);
        this.validationLastBoxes = checkLastBoxes(validationLastBoxes, this.validation);
        if (this.train.isEmpty()) {
            throw new IllegalArgumentException("subject split needs at least one training subject");
        }
        partsByName("subject", this.train, this.validation, this.test);
    }

    static int checkLastBoxes(int lastBoxes, List<String> validation) {
        if (lastBoxes < 0) {
            throw new IllegalArgumentException("validationLastBoxes must be >= 0, got " + lastBoxes);
        }
        if (lastBoxes > 0 && !validation.isEmpty()) {
            throw new IllegalArgumentException("give validation " + validation + " or validationLastBoxes "
                    + lastBoxes + ", not both");
        }
        return lastBoxes;
    }

    /**
     * Windows by recording part, the last {@code lastBoxes} boxes of each training recording moved
     * to validation when {@code lastBoxes > 0}.
     */
    static Split byRecording(WindowSet set, int[] partOfRecording, int lastBoxes) {
        if (lastBoxes == 0) {
            return Split.byRecording(set, partOfRecording);
        }
        return TimeBlockSplitter.assign(set, r -> {
            Recording rec = set.recordings().get(r);
            if (partOfRecording[r] == 0) {
                return TimeBlockSplitter.lastBoxesParts(rec, lastBoxes);
            }
            byte[] part = new byte[rec.sampleCount()];
            java.util.Arrays.fill(part, (byte) partOfRecording[r]);
            return part;
        });
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
        return byRecording(set, partOfRecording, validationLastBoxes);
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
        return "SubjectSplitter{train=" + train + ", validation=" + (validationLastBoxes > 0
                ? "last " + validationLastBoxes + " box(es) of each training recording" : validation.toString())
                + ", test=" + test + "}";
    }
}
