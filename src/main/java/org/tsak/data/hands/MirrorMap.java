package org.tsak.data.hands;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.tsak.data.ChannelName;

/**
 * The left/right mirror image of a list of channels, position by position: output channel
 * {@code i} is {@code sign(i) * input channel source(i)}.
 *
 * <p><b>Positions.</b> A position {@code right_<part>} takes the channel of the same sensor and
 * axis at {@code left_<part>} and vice versa ({@code right_wrist} &lt;-&gt; {@code left_wrist},
 * {@code right_upper_arm} &lt;-&gt; {@code left_upper_arm}). A channel of a {@code right_} or
 * {@code left_} position whose counterpart is absent is kept as it is, unmirrored, and listed in
 * {@link #unpaired()} (e.g. OpenPack's {@code right_wrist/e4acc_x}, {@code right_wrist/eda}:
 * only one E4 wristband is read). A position named by role, not side ({@code dominant_<part>},
 * {@code non_dominant_<part>}, see {@link HandednessPolicy}) is already side-free and stays
 * unchanged. A channel of any other position (a midline sensor) stays in place with its
 * lateral axes mirrored.
 *
 * <p><b>Lateral axes.</b> Mirroring reflects the body's lateral axis. With a device worn the
 * same way on both wrists (x along the forearm, z out of the back of the hand, y across the
 * wrist), a reflection {@code M = diag(1, -1, 1)} in the device frame gives:
 * <ul>
 * <li>{@code acc}, {@code e4acc} (polar vectors: specific force): {@code y} changes sign;</li>
 * <li>{@code gyro}, {@code mag} (axial vectors: {@code w' = det(M) M w}): {@code x} and
 *     {@code z} change sign;</li>
 * <li>{@code quat} (w, x, y, z: an orientation {@code R}, mirrored to {@code M R M}, whose
 *     vector part is axial): {@code x} and {@code z} change sign; exact up to a constant
 *     heading when the quaternion's reference frame has a vertical z axis (a reflection in any
 *     vertical plane is this one followed by a turn about the vertical);</li>
 * <li>every other sensor ({@code cap}, {@code eda}, {@code bvp}, {@code temp}, ...): scalars,
 *     unchanged. A sensor not in this list that has {@code x}, {@code y} or {@code z} axes is
 *     kept unchanged and listed in {@link #unknownAxes()}.</li>
 * </ul>
 * The simulator follows this convention exactly (its left hand mirrors roll, yaw and sideways
 * motion: acc_y, gyro_x and gyro_z change sign; see docs/DATA.md). For OpenPack's ATR wrist
 * IMUs the sample sessions agree with it (mean gravity: atr01 and atr02 have acc_x and acc_z of
 * the same sign and acc_y of opposite sign in U0209 and U0102); OpenPack does not document the
 * upper-arm devices' axes and the two sample sessions disagree on them, so mirroring
 * {@code atr03}/{@code atr04} with the same rule is an assumption.
 *
 * <p>{@code source} is an involution and a channel and its counterpart share a sign, so
 * mirroring twice is the identity.
 */
public final class MirrorMap {

    /** Polar 3-axis sensors: the lateral axis {@code y} changes sign. */
    public static final Set<String> POLAR = Set.of("acc", "e4acc");

    /** Axial 3-axis sensors and orientation quaternions: {@code x} and {@code z} change sign. */
    public static final Set<String> AXIAL = Set.of("gyro", "mag", "quat");

    private final List<String> channels;
    private final int[] source;
    private final float[] sign;
    private final List<String> unpaired;
    private final List<String> unknownAxes;

    private MirrorMap(List<String> channels, int[] source, float[] sign, List<String> unpaired,
            List<String> unknownAxes) {
        this.channels = List.copyOf(channels);
        this.source = source;
        this.sign = sign;
        this.unpaired = List.copyOf(unpaired);
        this.unknownAxes = List.copyOf(unknownAxes);
    }

