/**
 * Reader of the OpenPack dataset (releases v1.0.0 and v0.3.0, told apart by
 * {@link org.tsak.data.openpack.OpenPackRelease}): {@link org.tsak.data.openpack.OpenPackReader}
 * with its {@link org.tsak.data.openpack.OpenPackOptions} and
 * {@link org.tsak.data.openpack.OpenPackSensor} selection, the fast
 * {@link org.tsak.data.openpack.NumericCsv} parser, and the annotation files
 * ({@link org.tsak.data.openpack.OperationSegments}, {@link org.tsak.data.openpack.GroundTruthFile},
 * and v0.3.0's per-second {@link org.tsak.data.openpack.ActivitySecondsFile}).
 */
package org.tsak.data.openpack;
