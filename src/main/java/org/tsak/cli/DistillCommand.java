package org.tsak.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.tsak.io.RunFolderLock;
import org.tsak.train.ExperimentRunner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsak distill}: students distilled from a trained run's cached teacher targets. */
@Command(name = "distill", mixinStandardHelpOptions = true,
        description = "Step 2 of 3: train students (one per strategy and seed) from the run's frozen teacher and"
                + " semantic classifier. Finished students are kept.")
final class DistillCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--run", required = true, description = "Run folder made by `tsak train`.")
    Path run;

    @Option(names = "--strategy", split = ",", description = "Strategies (e.g. sc-logit,combi-rep). Default: the"
            + " config's list.")
    List<String> strategies;

    @Option(names = "--workers", defaultValue = "1", paramLabel = "N", converter = PositiveCount.class,
            description = "Students trained at once (one thread each); the numbers do not depend on N."
                    + " Default: ${DEFAULT-VALUE}.")
    int workers;

    @CommandLine.Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (strategies != null) {
            for (String s : strategies) {
                try {
                    org.tsak.distill.DistillationStrategy.parse(s);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--strategy " + s + ": "
                            + e.getMessage(), e);
                }
            }
        }
        try (RunFolderLock lock = RunFolderLock.acquireExisting(run, "tsak distill")) {
            ExperimentRunner.open(run, output.progress(spec)).workers(workers).distill(strategies);
        }
        spec.commandLine().getOut().println("students distilled: " + run.toAbsolutePath()
                + "\nnext: tsak evaluate --run " + run);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
