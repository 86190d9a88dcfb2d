package org.tsak.deploy;

/**
 * Per-tensor int8 quantisation of a conv layer's input activation for the int8 runtime
 * ({@link QuantisedStudent}'s scheme), scalar: the activation is channel-last ("NWC") with
 * {@code pad} zero rows before and after its {@code length} valid rows of {@code channels} floats,
 * as {@link PackedConv} documents; the result is integer-valued floats in {@code [-127, 127]} in the
 * same layout. {@code VectorQuantiser} computes the same floats with the Vector API.
 */
final class ActivationQuantiser {

    private ActivationQuantiser() {
    }

    /**
     * Quantises the valid rows of {@code a} into {@code q} (pad rows zero) with
     * {@code amax = max |a|}; returns the scale {@code amax / 127}.
     * Each value is {@link QuantisedStudent#quantiseActivation}'s {@code clamp(floor(t), -127, 127)},
     * {@code t = a * inv + 0.5f}, written branch-free. A layer's output is ReLU's ({@code v > 0 ? v : 0}:
     * never negative, never NaN), so for {@code reluOutput} every {@code t >= 0.5}: floor is the
     * conversion's truncation and the lower clamp never acts, and both are left out; the result is
     * the same integer.
     *
     * @param a activation, at least {@code (pad + length + pad) * channels} floats
     * @param q quantised activation, written, as long as {@code a} needs
     */
    static float quantise(float[] a, float[] q, int pad, int channels, int length, boolean reluOutput) {
        int from = pad * channels;
        int to = from + length * channels;
        float amax = absMax(a, from, to);
        float inv = QuantisedStudent.inverseScale(amax);
        PackedConv.zeroPadRows(q, pad, length, channels);
        if (reluOutput) {
            quantiseNonNegative(a, q, from, to, inv);
        } else {
            for (int j = from; j < to; j++) {
                float t = a[j] * inv + 0.5f;
                int i = (int) t;
                i -= t < i ? 1 : 0;
                q[j] = Math.max(-QuantisedStudent.QMAX, Math.min(QuantisedStudent.QMAX, i));
            }
        }
        return amax / QuantisedStudent.QMAX;
    }

    /** {@code q[j] = min(127, (int) (a[j] * inv + 0.5f))} over {@code [from, to)}, for ReLU outputs. */
    static void quantiseNonNegative(float[] a, float[] q, int from, int to, float inv) {
        for (int j = from; j < to; j++) {
            q[j] = Math.min(QuantisedStudent.QMAX, (int) (a[j] * inv + 0.5f));
        }
    }

    /**
     * {@code max |a[j]|} over {@code [from, to)}, NaNs ignored, as the C export's running
     * {@code amax = v > amax ? v : amax}: four running maxima over interleaved elements, so that
     * four comparisons are in flight instead of one chain; the maximum of a set does not depend
     * on the order it is taken in, so the result is the same float.
     */
    static float absMax(float[] a, int from, int to) {
        float m0 = 0f;
        float m1 = 0f;
        float m2 = 0f;
        float m3 = 0f;
        int j = from;
        for (; j + 3 < to; j += 4) {
            float v0 = Math.abs(a[j]);
            float v1 = Math.abs(a[j + 1]);
            float v2 = Math.abs(a[j + 2]);
            float v3 = Math.abs(a[j + 3]);
            m0 = v0 > m0 ? v0 : m0;
            m1 = v1 > m1 ? v1 : m1;
            m2 = v2 > m2 ? v2 : m2;
            m3 = v3 > m3 ? v3 : m3;
        }
        for (; j < to; j++) {
            float v = Math.abs(a[j]);
            m0 = v > m0 ? v : m0;
        }
        m0 = m1 > m0 ? m1 : m0;
        m2 = m3 > m2 ? m3 : m2;
        return m2 > m0 ? m2 : m0;
    }
}
