package org.tsak.cli;

import org.tsak.train.ProgressListener;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --quiet} and {@code --verbose}, shared by the long-running commands (demo, experiment,
 * train, distill, evaluate, data inspect, data simulate): quiet prints results only, verbose adds
 * detail (batch progress, every gap, debug logs).
 */
final class OutputOptions {

    @Option(names = {"-q", "--quiet"}, description = "Print only results (no progress).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print batch progress and debug logging too.")
    boolean verbose;

    /** The progress printer these options ask for; also sets the log level. */
    ProgressListener progress(CommandLine.Model.CommandSpec spec) {
        applyLogLevel();
        return new ConsoleProgress(spec.commandLine().getOut(), verbose, quiet);
    }

    /** Sets the log level these options ask for: quiet warnings only (it wins over verbose), verbose debug, else info. */
    void applyLogLevel() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(quiet ? ch.qos.logback.classic.Level.WARN
                : verbose ? ch.qos.logback.classic.Level.DEBUG : ch.qos.logback.classic.Level.INFO);
    }
}