    /**
     * The mirror map of {@code channels} (names {@code <position>/<sensor>_<axis>}).
     *
     * @throws IllegalArgumentException if a name is not of that form
     */
    public static MirrorMap of(List<String> channels) {
        int n = channels.size();
        int[] source = new int[n];
        float[] sign = new float[n];
        List<String> unpaired = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ChannelName name = ChannelName.parse(channels.get(i));
            if (isRolePosition(name.position())) {
                source[i] = i;
                sign[i] = 1f;
                continue;
            }
            String other = counterpartPosition(name.position());
            if (other == null) {
                source[i] = i;
            } else {
                int j = channels.indexOf(new ChannelName(other, name.sensor(), name.axis()).toString());
                if (j < 0) {
                    source[i] = i;
                    sign[i] = 1f;
                    unpaired.add(channels.get(i));
                    continue;
                }
                source[i] = j;
            }
            sign[i] = axisSign(name);
            if (sign[i] > 0 && isSpatialAxis(name.axis()) && !POLAR.contains(name.sensor())
                    && !AXIAL.contains(name.sensor())) {
                unknown.add(channels.get(i));
            }
        }
        return new MirrorMap(channels, source, sign, unpaired, unknown);
    }

    /** {@code left_<part>} for {@code right_<part>} and vice versa; null for other positions. */
    static String counterpartPosition(String position) {
        if (position.startsWith("right_")) {
            return "left_" + position.substring("right_".length());
        }
        if (position.startsWith("left_")) {
            return "right_" + position.substring("left_".length());
        }
        return null;
    }

    /** True for positions named by role ({@code dominant_...}, {@code non_dominant_...}). */
    static boolean isRolePosition(String position) {
        return position.startsWith("dominant_") || position.startsWith("non_dominant_");
    }

    /** -1 for the axes a left/right reflection turns round, else 1 (see the class comment). */
    static float axisSign(ChannelName name) {
        String axis = name.axis();
        if (POLAR.contains(name.sensor())) {
            return axis.equals("y") ? -1f : 1f;
        }
        if (AXIAL.contains(name.sensor())) {
            return axis.equals("x") || axis.equals("z") ? -1f : 1f;
        }
        return 1f;
    }

    private static boolean isSpatialAxis(String axis) {
        return axis.equals("x") || axis.equals("y") || axis.equals("z");
    }

    /** The channels mapped, in order. */
    public List<String> channels() {
        return channels;
    }

    /** Number of channels. */
    public int size() {
        return source.length;
    }

    /** The input channel that output channel {@code i} takes. */
    public int source(int i) {
        return source[i];
    }

    /** +1 or -1: the factor output channel {@code i} applies. */
    public float sign(int i) {
        return sign[i];
    }

    /** True if mirroring changes nothing (no pair, no lateral axis). */
    public boolean isIdentity() {
        for (int i = 0; i < source.length; i++) {
            if (source[i] != i || sign[i] != 1f) {
                return false;
            }
        }
        return true;
    }

    /** Channels of a left or right position without a counterpart: kept unmirrored. */
    public List<String> unpaired() {
        return unpaired;
    }

    /** Channels with x/y/z axes of a sensor without a mirror rule: kept unchanged. */
    public List<String> unknownAxes() {
        return unknownAxes;
    }

    /**
     * A human-readable line per changed channel, e.g. {@code right_wrist/acc_y <- -left_wrist/acc_y}:
     * the exact mapping, for notes and docs.
     */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < source.length; i++) {
            if (source[i] != i || sign[i] != 1f) {
                out.add(channels.get(i) + " <- " + (sign[i] < 0 ? "-" : "") + channels.get(source[i]));
            }
        }
        return out;
    }

    /**
     * Mirrors windows in place: {@code ncw} holds {@code count} windows of {@link #size()}
     * channels x {@code samples} samples (NCW), element {@code (w, c, t)} at
     * {@code (w * C + c) * L + t}. Only windows with {@code select[w]} true are mirrored (all
     * when {@code select} is null).
     *
     * @throws IllegalArgumentException if {@code ncw} is shorter than {@code count * C * L}
     */
    public void mirrorInPlace(float[] ncw, int count, int samples, boolean[] select) {
        int c = source.length;
        if ((long) count * c * samples > ncw.length) {
            throw new IllegalArgumentException(ncw.length + " floats do not hold " + count + " windows x " + c
                    + " channels x " + samples + " samples");
        }
        float[] window = new float[c * samples];
        for (int w = 0; w < count; w++) {
            if (select != null && !select[w]) {
                continue;
            }
            int base = w * c * samples;
            System.arraycopy(ncw, base, window, 0, c * samples);
            for (int ch = 0; ch < c; ch++) {
                int from = source[ch] * samples;
                int to = base + ch * samples;
                float s = sign[ch];
                for (int t = 0; t < samples; t++) {
                    ncw[to + t] = s * window[from + t];
                }
            }
        }
    }
}
