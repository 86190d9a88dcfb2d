/**
 * Sensor recordings and their preparation: the dataset sources (OpenPack, CSV, simulator), each a
 * {@link org.tsak.data.DatasetSource} registered by its {@code data.source} name in
 * {@link org.tsak.data.DatasetSources}, the ten operations ({@link org.tsak.data.Operations}), and
 * {@link org.tsak.data.PreparedData}: windows, splits, normalisation and channel views
 * (sub-packages {@code window}, {@code augment}, {@code hands}, {@code openpack}, {@code csv},
 * {@code sim}). A new dataset reader goes here (docs/ARCHITECTURE.md).
 */
package org.tsak.data;
