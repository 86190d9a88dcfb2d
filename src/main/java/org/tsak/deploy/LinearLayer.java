package org.tsak.deploy;

import java.util.Arrays;

/**
 * The student's classifier head: {@code logits = weight * rep + bias}.
 * Immutable: arrays are copied in and out.
 *
 * @param in     input features (the last conv layer's channels)
 * @param out    outputs (classes)
 * @param weight {@code [out][in]} row-major, length {@code out * in}
 * @param bias   length {@code out}
 */
public record LinearLayer(int in, int out, float[] weight, float[] bias) {

    /**
     * Validates sizes and values.
     *
     * @throws IllegalArgumentException naming the array and what is wrong
     */
    public LinearLayer {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("linear layer needs in >= 1 and out >= 1, got in=" + in
                    + " out=" + out);
        }
        weight = Checks.copy("linear weight [out][in]", weight, (long) out * in);
        bias = Checks.copy("linear bias", bias, out);
    }

    /** Number of trainable values. */
    public long parameterCount() {
        return (long) out * in + out;
    }

    @Override
    public float[] weight() {
        return weight.clone();
    }

    @Override
    public float[] bias() {
        return bias.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearLayer l && in == l.in && out == l.out && Arrays.equals(weight, l.weight)
                && Arrays.equals(bias, l.bias);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * in + out) + Arrays.hashCode(weight)) + Arrays.hashCode(bias);
    }

    @Override
    public String toString() {
        return "LinearLayer[" + in + "->" + out + "]";
    }
}
