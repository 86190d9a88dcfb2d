package org.tsak.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.tsak.data.window.WindowSet;
import org.tsak.data.window.WindowSpec;
import org.tsak.data.window.Windower;

/**
 * What {@code tsak data inspect} reports about a set of recordings: subjects, sessions,
 * duration, channels with measured rates, the label distribution of the 1 Hz ground truth in
 * seconds, the gaps of every stream (the clock's and those of streams merged onto it) with the
 * windows they cost, the flaws the reader found and repaired, streams left out and sessions that
 * could not be read.
 *
 * @param subjects        distinct subject ids
 * @param sessions        per recording summaries, in reading order
 * @param secondsPerLabel operation id to number of ground-truth seconds, all recordings
 * @param notes           reader notes, each prefixed with the recording key
 * @param problems        sessions or files that could not be read, each naming it
 */
public record DatasetInspection(List<String> subjects, List<SessionSummary> sessions,
        Map<Integer, Integer> secondsPerLabel, List<String> notes, List<String> problems) {

    /** The windows whose cost in gaps the session lines give: 2 s, 1 s stride (the paper's). */
    public static final WindowSpec DEFAULT_WINDOWS = new WindowSpec(2.0, 1.0);

    /**
     * One recording.
     *
     * @param key                subject-session
     * @param samples            number of samples
     * @param durationSeconds    first to last sample
     * @param measuredRateHz     (samples - 1) / duration
     * @param nominalRateHz      the recording's nominal rate
     * @param channels           channel names
     * @param gaps               every gap windows must not span ({@link Recording#gaps(double)} at
     *                           the windower's default factor): the clock's intervals longer than
     *                           1.5 nominal periods, other streams' gaps and held edges
     * @param gapsByStream       stream name to its number of gaps (held edges included)
     * @param longestGapMs       the longest interval between clock samples
     * @param firstTimestampMs   first sample time
     * @param lastTimestampMs    last sample time
     * @param gapDetails         one line per stream with gaps: count, longest, held edges in ms
     * @param windowsKept        windows of {@link #DEFAULT_WINDOWS} kept
     * @param windowsDropped     windows of {@link #DEFAULT_WINDOWS} dropped for spanning a gap
     * @param leftOut            selected OpenPack sensor keys left out (file missing or no data)
     * @param bytesPerSample     {@link Recording#bytesPerSample()}
     */
    public record SessionSummary(String key, int samples, double durationSeconds, double measuredRateHz,
            double nominalRateHz, List<String> channels, int gaps, Map<String, Integer> gapsByStream,
            long longestGapMs, long firstTimestampMs, long lastTimestampMs, List<String> gapDetails,
            int windowsKept, int windowsDropped, List<String> leftOut, int bytesPerSample) {
    }

    /** Inspects recordings that were all read in full. */
    public static DatasetInspection of(List<Recording> recordings) {
        return of(recordings, Map.of(), List.of());
    }

    /** Inspects what {@link DatasetInspector} read. */
    public static DatasetInspection of(DatasetInspector.Inventory inventory) {
        return of(inventory.recordings(), inventory.leftOut(), inventory.problems());
    }

    /**
     * Inspects recordings.
     *
     * @param leftOut  recording key to sensor keys left out of it
     * @param problems sessions or files that could not be read
     */
    public static DatasetInspection of(List<Recording> recordings, Map<String, List<String>> leftOut,
            List<String> problems) {
        TreeSet<String> subjects = new TreeSet<>();
        List<SessionSummary> sessions = new ArrayList<>();
        Map<Integer, Integer> perLabel = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        for (Recording r : recordings) {
            subjects.add(r.subjectId());
            sessions.add(summarise(r, leftOut.getOrDefault(r.key(), List.of())));
            SecondLabels gt = r.groundTruth();
            for (int i = 0; i < gt.size(); i++) {
                perLabel.merge(gt.operationId(i), 1, Integer::sum);
            }
            for (String n : r.notes()) {
                notes.add(r.key() + ": " + n);
            }
        }
        return new DatasetInspection(List.copyOf(subjects), sessions, perLabel, notes, List.copyOf(problems));
    }

    private static SessionSummary summarise(Recording r, List<String> leftOut) {
        long[] t = r.timestampsMs();
        long longest = 0;
        for (int i = 1; i < t.length; i++) {
            longest = Math.max(longest, t[i] - t[i - 1]);
        }
        List<StreamGap> gaps = r.gaps(Windower.DEFAULT_MAX_GAP_FACTOR);
        Map<String, Integer> byStream = new LinkedHashMap<>();
        Map<String, long[]> detail = new LinkedHashMap<>(); // interior count, longest, held before, held after
        for (StreamGap g : gaps) {
            byStream.merge(g.stream(), 1, Integer::sum);
            long[] d = detail.computeIfAbsent(g.stream(), k -> new long[4]);
            if (g.afterMs() == Long.MIN_VALUE) {
                d[2] = t.length == 0 ? 0 : g.beforeMs() - t[0];
            } else if (g.beforeMs() == Long.MAX_VALUE) {
                d[3] = t.length == 0 ? 0 : t[t.length - 1] - g.afterMs();
            } else {
                d[0]++;
                d[1] = Math.max(d[1], g.durationMs());
            }
        }
        List<String> details = new ArrayList<>();
        for (Map.Entry<String, long[]> e : detail.entrySet()) {
            long[] d = e.getValue();
            List<String> parts = new ArrayList<>();
            if (d[0] > 0) {
                parts.add(String.format(Locale.ROOT, "%d gap(s), longest %,d ms", d[0], d[1]));
            }
            if (d[2] > 0) {
                parts.add(String.format(Locale.ROOT, "starts %,d ms after the clock (first value held)", d[2]));
            }
            if (d[3] > 0) {
                parts.add(String.format(Locale.ROOT, "ends %,d ms before the clock (last value held)", d[3]));
            }
            details.add(e.getKey() + ": " + String.join(", ", parts));
        }
        int kept = 0;
        int dropped = 0;
        if (t.length > 0 && DEFAULT_WINDOWS.windowSamples(r.samplingRateHz()) <= t.length) {
            WindowSet w = new Windower(DEFAULT_WINDOWS).window(List.of(r));
            kept = w.size();
            dropped = w.droppedForGaps();
        }
        double duration = r.durationSeconds();
        double measured = duration > 0 ? (t.length - 1) / duration : 0;
        return new SessionSummary(r.key(), t.length, duration, measured, r.samplingRateHz(), r.channels(),
                gaps.size(), byStream, longest, t.length == 0 ? 0 : t[0], t.length == 0 ? 0 : t[t.length - 1],
                details, kept, dropped, List.copyOf(leftOut), r.bytesPerSample());
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
                    + " (nominal %.2f Hz), %d channels, %d gaps%s (longest interval %d ms);"
                    + " windows of %s s (%s s stride): %,d kept, %,d dropped for gaps%n",
                    s.key(), s.samples(), s.durationSeconds(), s.durationSeconds() / 60,
                    s.firstTimestampMs(), s.lastTimestampMs(), s.measuredRateHz(), s.nominalRateHz(),
                    s.channels().size(), s.gaps(), s.gapsByStream().isEmpty() ? "" : " " + s.gapsByStream(),
                    s.longestGapMs(), fmt(DEFAULT_WINDOWS.windowSeconds()), fmt(DEFAULT_WINDOWS.strideSeconds()),
                    s.windowsKept(), s.windowsDropped()));
            for (String d : s.gapDetails()) {
                sb.append("      gaps of ").append(d).append('\n');
            }
            if (!s.leftOut().isEmpty()) {
                sb.append("      left out (missing or empty, see the notes): ")
                        .append(String.join(" ", s.leftOut())).append('\n');
            }
        }
        if (!sessions.isEmpty()) {
            List<String> ch = sessions.get(0).channels();
            sb.append(String.format("channels (%d, all at the recording clock's %.2f Hz):%n", ch.size(),
                    sessions.get(0).measuredRateHz()));
            for (Map.Entry<String, List<String>> e : byPosition(ch).entrySet()) {
                sb.append("  ").append(e.getKey()).append(": ").append(String.join(" ", e.getValue())).append('\n');
            }
            for (SessionSummary s : sessions) {
                if (!s.channels().equals(ch)) {
                    sb.append(String.format("  %s has other channels (%d): %s%n", s.key(), s.channels().size(),
                            String.join(" ", s.channels())));
                }
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
        if (!problems.isEmpty()) {
            sb.append(String.format("not read: %d%n", problems.size()));
            for (String p : problems) {
                sb.append("  ").append(p).append('\n');
            }
        }
        return sb.toString();
    }

    private static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }

    private static Map<String, List<String>> byPosition(List<String> channels) {
        Map<String, List<String>> m = new LinkedHashMap<>();
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
