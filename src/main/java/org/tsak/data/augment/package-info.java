/**
 * Random augmentation of training windows ({@link org.tsak.data.augment.WristAugmentation}):
 * left/right mirroring, small rotations of each body position's 3-axis sensors, amplitude
 * scaling, jitter and time shifts, all drawn from a random stream the caller passes in.
 */
package org.tsak.data.augment;
