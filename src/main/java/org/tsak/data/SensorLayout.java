package org.tsak.data;

import java.util.List;

/**
 * The sensor setup a recording came from: body positions (e.g. {@code right_wrist}) crossed
 * with modalities (e.g. {@code acc}, {@code gyro}, {@code cap}). Informational: channel
 * names carry the same information per channel.
 *
 * @param positions  body positions in channel order
 * @param modalities modalities recorded (not necessarily at every position)
 */
public record SensorLayout(List<String> positions, List<String> modalities) {

    /** Validates and copies. */
    public SensorLayout {
        positions = List.copyOf(positions);
        modalities = List.copyOf(modalities);
    }

    /** Derives the layout from channel names of the form {@code <position>/<sensor>_<axis>}. */
    public static SensorLayout fromChannels(List<String> channels) {
        java.util.LinkedHashSet<String> pos = new java.util.LinkedHashSet<>();
        java.util.LinkedHashSet<String> mod = new java.util.LinkedHashSet<>();
        for (String c : channels) {
            ChannelName n = ChannelName.parse(c);
            pos.add(n.position());
            mod.add(n.sensor());
        }
        return new SensorLayout(List.copyOf(pos), List.copyOf(mod));
    }
}
