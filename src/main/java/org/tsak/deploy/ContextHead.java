package org.tsak.deploy;

import java.util.Arrays;

/**
 * The student's temporal context head (docs/METHOD.md, "Temporal context"; trained as
 * {@code org.tsak.model.ContextHeadBlock}), engine-free: a causal layer over the student's pooled
 * representation {@code h} of the current window and the projections of the {@code S - 1}
 * windows before it in the same stream.
 *
 * <p>Per window {@code p = ReLU(P h + c)} ({@code H} values); over the last {@code S} windows,
 * oldest first and the current one last, {@code logits = base + (b + W flat(p_0 .. p_(S-1)))},
 * {@code flat} index {@code s * H + h}, {@code base} the student's own logits. A past window that
 * does not exist (the stream's start, a gap) has {@code p = 0}. Deployed, the projections of the
 * last {@code S - 1} windows are the state carried from window to window
 * ({@link #stateFloats()} floats).
 *
 * <p>Summation order (the Java runtime's and the C export's): {@code p[h]} starts at {@code c[h]}
 * and adds {@code P[h][j] h[j]} in order of {@code j}, then ReLU; the temporal sum of class
 * {@code o} starts at {@code b[o]} and adds {@code W[o][s H + h] p_s[h]} for {@code s} from the
 * oldest window to the current one, {@code h} in order; then it is added to {@code base[o]}.
 * Immutable: arrays are copied in and out.
 *
 * @param steps              windows seen, {@code S >= 2}: the current one and {@code S - 1} past ones
 * @param representationSize the student's pooled representation {@code E}
 * @param projectionSize     {@code H}
 * @param classes            {@code K}
 * @param projectionWeight   {@code P}, {@code [H][E]} row-major
 * @param projectionBias     {@code c}, {@code [H]}
 * @param temporalWeight     {@code W}, {@code [K][S * H]} row-major
 * @param temporalBias       {@code b}, {@code [K]}
 */
public record ContextHead(int steps, int representationSize, int projectionSize, int classes,
        float[] projectionWeight, float[] projectionBias, float[] temporalWeight, float[] temporalBias) {

    /**
     * Validates sizes and values.
     *
     * @throws IllegalArgumentException naming the size or array that is wrong
     */
    public ContextHead {
        if (steps < 2) {
            throw new IllegalArgumentException("a context head sees the current window and at least one past"
                    + " window: steps must be >= 2, got " + steps);
        }
        if (representationSize < 1 || projectionSize < 1 || classes < 1) {
            throw new IllegalArgumentException("context head needs representationSize, projectionSize and classes"
                    + " >= 1, got " + representationSize + ", " + projectionSize + ", " + classes);
        }
        projectionWeight = Checks.copy("context projection weight [H][E]", projectionWeight,
                (long) projectionSize * representationSize);
        projectionBias = Checks.copy("context projection bias [H]", projectionBias, projectionSize);
        temporalWeight = Checks.copy("context temporal weight [K][S*H]", temporalWeight,
                (long) classes * steps * projectionSize);
        temporalBias = Checks.copy("context temporal bias [K]", temporalBias, classes);
    }

    /** Past windows held in the state, {@code S - 1}. */
    public int pastSteps() {
        return steps - 1;
    }

    /** Floats of the state: {@code (S - 1) x H} projections. */
    public int stateFloats() {
        return pastSteps() * projectionSize;
    }

    /** Bytes of the state as float32. */
    public long stateBytes() {
        return 4L * stateFloats();
    }

    /** Trainable values: {@code E H + H + S H K + K}. */
    public long parameterCount() {
        return (long) representationSize * projectionSize + projectionSize
                + (long) steps * projectionSize * classes + classes;
    }

    /** Multiply-adds per window: the projection {@code E H} and the temporal layer {@code S H K}. */
    public long multiplyAddsPerWindow() {
        return (long) representationSize * projectionSize + (long) steps * projectionSize * classes;
    }

    /**
     * The projection {@code p = ReLU(P h + c)} of one representation, in the documented order.
     *
     * @param representation {@code E} values
     * @param out            {@code H} values, written
     */
    void project(float[] representation, float[] out) {
        int e = representationSize;
        for (int h = 0; h < projectionSize; h++) {
            float acc = projectionBias[h];
            int wb = h * e;
            for (int j = 0; j < e; j++) {
                acc += projectionWeight[wb + j] * representation[j];
            }
            out[h] = acc > 0f ? acc : 0f;
        }
    }

    /**
     * Adds the temporal layer to {@code logits} ({@code base} in, head logits out), in the
     * documented order.
     *
     * @param past       {@code (S - 1) x H} past projections in a ring: logical row {@code s}
     *                   (0 = oldest) is physical row {@code (first + s) mod (S - 1)}
     * @param first      physical row of the oldest past projection
     * @param current    {@code H}: the current window's projection
     * @param logits     {@code K} values at {@code from}: base in, logits out
     */
    void addTemporal(float[] past, int first, float[] current, float[] logits, int from) {
        int hs = projectionSize;
        int rows = pastSteps();
        int width = steps * hs;
        for (int o = 0; o < classes; o++) {
            float acc = temporalBias[o];
            int wb = o * width;
            for (int s = 0; s < rows; s++) {
                int rb = ((first + s) % rows) * hs;
                int ws = wb + s * hs;
                for (int h = 0; h < hs; h++) {
                    acc += temporalWeight[ws + h] * past[rb + h];
                }
            }
            int ws = wb + rows * hs;
            for (int h = 0; h < hs; h++) {
                acc += temporalWeight[ws + h] * current[h];
            }
            logits[from + o] = logits[from + o] + acc;
        }
    }

    @Override
    public float[] projectionWeight() {
        return projectionWeight.clone();
    }

    @Override
    public float[] projectionBias() {
        return projectionBias.clone();
    }

    @Override
    public float[] temporalWeight() {
        return temporalWeight.clone();
    }

    @Override
    public float[] temporalBias() {
        return temporalBias.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContextHead c && steps == c.steps && representationSize == c.representationSize
                && projectionSize == c.projectionSize && classes == c.classes
                && Arrays.equals(projectionWeight, c.projectionWeight) && Arrays.equals(projectionBias, c.projectionBias)
                && Arrays.equals(temporalWeight, c.temporalWeight) && Arrays.equals(temporalBias, c.temporalBias);
    }

    @Override
    public int hashCode() {
        int h = 31 * (31 * (31 * steps + representationSize) + projectionSize) + classes;
        h = 31 * h + Arrays.hashCode(projectionWeight);
        h = 31 * h + Arrays.hashCode(projectionBias);
        h = 31 * h + Arrays.hashCode(temporalWeight);
        return 31 * h + Arrays.hashCode(temporalBias);
    }

    @Override
    public String toString() {
        return "ContextHead[S=" + steps + ", E=" + representationSize + ", H=" + projectionSize + ", K=" + classes
                + "]";
    }
}
