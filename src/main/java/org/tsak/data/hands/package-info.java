/**
 * Handedness: which hand a recording's worker uses most, and the left/right mirror image that
 * lets a model trained on right-handed workers serve left-handed ones.
 *
 * <p>{@link org.tsak.data.hands.Handedness} reads the dominant hand a recording states (the
 * simulator's note, a CSV file's {@code # dominant_hand:} metadata; OpenPack does not say);
 * {@link org.tsak.data.hands.MirrorMap} is the channel-by-channel mirror rule (swap
 * {@code right_*} and {@code left_*} positions, sign-flip the lateral axes: acc y, gyro x and z);
 * {@link org.tsak.data.hands.HandMirroring} applies it to a recording;
 * {@link org.tsak.data.hands.HandednessPolicy} applies the config's {@code data.handedness} and
 * {@code data.studentHand} to the recordings of a run.
 */
package org.tsak.data.hands;
