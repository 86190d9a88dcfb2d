package org.tsak.deploy;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ActivationQuantiser#quantise} for ReLU outputs with the Java 17 Vector API
 * ({@link FloatVector#SPECIES_PREFERRED}), giving the same floats: {@code amax} is a maximum (the
 * same float in any order; lanes keep {@code v > m ? v : m}, so NaN is ignored as in the scalar
 * code), and each value is {@code min(127, (int) (a * inv + 0.5f))} with a separate multiply and
 * add. The truncation is done in float, not by a float-to-int conversion (which C2 on Java 17 does
 * not compile to vector code for 512-bit vectors: it ran 1.6x slower than the scalar loop): for
 * {@code 0 <= t < 2^22}, {@code r = (t + 2^23) - 2^23} is {@code t} rounded to the nearest integer
 * (exactly), and {@code r > t ? r - 1 : r} is {@code floor(t)}, the truncation of a non-negative
 * {@code t}; both are integer-valued floats, the scalar code's int converted back. Exact only for
 * {@code t} in that range, which ReLU outputs with a finite {@code amax} give
 * ({@code 0.5 <= t <= 127.5} and a rounding): a non-ReLU input (the first layer's, which can be
 * negative) and an activation whose {@code amax} is not finite go to {@link ActivationQuantiser}.
 * Loaded only with {@code jdk.incubator.vector}, through {@code VectorConvKernel}.
 */
final class VectorQuantiser {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** {@code 2^23}: adding it to a float in {@code [0, 2^22)} rounds that float to an integer. */
    private static final float ROUNDING_SHIFT = 0x1p23f;

    private VectorQuantiser() {
    }

    /**
     * As {@link ActivationQuantiser#quantise}, same arguments and result.
     *
     * @param a activation, at least {@code (pad + length + pad) * channels} floats
     * @param q quantised activation, written, as long as {@code a} needs
     */
    static float quantise(float[] a, float[] q, int pad, int channels, int length, boolean reluOutput) {
        if (!reluOutput) {
            return ActivationQuantiser.quantise(a, q, pad, channels, length, false);
        }
        int from = pad * channels;
        int to = from + length * channels;
        float amax = absMax(a, from, to);
        if (!Float.isFinite(amax)) {
            return ActivationQuantiser.quantise(a, q, pad, channels, length, true);
        }
        float inv = QuantisedStudent.inverseScale(amax);
        PackedConv.zeroPadRows(q, pad, length, channels);
        int j = from;
        int bound = from + SPECIES.loopBound(to - from);
        float qmax = QuantisedStudent.QMAX;
        for (; j < bound; j += SPECIES.length()) {
            FloatVector t = FloatVector.fromArray(SPECIES, a, j).mul(inv).add(0.5f);
            FloatVector r = t.add(ROUNDING_SHIFT).sub(ROUNDING_SHIFT);
            FloatVector floor = r.sub(1f, r.compare(VectorOperators.GT, t));
            floor.min(qmax).intoArray(q, j);
        }
        ActivationQuantiser.quantiseNonNegative(a, q, j, to, inv);
        return amax / QuantisedStudent.QMAX;
    }

    /** {@code max |a[j]|} over {@code [from, to)}, NaNs ignored: {@link ActivationQuantiser#absMax}'s float. */
    private static float absMax(float[] a, int from, int to) {
        FloatVector m = FloatVector.zero(SPECIES);
        int j = from;
        int bound = from + SPECIES.loopBound(to - from);
        for (; j < bound; j += SPECIES.length()) {
            FloatVector v = FloatVector.fromArray(SPECIES, a, j).abs();
            m = m.blend(v, v.compare(VectorOperators.GT, m));
        }
        float amax = m.reduceLanes(VectorOperators.MAX);
        float rest = ActivationQuantiser.absMax(a, j, to);
        return rest > amax ? rest : amax;
    }
}
