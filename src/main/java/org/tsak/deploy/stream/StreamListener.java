package org.tsak.deploy.stream;

/**
 * Receives what a {@link StreamRecognizer} produces, in stream order. Called on the thread that
 * feeds the recognizer.
 */
public interface StreamListener {

    /** A second is final (a later second has started, or the stream ended). */
    void onSecond(SecondPrediction second);

    /** A segment has closed. */
    void onSegment(OperationSegment segment);

    /**
     * Periodic or final work metrics.
     *
     * @param streamTimeMs stream time (unixtime ms of the sample that triggered the report, or of
     *                     the last sample for the final report)
     * @param metrics      the live metrics; read them during the call, they keep changing
     * @param isFinal      true for the report at the end of the stream
     */
    void onMetrics(long streamTimeMs, WorkMetrics metrics, boolean isFinal);

    /** A human-readable warning (already rate-limited). */
    void onWarning(String message);
}
