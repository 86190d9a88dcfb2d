package org.tsak.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tsak} command line: parses, calls the packages that do the work, prints.
 *
 * <p>Exit codes: 0 success, 1 failure while running (bad data, training error), 2 usage error.
 */
@Command(name = "tsak", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Two-stage semantic-aware knowledge distillation for wearable activity recognition.",
        subcommands = {DemoCommand.class, ExperimentCommand.class, TrainCommand.class, DistillCommand.class,
            EvaluateCommand.class, ReportCommand.class, ExportCommand.class, StreamCommand.class, DataCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class TsakCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Builds the command line with the project's error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TsakCommand());
        cl.setExecutionExceptionHandler(new FailureHandler());
        return cl;
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
