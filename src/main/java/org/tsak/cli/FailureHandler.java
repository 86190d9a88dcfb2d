package org.tsak.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.tsak.data.DataFormatException;

import picocli.CommandLine;

/**
 * Turns expected failures (bad data, bad config, I/O problems) into one clear line on stderr
 * and exit code 1; anything else is a bug and keeps its stack trace.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (ex instanceof DataFormatException || ex instanceof IllegalArgumentException
                || ex instanceof IOException || ex instanceof UncheckedIOException
                || ex instanceof IllegalStateException) {
            cl.getErr().println("tsak: error: " + ex.getMessage());
            cl.getErr().flush();
            return 1;
        }
        ex.printStackTrace(cl.getErr());
        return 1;
    }
}
