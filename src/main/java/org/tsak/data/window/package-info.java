/**
 * Windowing, channel views, normalisation and person-safe splits.
 *
 * <p>The flow: {@link org.tsak.data.window.Windower} turns a list of recordings into a
 * {@link org.tsak.data.window.WindowSet}, an index of window positions (no sample data is
 * copied); a {@link org.tsak.data.window.Splitter} divides the window indices into train,
 * validation and test without cutting through a person or overlapping in time;
 * {@link org.tsak.data.window.ZScore} is fitted on the training windows only; batches are then
 * filled on demand, channels first (NCW), into caller-provided float arrays through a
 * {@link org.tsak.data.window.ChannelView} (all channels for the teacher, one wrist's
 * accelerometer for the student).
 */
package org.tsak.data.window;
