package org.tsak.data.window;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A selection of channels, in a chosen order, out of a list of available channels: the
 * teacher sees {@link #all(List)}, the student one wrist's accelerometer
 * ({@link #wristAccelerometer(List, String)}). Indices refer to the available list.
 */
public final class ChannelView {

    private final List<String> available;
    private final List<String> names;
    private final int[] indices;

    private ChannelView(List<String> available, List<String> names, int[] indices) {
        this.available = List.copyOf(available);
        this.names = List.copyOf(names);
        this.indices = indices;
    }

    /** Every available channel, in order. */
    public static ChannelView all(List<String> channels) {
        int[] idx = new int[channels.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return new ChannelView(channels, channels, idx);
    }

    /**
     * The {@code wanted} channels, in that order.
     *
     * @throws IllegalArgumentException if a wanted channel is not available (listing the
     *                                  missing and the available names), is named twice, or
     *                                  nothing is wanted
     */
    public static ChannelView of(List<String> available, List<String> wanted) {
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("a channel view needs at least one channel; available: " + available);
        }
        if (new LinkedHashSet<>(wanted).size() != wanted.size()) {
            throw new IllegalArgumentException("channel view " + wanted + " names a channel twice");
        }
        List<String> missing = new ArrayList<>();
        int[] idx = new int[wanted.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = available.indexOf(wanted.get(i));
            if (idx[i] < 0) {
                missing.add(wanted.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("channels " + missing + " are not in the data; available channels: "
                    + available);
        }
        return new ChannelView(available, wanted, idx);
    }

    /**
     * The 3-axis accelerometer of one wrist: {@code <hand>_wrist/acc_x}, {@code _y}, {@code _z}.
     *
     * @param hand {@code "right"} or {@code "left"}
     * @throws IllegalArgumentException for another hand, or if those channels are missing
     */
    public static ChannelView wristAccelerometer(List<String> available, String hand) {
        if (!"right".equals(hand) && !"left".equals(hand)) {
            throw new IllegalArgumentException("hand must be 'right' or 'left', got '" + hand + "'");
        }
        String p = hand + "_wrist/acc_";
        return of(available, List.of(p + "x", p + "y", p + "z"));
    }

    /** Selected channel names, in view order. */
    public List<String> names() {
        return names;
    }

    /** Indices of the selected channels in the available list, in view order (a copy). */
    public int[] indices() {
        return indices.clone();
    }

    /** Number of selected channels. */
    public int size() {
        return indices.length;
    }

    /** The channel list this view was built from. */
    public List<String> availableChannels() {
        return available;
    }

    @Override
    public String toString() {
        return "ChannelView" + names;
    }
}
