package org.tsak.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code tsak data inspect} reports about a set of recordings: subjects, sessions,
 * duration, channels with measured rates, the label distribution of the 1 Hz ground truth in
 * seconds, gaps, and the flaws the reader found and repaired.
 *
 * @param subjects        distinct subject ids
 * @param sessions        per recording summaries, in reading order
 * @param secondsPerLabel operation id to number of ground-truth seconds, all recordings
 * @param notes           reader notes, each prefixed with the recording key
 */
public record DatasetInspection(List<String> subjects, List<SessionSummary> sessions,
        Map<Integer, Integer> secondsPerLabel, List<String> notes) {

    /**
     * One recording.
     *
     * @param key              subject-session
     * @param samples          number of samples
     * @param durationSeconds  first to last sample
     * @param measuredRateHz   (samples - 1) / duration
     * @param nominalRateHz    the recording's nominal rate
     * @param channels         channel names
     * @param gaps             intervals longer than 1.5 nominal periods
     * @param longestGapMs     the longest interval
     * @param firstTimestampMs first sample time
     * @param lastTimestampMs  last sample time
     */
    public record SessionSummary(String key, int samples, double durationSeconds, double measuredRateHz,
            double nominalRateHz, List<String> channels, int gaps, long longestGapMs,
            long firstTimestampMs, long lastTimestampMs) {
    }

    /** Inspects recordings. */
    public static DatasetInspection of(List<Recording> recordings) {
        TreeSet<String> subjects = new TreeSet<>();
        List<SessionSummary> sessions = new ArrayList<>();
        Map<Integer, Integer> perLabel = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        for (Recording r : recordings) {
            subjects.add(r.subjectId());
            long[] t = r.timestampsMs();
            double periodMs = 1000.0 / r.samplingRateHz();
            int gaps = 0;
            long longest = 0;
            for (int i = 1; i < t.length; i++) {
                long d = t[i] - t[i - 1];
                longest = Math.max(longest, d);
                if (d > 1.5 * periodMs) {
                    gaps++;
                }
            }
            double duration = r.durationSeconds();
            double measured = duration > 0 ? (t.length - 1) / duration : 0;
            sessions.add(new SessionSummary(r.key(), t.length, duration, measured, r.samplingRateHz(),
                    r.channels(), gaps, longest, t.length == 0 ? 0 : t[0], t.length == 0 ? 0 : t[t.length - 1]));
            SecondLabels gt = r.groundTruth();
            for (int i = 0; i < gt.size(); i++) {
                perLabel.merge(gt.operationId(i), 1, Integer::sum);
            }
            for (String n : r.notes()) {
                notes.add(r.key() + ": " + n);
            }
        }
        return new DatasetInspection(List.copyOf(subjects), sessions, perLabel, notes);
    }

    /** Total samples over all recordings. */
    public long totalSamples() {
        return sessions.stream().mapToLong(SessionSummary::samples).sum();
    }

    /** Human-readable text, as printed by {@code tsak data inspect}. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("subjects: %d %s%n", subjects.size(), subjects));
        sb.append(String.format("sessions: %d%n", sessions.size()));
        double total = sessions.stream().mapToDouble(SessionSummary::durationSeconds).sum();
        sb.append(String.format("duration: %.1f s (%.2f min) in all%n", total, total / 60));
        for (SessionSummary s : sessions) {
            sb.append(String.format("  %s: %,d samples, %.1f s (%.2f min), %s .. %s ms, measured %.2f Hz"
                    + " (nominal %.2f Hz), %d channels, %d gaps (longest interval %d ms)%n",
                    s.key(), s.samples(), s.durationSeconds(), s.durationSeconds() / 60,
                    s.firstTimestampMs(), s.lastTimestampMs(), s.measuredRateHz(), s.nominalRateHz(),
                    s.channels().size(), s.gaps(), s.longestGapMs()));
        }
        if (!sessions.isEmpty()) {
            List<String> ch = sessions.get(0).channels();
            sb.append(String.format("channels (%d, all at the recording clock's %.2f Hz):%n", ch.size(),
                    sessions.get(0).measuredRateHz()));
            for (Map.Entry<String, List<String>> e : byPosition(ch).entrySet()) {
                sb.append("  ").append(e.getKey()).append(": ").append(String.join(" ", e.getValue())).append('\n');
            }
        }
        int totalSeconds = secondsPerLabel.values().stream().mapToInt(Integer::intValue).sum();
        sb.append(String.format("labels (1 Hz ground truth, %d s):%n", totalSeconds));
        for (Map.Entry<Integer, Integer> e : secondsPerLabel.entrySet()) {
            String name = Operations.isKnownId(e.getKey()) ? Operations.nameOf(e.getKey()) : "?";
            sb.append(String.format("  %5d %-22s %6d s  %5.1f%%%n", e.getKey(), name, e.getValue(),
                    100.0 * e.getValue() / Math.max(1, totalSeconds)));
        }
        sb.append(String.format("flaws found and repairs made: %d%n", notes.size()));
        for (String n : notes) {
            sb.append("  ").append(n).append('\n');
        }
        return sb.toString();
    }

    private static Map<String, List<String>> byPosition(List<String> channels) {
        Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        for (String c : channels) {
            ChannelName n = ChannelName.parse(c);
            m.computeIfAbsent(n.position(), k -> new ArrayList<>())
                    .add(n.axis().isEmpty() ? n.sensor() : n.sensor() + "_" + n.axis());
        }
        return m;
    }

    @Override
    public String toString() {
        return "DatasetInspection" + Arrays.asList(subjects.size(), sessions.size());
    }
}
