/**
 * What runs on the edge device, with no DJL: the student artifact
 * ({@link org.tsak.deploy.StudentArtifact}, the {@code .tsak} file), its pure-Java runtime
 * ({@link org.tsak.deploy.StudentRuntime}), int8 quantisation, the ONNX and C writers and the
 * live stream ({@code stream}).
 */
package org.tsak.deploy;
