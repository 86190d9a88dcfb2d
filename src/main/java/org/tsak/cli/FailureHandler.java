package org.tsak.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.tsak.data.DataFormatException;
import org.tsak.io.IoErrors;

import picocli.CommandLine;

/**
 * Turns expected failures (bad data, bad config, I/O problems, a run folder in use) into one
 * clear line on stderr and exit code 1, a bare file-system error worded by {@link IoErrors}
 * (permission denied with the folder's owner and mode, no such file, disk full); anything else is
 * a bug and keeps its stack trace.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (ex instanceof DataFormatException || ex instanceof IllegalArgumentException
                || ex instanceof IOException || ex instanceof UncheckedIOException
                || ex instanceof IllegalStateException) {
            String message = ex instanceof IOException io ? IoErrors.describe(io)
                    : ex instanceof UncheckedIOException u ? IoErrors.describe(u.getCause()) : ex.getMessage();
            cl.getErr().println("tsak: error: " + message);
            cl.getErr().flush();
            return 1;
        }
        ex.printStackTrace(cl.getErr());
        return 1;
    }
}
