package org.tsak.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.BatchNorm;

/**
 * Builds the Conv1d + BatchNorm + ReLU stacks shared by the teacher's embedding and the
 * student. Input and output are NCW; with an odd kernel {@code k} and padding {@code k/2} the
 * output keeps the input length: {@code N x C_in x L -> N x C_last x L}.
 */
final class ConvStack {

    private ConvStack() {
    }

    /**
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

    /** {@code layers} copies of {@code width}. */
    static int[] repeat(int width, int layers) {
        int[] channels = new int[layers];
        java.util.Arrays.fill(channels, width);
        return channels;
    }
}
