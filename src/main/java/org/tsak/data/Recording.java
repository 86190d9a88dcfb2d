package org.tsak.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One session of one subject on one clock: timestamps in ms, named channels stored channel
 * major ({@code values[channel][sample]}), per-sample operation ids and box numbers, the 1 Hz
 * ground truth used for scoring, notes on flaws found and repairs made while reading, and the
 * spans in which a source stream merged onto the clock had no sample ({@link StreamGap}).
 *
 * <p>Channel names follow {@code <position>/<sensor>_<axis>} (see {@link ChannelName}).
 * Recordings are immutable once built; arrays handed in are not copied (the reader owns
 * them and gives them up), arrays handed out are the internal ones and must not be modified.
 */
public final class Recording {

    private final String subjectId;
    private final String sessionId;
    private final double samplingRateHz;
    private final long[] timestampsMs;
    private final List<String> channels;
    private final float[][] values;
    private final int[] sampleLabels;
    private final int[] sampleBoxes;
    private final SecondLabels groundTruth;
    private final SensorLayout layout;
    private final List<String> notes;
    private final List<StreamGap> streamGaps;

    /**
     * @param subjectId      the person (same person = same id across user ids)
     * @param sessionId      session id, unique within the subject
     * @param samplingRateHz nominal rate of {@code timestampsMs}
     * @param timestampsMs   strictly ascending sample times (unixtime ms)
     * @param channels       channel names, one per row of {@code values}
     * @param values         {@code values[c][i]}: channel c at sample i
     * @param sampleLabels   operation id per sample (Null = 8100)
     * @param sampleBoxes    box number per sample (0 = unknown / between boxes)
     * @param groundTruth    1 Hz ground truth for scoring and window labels
     * @param notes          flaws found in the source and what was done about them
     */
    public Recording(String subjectId, String sessionId, double samplingRateHz, long[] timestampsMs,
            List<String> channels, float[][] values, int[] sampleLabels, int[] sampleBoxes,
            SecondLabels groundTruth, List<String> notes) {
        this(subjectId, sessionId, samplingRateHz, timestampsMs, channels, values, sampleLabels, sampleBoxes,
                groundTruth, notes, List.of());
    }

    /**
     * A recording whose source streams had gaps of their own (see {@link StreamGap}): windows
     * spanning one are dropped like windows spanning a gap of the timestamps.
     *
     * @param streamGaps spans in which a source stream merged onto this clock had no sample
     *                   (interpolated or held values); the other parameters as above
     */
    public Recording(String subjectId, String sessionId, double samplingRateHz, long[] timestampsMs,
            List<String> channels, float[][] values, int[] sampleLabels, int[] sampleBoxes,
            SecondLabels groundTruth, List<String> notes, List<StreamGap> streamGaps) {
        int n = timestampsMs.length;
        if (channels.size() != values.length) {
            throw new IllegalArgumentException(channels.size() + " channel names for "
                    + values.length + " channels");
        }
        for (int c = 0; c < values.length; c++) {
            if (values[c].length != n) {
                throw new IllegalArgumentException("channel " + channels.get(c) + " has "
                        + values[c].length + " samples, timestamps have " + n);
            }
        }
        if (sampleLabels.length != n || sampleBoxes.length != n) {
            throw new IllegalArgumentException("labels/boxes length differs from " + n + " samples");
        }
        for (int i = 1; i < n; i++) {
            if (timestampsMs[i] <= timestampsMs[i - 1]) {
                throw new IllegalArgumentException("timestamps not strictly ascending at sample " + i);
            }
        }
        if (!(samplingRateHz > 0)) {
            throw new IllegalArgumentException("sampling rate must be positive: " + samplingRateHz);
        }
        this.subjectId = subjectId;
        this.sessionId = sessionId;
        this.samplingRateHz = samplingRateHz;
        this.timestampsMs = timestampsMs;
        this.channels = List.copyOf(channels);
        this.values = values;
        this.sampleLabels = sampleLabels;
        this.sampleBoxes = sampleBoxes;
        this.groundTruth = groundTruth;
        this.layout = SensorLayout.fromChannels(channels);
        this.notes = List.copyOf(notes);
        this.streamGaps = List.copyOf(streamGaps);
    }

