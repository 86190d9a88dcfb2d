/**
 * Sensor recordings and their preparation: the {@link org.tsak.data.DatasetReader}s (OpenPack,
 * CSV, simulator), the ten operations ({@link org.tsak.data.Operations}), and
 * {@link org.tsak.data.PreparedData}: windows, splits, normalisation and channel views
 * (sub-packages {@code window}, {@code augment}, {@code hands}, {@code openpack}, {@code csv},
 * {@code sim}). A new dataset reader goes here (docs/ARCHITECTURE.md).
 */
package org.tsak.data;
