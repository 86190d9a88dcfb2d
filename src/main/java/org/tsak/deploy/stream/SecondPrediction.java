package org.tsak.deploy.stream;

/**
 * The prediction for one second of stream time, by the OpenPack 1 Hz rule: the last window
 * whose end time falls in the second.
 *
 * @param secondMs    start of the second, {@code floor(t / 1000) * 1000}, unixtime ms
 * @param classIndex  index of the predicted output of the student
 * @param operationId operation id of that output (the artifact's class id)
 * @param name        name of that output
 * @param confidence  largest softmax probability of the window's logits, in (0, 1]
 * @param windowEndMs timestamp of the last sample of the window that gave the prediction
 */
public record SecondPrediction(long secondMs, int classIndex, int operationId, String name, double confidence,
        long windowEndMs) {
}
