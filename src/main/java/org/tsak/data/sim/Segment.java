package org.tsak.data.sim;

/**
 * A stretch of one operation in a simulated session.
 *
 * @param operationId   OpenPack operation id (100..1000, or 8100 Null)
 * @param box           box number, 0 between boxes
 * @param startSample   first sample index
 * @param sampleCount   number of samples, at least 1
 */
record Segment(int operationId, int box, int startSample, int sampleCount) {
}
