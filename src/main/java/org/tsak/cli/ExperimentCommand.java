package org.tsak.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.tsak.config.ConfigLoader;
import org.tsak.config.ExperimentConfig;
import org.tsak.train.ExperimentOutcome;
import org.tsak.train.ExperimentRunner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsak experiment --config FILE}: one YAML file, the whole TSAK pipeline, one run folder. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Train the teacher, the semantic classifier and a student per distillation strategy"
                + " (and seed), evaluate them by the OpenPack rule, measure their cost and write a run folder"
                + " with the comparison table.")
final class ExperimentCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, description = "Experiment YAML (see configs/).")
    Path configFile;

    @Option(names = "--out", description = "Run folder. Default: runs/<name>.")
    Path out;

    @Option(names = "--force", description = "Replace an existing run folder's results.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Print only the table.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print batch progress too.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig config = ConfigLoader.load(configFile);
        return run(spec.commandLine(), config, out == null ? Path.of("runs", config.name()) : out, force, quiet,
                verbose);
    }

    static int run(CommandLine cl, ExperimentConfig config, Path runDir, boolean force, boolean quiet,
            boolean verbose) throws Exception {
        PrintWriter pw = cl.getOut();
        if (Files.exists(runDir.resolve("table.md")) && !force) {
            throw new IllegalStateException("run folder " + runDir + " already holds results; pass --force to"
                    + " replace them, or --out to write elsewhere");
        }
        ExperimentOutcome outcome = new ExperimentRunner(config, runDir, new ConsoleProgress(pw, verbose, quiet))
                .run();
        pw.println();
        pw.print(outcome.table().toMarkdown());
        pw.println();
        StringBuilder tp = new StringBuilder("training throughput (windows/s):");
        outcome.windowsPerSecond().forEach((k, v) -> tp.append(String.format(Locale.ROOT, " %s %.0f;", k, v)));
        pw.println(tp);
        pw.println("run folder: " + runDir.toAbsolutePath());
        pw.flush();
        Path report = org.tsak.report.HtmlReportWriter.write(runDir, null);
        pw.println("report: " + report.toAbsolutePath());
        pw.flush();
        return 0;
    }
}