    /**
     * The same recording with other channels (same timestamps, labels, ground truth and stream
     * gaps): for transforms such as left/right mirroring that must keep the gaps.
     */
    public Recording withChannels(List<String> newChannels, float[][] newValues, List<String> newNotes) {
        return new Recording(subjectId, sessionId, samplingRateHz, timestampsMs, newChannels, newValues,
                sampleLabels, sampleBoxes, groundTruth, newNotes, streamGaps);
    }

    /** The person recorded. */
    public String subjectId() {
        return subjectId;
    }

    /** The session id. */
    public String sessionId() {
        return sessionId;
    }

    /** {@code subject-session}, as used in OpenPack submissions (e.g. {@code U0209-S0500}). */
    public String key() {
        return subjectId + "-" + sessionId;
    }

    /** Nominal sampling rate in Hz. */
    public double samplingRateHz() {
        return samplingRateHz;
    }

    /** Number of samples. */
    public int sampleCount() {
        return timestampsMs.length;
    }

    /** Sample times in unixtime ms (internal array: do not modify). */
    public long[] timestampsMs() {
        return timestampsMs;
    }

    /** Channel names. */
    public List<String> channels() {
        return channels;
    }

    /** Index of a channel, or -1. */
    public int channelIndex(String name) {
        return channels.indexOf(name);
    }

    /** Samples of channel c (internal array: do not modify). */
    public float[] channel(int c) {
        return values[c];
    }

    /** Operation id per sample (internal array: do not modify). */
    public int[] sampleLabels() {
        return sampleLabels;
    }

    /** Box number per sample, 0 where unknown (internal array: do not modify). */
    public int[] sampleBoxes() {
        return sampleBoxes;
    }

    /** The 1 Hz ground truth. */
    public SecondLabels groundTruth() {
        return groundTruth;
    }

    /** Sensor layout derived from the channel names. */
    public SensorLayout layout() {
        return layout;
    }

    /** Flaws found while reading and the repairs made. */
    public List<String> notes() {
        return notes;
    }

    /**
     * Spans in which a source stream merged onto this recording's clock had no sample of its own
     * (gaps and held edges, {@link StreamGap}); gaps of the clock itself are not listed here.
     */
    public List<StreamGap> streamGaps() {
        return streamGaps;
    }

    /**
     * Every gap that windows must not span: the intervals between consecutive timestamps longer
     * than {@code maxGapFactor} nominal periods ({@code 1000 / samplingRateHz} ms), as
     * {@link StreamGap#CLOCK} gaps in time order, then {@link #streamGaps()}.
     *
     * @param maxGapFactor a clock interval longer than this many nominal periods is a gap
     */
    public List<StreamGap> gaps(double maxGapFactor) {
        double maxIntervalMs = maxGapFactor * 1000.0 / samplingRateHz;
        List<StreamGap> out = new ArrayList<>();
        for (int i = 1; i < timestampsMs.length; i++) {
            if (timestampsMs[i] - timestampsMs[i - 1] > maxIntervalMs) {
                out.add(new StreamGap(StreamGap.CLOCK, timestampsMs[i - 1], timestampsMs[i]));
            }
        }
        out.addAll(streamGaps);
        return out;
    }

    /** Duration from first to last sample, in seconds. */
    public double durationSeconds() {
        return timestampsMs.length < 2 ? 0 : (timestampsMs[timestampsMs.length - 1] - timestampsMs[0]) / 1000.0;
    }

    /** Bytes of sample data held per sample (timestamp, values, label, box). */
    public int bytesPerSample() {
        return Long.BYTES + values.length * Float.BYTES + 2 * Integer.BYTES;
    }

    /** SHA-256 over ids, channel names, timestamps, values, labels and stream gaps: the data fingerprint. */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((subjectId + "\n" + sessionId + "\n" + String.join(",", channels)).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            ByteBuffer buf = ByteBuffer.allocate(8 * 4096);
            for (int i = 0; i < timestampsMs.length; i++) {
                if (buf.remaining() < 16) {
                    md.update(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putLong(timestampsMs[i]).putInt(sampleLabels[i]).putInt(sampleBoxes[i]);
            }
            for (float[] ch : values) {
                for (float v : ch) {
                    if (buf.remaining() < 4) {
                        md.update(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putFloat(v);
                }
            }
            md.update(buf.array(), 0, buf.position());
            for (StreamGap g : streamGaps) { // none for most recordings: their fingerprint is unchanged
                md.update((g.stream() + ":" + g.afterMs() + ":" + g.beforeMs() + "\n").getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
