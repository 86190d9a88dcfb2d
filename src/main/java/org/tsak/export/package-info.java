/**
 * From a trained run to a deployable student: {@link org.tsak.export.StudentExporter} converts
 * the DJL student of a run folder into a {@link org.tsak.deploy.StudentArtifact}, and
 * {@link org.tsak.export.ExportCheck} compares the artifact with DJL on the run's test windows,
 * and {@link org.tsak.export.ExportFormats} registers the formats of {@code tsak export --format}.
 * Sits above {@code train} and {@code deploy}, the only package that joins the two; a new
 * exporter from a trained model goes here, a new artifact writer in {@code deploy}, registered in
 * {@link org.tsak.export.ExportFormats}.
 */
package org.tsak.export;
