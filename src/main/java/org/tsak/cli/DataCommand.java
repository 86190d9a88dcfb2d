package org.tsak.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tsak data}: look at and make datasets. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Inspect recordings or simulate a factory line.",
        subcommands = {DataInspectCommand.class, DataSimulateCommand.class})
final class DataCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
