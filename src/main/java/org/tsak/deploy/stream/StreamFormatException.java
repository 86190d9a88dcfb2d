package org.tsak.deploy.stream;

/**
 * A stream that cannot be used at all (as opposed to a bad sample, which is skipped with a
 * warning): for example a header row that lacks one of the model's channels. The message names
 * the source, the line and what to do.
 */
public class StreamFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source     the input, e.g. {@code stdin}, a file name or {@code tcp://127.0.0.1:5000}
     * @param lineNumber 1-based line
     * @param reason     what is wrong and what to do
     */
    public StreamFormatException(String source, long lineNumber, String reason) {
        super(source + " line " + lineNumber + ": " + reason);
    }
}
