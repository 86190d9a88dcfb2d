/**
 * Reader of the OpenPack dataset (v1.0.0 folder layout): {@link org.tsak.data.openpack.OpenPackReader}
 * with its {@link org.tsak.data.openpack.OpenPackOptions} and
 * {@link org.tsak.data.openpack.OpenPackSensor} selection, the fast
 * {@link org.tsak.data.openpack.NumericCsv} parser, and the annotation files
 * ({@link org.tsak.data.openpack.OperationSegments}, {@link org.tsak.data.openpack.GroundTruthFile}).
 */
package org.tsak.data.openpack;
