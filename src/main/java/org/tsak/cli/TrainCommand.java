package org.tsak.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tsak.config.ConfigLoader;
import org.tsak.config.ExperimentConfig;
import org.tsak.io.RunFolderLock;
import org.tsak.train.ExperimentRunner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsak train}: stage 1 and 2 only (teacher, semantic classifier, cached targets). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Step 1 of 3: train the teacher and the semantic classifier of a config and cache their"
                + " outputs in a run folder; then `tsak distill --run DIR` and `tsak evaluate --run DIR`.")
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, description = "Experiment YAML (see configs/).")
    Path configFile;

    @Option(names = "--out", description = "Run folder. Default: runs/<name>.")
    Path out;

    @Option(names = "--force", description = "Replace an existing run folder.")
    boolean force;

    @Option(names = "--workers", defaultValue = "1", paramLabel = "N", converter = PositiveCount.class,
            description = "Tasks (folds' baselines beside teachers) run at once; the numbers do not depend on N."
                    + " Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one config value (repeatable), e.g. --set training.teacher.epochs=1;"
                    + " checked like the file itself, and saved in the run folder's config.yaml.")
    java.util.List<String> overrides = new java.util.ArrayList<>();

    @CommandLine.Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig config = ConfigLoader.withOverrides(ConfigLoader.loadWithData(configFile), overrides);
        Path runDir = out == null ? Path.of("runs", config.name()) : out;
        try (RunFolderLock lock = RunFolderLock.acquire(runDir, "tsak train")) {
            ExperimentCommand.refuseToOverwrite(runDir, force);
            new ExperimentRunner(config, runDir, output.progress(spec)).workers(workers).train();
        }
        spec.commandLine().getOut().println("teacher and semantic classifier trained: " + runDir.toAbsolutePath()
                + "\nnext: tsak distill --run " + runDir);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
