package org.tsak.deploy.stream;

import java.util.Arrays;

/**
 * The last {@code capacitySamples} samples of {@code C} channels with their timestamps, in a
 * fixed ring: memory is {@code capacity x (C floats + 1 long)} however long the stream runs.
 */
public final class SampleRing {

    private final int channels;
    private final int capacity;
    private final float[] values; // values[c * capacity + slot]
    private final long[] timestampsMs;
    private int next;  // slot written by the next push
    private int size;

    /**
     * @param channels        channels per sample, &gt;= 1
     * @param capacitySamples samples kept, &gt;= 1
     */
    public SampleRing(int channels, int capacitySamples) {
        if (channels < 1 || capacitySamples < 1) {
            throw new IllegalArgumentException("a sample ring needs >= 1 channel and >= 1 sample, got "
                    + channels + " and " + capacitySamples);
        }
        this.channels = channels;
        this.capacity = capacitySamples;
        this.values = new float[channels * capacitySamples];
        this.timestampsMs = new long[capacitySamples];
    }

    /** Appends a sample ({@code sample.length == channels}), overwriting the oldest when full. */
    public void push(long timestampMs, float[] sample) {
        for (int c = 0; c < channels; c++) {
            values[c * capacity + next] = sample[c];
        }
        timestampsMs[next] = timestampMs;
        next = next + 1 == capacity ? 0 : next + 1;
        if (size < capacity) {
            size++;
        }
    }

    /** Forgets every sample (the arrays stay). */
    public void clear() {
        next = 0;
        size = 0;
        Arrays.fill(timestampsMs, 0L);
    }

    /** Samples held, at most the capacity. */
    public int size() {
        return size;
    }

    /** True when {@link #size()} equals the capacity. */
    public boolean isFull() {
        return size == capacity;
    }

    /** The fixed capacity in samples. */
    public int capacitySamples() {
        return capacity;
    }

    /** Timestamp of the oldest sample held. */
    public long oldestTimestampMs() {
        checkNotEmpty();
        return timestampsMs[size < capacity ? 0 : next];
    }

    /** Timestamp of the newest sample held. */
    public long newestTimestampMs() {
        checkNotEmpty();
        return timestampsMs[next == 0 ? capacity - 1 : next - 1];
    }

    /**
     * Copies a full ring, oldest sample first, into {@code out} in NCW order without the batch
     * axis: {@code out[c * capacity + t]}.
     *
     * @throws IllegalStateException if the ring is not full
     */
    public void copyWindowTo(float[] out) {
        if (!isFull()) {
            throw new IllegalStateException("the ring holds " + size + " of " + capacity + " samples");
        }
        int head = capacity - next; // samples from slot next to the end of the row
        for (int c = 0; c < channels; c++) {
            int row = c * capacity;
            System.arraycopy(values, row + next, out, row, head);
            System.arraycopy(values, row, out, row + head, next);
        }
    }

    /** Bytes held by the ring's arrays (constant). */
    public long retainedBytes() {
        return (long) values.length * Float.BYTES + (long) timestampsMs.length * Long.BYTES;
    }

    private void checkNotEmpty() {
        if (size == 0) {
            throw new IllegalStateException("the ring is empty");
        }
    }
}
