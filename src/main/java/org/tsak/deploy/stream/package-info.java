/**
 * Live recognition from a sensor stream with a deployed student (no DJL).
 *
 * <p>Flow: text lines ({@link org.tsak.deploy.stream.LineSource}: stdin, a file, a followed
 * file, a loopback TCP client) -> {@link org.tsak.deploy.stream.SampleLineParser} (CSV
 * {@code timestamp_ms,<channel>,...}, optional header) -> {@link org.tsak.deploy.stream.StreamRecognizer}
 * (ring buffer of one window, the student every stride, the OpenPack 1 Hz rule) ->
 * {@link org.tsak.deploy.stream.SegmentMerger} (per-second predictions to operation segments,
 * flickers merged) -> {@link org.tsak.deploy.stream.WorkMetrics} (time per operation, boxes,
 * cycle time, idle share). Everything reaches the outside through a
 * {@link org.tsak.deploy.stream.StreamListener}; {@link org.tsak.deploy.stream.JsonLinesListener}
 * writes JSON lines. Memory is bounded: nothing grows with the length of the stream.
 *
 * <p>Several workers in one input: {@link org.tsak.deploy.stream.WorkerStreamSession} reads a
 * worker id column and keeps one recognizer per worker (its own ring, context state, segments,
 * metrics and warnings) on one shared runtime, at most a bounded number of workers.
 */
package org.tsak.deploy.stream;
