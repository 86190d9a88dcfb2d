package org.tsak.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.BatchNorm;

/**
 * Builds the Conv1d + BatchNorm + ReLU stacks shared by the teacher's embedding and the
 * student. Input and output are NCW. Layer {@code i} has an odd kernel {@code k}, stride
 * {@code s_i}, dilation {@code d_i} and zero padding {@code d_i (k - 1) / 2} on both sides, so
 * its output length is {@code ceil(L_in / s_i)}; with stride and dilation 1 (the teacher, and
 * {@link #of(int[], int)}) every layer keeps the input length: {@code N x C_in x L -> N x C_last x L}.
 */
final class ConvStack {

    private ConvStack() {
    }

    /**
     * Stride 1, dilation 1, padding {@code k/2} in every layer.
     *
     * @param channels   output channels of each layer
     * @param kernelSize odd kernel size
     */
    static SequentialBlock of(int[] channels, int kernelSize) {
        SequentialBlock stack = new SequentialBlock();
        for (int c : channels) {
            stack.add(Conv1d.builder()
                    .setKernelShape(new Shape(kernelSize))
                    .optPadding(new Shape(kernelSize / 2))
                    .setFilters(c)
                    .build());
            // axis 1 = channels of NCW: one mean/variance per channel over batch and time
            stack.add(BatchNorm.builder().optAxis(1).build());
            stack.add(Activation.reluBlock());
        }
        return stack;
    }

    /**
     * Strided and dilated layers.
     *
     * @param channels   output channels of each layer
     * @param kernelSize odd kernel size
     * @param strides    stride of each layer (same length as {@code channels})
     * @param dilations  dilation of each layer (same length as {@code channels})
     */
    static SequentialBlock of(int[] channels, int kernelSize, int[] strides, int[] dilations) {
        if (strides.length != channels.length || dilations.length != channels.length) {
            throw new IllegalArgumentException("ConvStack: " + channels.length + " layers but "
                    + strides.length + " strides and " + dilations.length + " dilations");
        }
        SequentialBlock stack = new SequentialBlock();
        for (int i = 0; i < channels.length; i++) {
            stack.add(Conv1d.builder()
                    .setKernelShape(new Shape(kernelSize))
                    .optStride(new Shape(strides[i]))
                    .optDilation(new Shape(dilations[i]))
                    .optPadding(new Shape(dilations[i] * (kernelSize - 1) / 2))
                    .setFilters(channels[i])
                    .build());
            stack.add(BatchNorm.builder().optAxis(1).build());
            stack.add(Activation.reluBlock());
        }
        return stack;
    }

    /** {@code layers} copies of {@code width}. */
    static int[] repeat(int width, int layers) {
        int[] channels = new int[layers];
        java.util.Arrays.fill(channels, width);
        return channels;
    }
}
