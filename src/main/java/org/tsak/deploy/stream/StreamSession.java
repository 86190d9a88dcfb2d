package org.tsak.deploy.stream;

import java.io.IOException;

import org.tsak.deploy.StudentArtifact;

/**
 * One stream from start to end: lines through a {@link SampleLineParser} into a
 * {@link StreamRecognizer}, with one warning counter for both.
 */
public final class StreamSession {

    private final SampleLineParser parser;
    private final StreamRecognizer recognizer;
    private long lineNumber;

    /**
     * @param artifact the deployed student
     * @param settings flicker threshold and metrics period
     * @param listener receives results and warnings
     * @param source   name of the input for messages, e.g. {@code stdin}
     */
    public StreamSession(StudentArtifact artifact, StreamSettings settings, StreamListener listener, String source) {
        StreamWarnings warnings = new StreamWarnings(listener::onWarning);
        this.recognizer = new StreamRecognizer(artifact, settings, listener, warnings);
        this.parser = new SampleLineParser(artifact.channelNames(), source, warnings);
    }

    /**
     * Feeds the next line (line numbers count from 1 across calls).
     *
     * @throws StreamFormatException if the header lacks a model channel
     */
    public void feed(String line) {
        lineNumber++;
        if (parser.parse(line, lineNumber)) {
            recognizer.accept(parser.timestampMs(), parser.values(), lineNumber);
        }
    }

    /** Ends the stream (see {@link StreamRecognizer#finish()}). */
    public void finish() {
        recognizer.finish();
    }

    /**
     * Feeds every line of {@code source} and then finishes; when reading fails after samples were
     * used, it still finishes (the results so far are reported). A refused stream
     * ({@link StreamFormatException}) or a failure before any sample ends without a final line.
     *
     * @return the number of lines read
     */
    public long run(LineSource source) throws IOException {
        LineDrain.run(source, this::feed, this::finish, recognizer::samplesAccepted);
        return lineNumber;
    }

    /** Lines fed so far. */
    public long lineCount() {
        return lineNumber;
    }

    /** The engine. */
    public StreamRecognizer recognizer() {
        return recognizer;
    }
}
