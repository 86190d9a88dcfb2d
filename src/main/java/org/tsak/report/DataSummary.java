package org.tsak.report;

import java.util.List;

/**
 * The run's data.json: which data the models saw.
 *
 * @param fingerprint     SHA-256 of the prepared data
 * @param windows         number of windows
 * @param windowSamples   samples per window
 * @param teacherChannels the teacher's input channels
 * @param studentChannels the student's input channels
 * @param folds           one split summary line per fold
 */
public record DataSummary(String fingerprint, int windows, int windowSamples, List<String> teacherChannels,
        List<String> studentChannels, List<String> folds) {

    /** Copies. */
    public DataSummary {
        teacherChannels = List.copyOf(teacherChannels);
        studentChannels = List.copyOf(studentChannels);
        folds = List.copyOf(folds);
    }
}
