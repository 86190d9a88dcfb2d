package org.tsak.deploy;

/**
 * Memory a C export of the student needs on a microcontroller.
 *
 * @param precision           {@code float32} or {@code int8}
 * @param flashWeightBytes    constant data for the network: weights, biases, scales, the input
 *                            normalisation and a context head's weights (code, class names and ids
 *                            not included)
 * @param ramActivationBytes  static buffers: the two zero-padded ping-pong activation buffers (each
 *                            as large as the largest activation it holds, so a strided student's
 *                            short later activations need little), the pooled vector, a logits
 *                            scratch for calls without a logits array and, for int8, the quantised
 *                            activation and the int32 accumulator; with a context head its state
 *                            ({@code (S - 1) x H} floats), the current projection and the ring
 *                            index; not the stack (the float export's
 *                            per-layer accumulators, 4 B per output channel, live there)
 * @param multiplyAdds        multiply-adds per window
 */
public record CFootprint(String precision, long flashWeightBytes, long ramActivationBytes, long multiplyAdds) {

    /** One line for logs and reports, e.g. {@code C export (float32): flash 11,852 B weights, RAM 12,416 B ...}. */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "C export (%s): flash %,d B weights, RAM %,d B activations, %,d multiply-adds per window",
                precision, flashWeightBytes, ramActivationBytes, multiplyAdds);
    }

    @Override
    public String toString() {
        return describe();
    }
}
