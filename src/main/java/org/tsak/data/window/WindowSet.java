package org.tsak.data.window;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.tsak.data.Recording;

/**
 * Windows over a list of recordings, held as an index (recording, start sample, label), never
 * as copies of the samples: batches are filled on demand into caller-provided arrays by
 * {@link #fill(int[], int, int, ChannelView, ZScore, float[])}, so memory stays at the
 * recordings themselves plus about 21 bytes per window.
 *
 * <p>Built by {@link Windower#window(List)}. All windows have {@link #windowSamples()} samples
 * and all recordings the same {@link #channels()}.
 */
public final class WindowSet {

    private final List<Recording> recordings;
    private final WindowSpec spec;
    private final double samplingRateHz;
    private final int windowSamples;
    private final int strideSamples;
    private final int size;
    private final int[] recording;
    private final int[] startSample;
    private final long[] endTimeMs;
    private final int[] operationId;
    private final byte[] classIndex;
    private final int droppedForGaps;

    WindowSet(List<Recording> recordings, WindowSpec spec, double samplingRateHz, int windowSamples,
            int strideSamples, WindowTable table, int droppedForGaps) {
        table.trim();
        this.recordings = List.copyOf(recordings);
        this.spec = spec;
        this.samplingRateHz = samplingRateHz;
        this.windowSamples = windowSamples;
        this.strideSamples = strideSamples;
        this.size = table.size;
        this.recording = table.recording;
        this.startSample = table.startSample;
        this.endTimeMs = table.endTimeMs;
        this.operationId = table.operationId;
        this.classIndex = table.classIndex;
        this.droppedForGaps = droppedForGaps;
    }

    /** The recordings windowed, in the order given to the windower. */
    public List<Recording> recordings() {
        return recordings;
    }

    /** The window spec used. */
    public WindowSpec spec() {
        return spec;
    }

    /** Nominal sampling rate (of the first recording) that window lengths were computed from. */
    public double samplingRateHz() {
        return samplingRateHz;
    }

    /** Number of windows. */
    public int size() {
        return size;
    }

    /** Window {@code i}. */
    public Window get(int i) {
        checkIndex(i);
        return new Window(recording[i], startSample[i], startSample[i] + windowSamples, endTimeMs[i],
                operationId[i], classIndex[i]);
    }

    /** Recording index of window {@code i} (no allocation). */
    public int recordingOf(int i) {
        checkIndex(i);
        return recording[i];
    }

    /** First sample of window {@code i} (no allocation). */
    public int startSampleOf(int i) {
        checkIndex(i);
        return startSample[i];
    }

    /** Samples per window. */
    public int windowSamples() {
        return windowSamples;
    }

    /** Samples between window starts. */
    public int strideSamples() {
        return strideSamples;
    }

    /** Channel names shared by all recordings. */
    public List<String> channels() {
        return recordings.get(0).channels();
    }

    /**
     * Number of windows dropped because they spanned a gap: of the timestamps, or of another
     * stream merged onto them ({@link Recording#gaps(double)}).
     */
    public int droppedForGaps() {
        return droppedForGaps;
    }

    /** Labels as class indices ({@code Operations.indexOf}), one per window (a new array). */
    public int[] classIndices() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = classIndex[i];
        }
        return out;
    }

    /** Labels as class indices of the given windows (a new array, parallel to {@code windowIdx}). */
    public int[] classIndices(int[] windowIdx) {
        int[] out = new int[windowIdx.length];
        for (int k = 0; k < windowIdx.length; k++) {
            checkIndex(windowIdx[k]);
            out[k] = classIndex[windowIdx[k]];
        }
        return out;
    }

    /** Indices 0 .. size-1. */
    public int[] allIndices() {
        int[] out = new int[size];
        Arrays.setAll(out, i -> i);
        return out;
    }

    /** Indices of the windows matching {@code filter}, ascending. */
    public int[] indicesOf(Predicate<Window> filter) {
        int[] out = new int[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (filter.test(get(i))) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Writes {@code count} windows, {@code windowIdx[from] .. windowIdx[from + count - 1]}, into
     * {@code out} from index 0 in NCW layout: window-major, then channel (in the view's
     * order), then time. Element {@code (w, c, t)} is at {@code (w * C + c) * L + t} with
     * {@code C = view.size()}, {@code L = windowSamples()}.
     *
     * @param norm per-channel statistics over {@link #channels()} (all channels, whatever the
     *             view), or null for raw values
     * @throws IllegalArgumentException if the view or statistics do not match the channels,
     *                                  the index range is out of bounds or {@code out} is too small
     */
    public void fill(int[] windowIdx, int from, int count, ChannelView view, ZScore norm, float[] out) {
        if (from < 0 || count < 0 || from + count > windowIdx.length) {
            throw new IllegalArgumentException("window range from " + from + " count " + count
                    + " is outside the index array of length " + windowIdx.length);
        }
        checkView(view);
        if (norm != null && norm.channelCount() != channels().size()) {
            throw new IllegalArgumentException("z-score statistics have " + norm.channelCount()
                    + " channels but the window set has " + channels().size()
                    + "; fit them on this window set (statistics cover all channels, not the view)");
        }
        int[] ch = view.indices();
        int c = ch.length;
        long needed = (long) count * c * windowSamples;
        if (out.length < needed) {
            throw new IllegalArgumentException("output array holds " + out.length + " floats but " + count
                    + " windows x " + c + " channels x " + windowSamples + " samples need " + needed);
        }
        int offset = 0;
        for (int k = from; k < from + count; k++) {
            int w = windowIdx[k];
            checkIndex(w);
            Recording rec = recordings.get(recording[w]);
            int start = startSample[w];
            for (int channel : ch) {
                System.arraycopy(rec.channel(channel), start, out, offset, windowSamples);
                if (norm != null) {
                    norm.applyInPlace(channel, out, offset, windowSamples);
                }
                offset += windowSamples;
            }
        }
    }

    /** Fills all of {@code windowIdx} into a new array (NCW, see {@link #fill(int[], int, int, ChannelView, ZScore, float[])}). */
    public float[] fill(int[] windowIdx, ChannelView view, ZScore norm) {
        checkView(view);
        long n = (long) windowIdx.length * view.size() * windowSamples;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(windowIdx.length + " windows x " + view.size() + " channels x "
                    + windowSamples + " samples do not fit in one array; fill in batches instead");
        }
        float[] out = new float[(int) n];
        fill(windowIdx, 0, windowIdx.length, view, norm, out);
        return out;
    }

    private void checkView(ChannelView view) {
        if (!view.availableChannels().equals(channels())) {
            throw new IllegalArgumentException("channel view " + view.names()
                    + " was built for different channels than this window set's " + channels()
                    + "; build it from windowSet.channels()");
        }
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("window index " + i + " outside [0, " + size + ")");
        }
    }
}
