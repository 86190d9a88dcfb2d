package org.tsak.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.tsak.config.ConfigLoader;
import org.tsak.config.ExperimentConfig;
import org.tsak.io.RunFolderLock;
import org.tsak.train.ExperimentOutcome;
import org.tsak.train.ExperimentRunner;
import org.tsak.train.ProgressListener;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsak experiment --config FILE}: one YAML file, the whole TSAK pipeline, one run folder. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Train the teacher, the semantic classifier and a student per distillation strategy"
                + " (and seed), evaluate them by the OpenPack rule, measure their cost and write a run folder"
                + " with the comparison table. --resume DIR finishes an interrupted run.")
final class ExperimentCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class Source {
        @Option(names = "--config", required = true, description = "Experiment YAML (see configs/).")
        Path configFile;

        @Option(names = "--resume", required = true, paramLabel = "DIR",
                description = "Finish the interrupted run in DIR (finished models are kept).")
        Path resumeDir;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--out", description = "Run folder. Default: runs/<name>.")
    Path out;

    @Option(names = "--force", description = "Replace an existing run folder's results.")
    boolean force;

    @Option(names = "--workers", defaultValue = "1", paramLabel = "N", converter = PositiveCount.class,
            description = "Tasks (teachers, students, baselines) trained at once, each on its own thread with"
                    + " TSAK_THREADS PyTorch threads; the numbers do not depend on N. Default: ${DEFAULT-VALUE}.")
    int workers;

    /** Where the plan's tasks run. */
    enum Engine { local, spark }

    @Option(names = "--engine", defaultValue = "local", paramLabel = "local|spark",
            description = "Where the tasks run: local (threads of this JVM, --workers) or spark (Spark jobs: fold"
                    + " tasks, then students; run through spark-submit, or with Spark on the classpath; the run"
                    + " folder and the data must be reachable from every executor: docs/SCALE.md). The numbers"
                    + " do not depend on it. Default: ${DEFAULT-VALUE}.")
    Engine engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master with --engine spark, e.g. local[2] or spark://host:7077. Default:"
                    + " spark-submit's, else local[N] with N = --workers.")
    String master;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one config value (repeatable), e.g. --set training.teacher.epochs=1"
                    + " --set distillation.strategies=[none,sc-logit]; checked like the file itself. Not with"
                    + " --resume (a run keeps its config).")
    java.util.List<String> overrides = new java.util.ArrayList<>();

    @CommandLine.Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (master != null && engine != Engine.spark) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--master needs --engine spark");
        }
        if (engine == Engine.spark) {
            org.tsak.spark.SparkEngine.requireAvailable();
        }
        if (source.resumeDir != null) {
            if (!overrides.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--set cannot change a run being resumed:"
                        + " it keeps the config it was made with (" + source.resumeDir.resolve("config.yaml") + ")");
            }
            try (RunFolderLock lock = RunFolderLock.acquireExisting(source.resumeDir, "tsak experiment --resume")) {
                ProgressListener progress = output.progress(spec);
                ExperimentRunner runner = ExperimentRunner.open(source.resumeDir, progress).workers(workers);
                ExperimentOutcome outcome = engine == Engine.spark
                        ? runner.run(org.tsak.spark.SparkEngine.executor(source.resumeDir, master, workers, progress))
                        : runner.run();
                print(spec.commandLine().getOut(), outcome);
            }
            return 0;
        }
        ExperimentConfig config = ConfigLoader.withOverrides(ConfigLoader.loadWithData(source.configFile), overrides);
        Path runDir = out == null ? Path.of("runs", config.name()) : out;
        if (engine == Engine.spark) {
            try (RunFolderLock lock = RunFolderLock.acquire(runDir, "tsak " + spec.commandLine().getCommandName())) {
                refuseToOverwrite(runDir, force);
                ProgressListener progress = output.progress(spec);
                ExperimentOutcome outcome = new ExperimentRunner(config, runDir, progress).workers(workers)
                        .run(org.tsak.spark.SparkEngine.executor(runDir, master, workers, progress));
                print(spec.commandLine().getOut(), outcome);
            }
            return 0;
        }
        return run(spec.commandLine(), config, runDir, force, workers, output);
    }

    static int run(CommandLine cl, ExperimentConfig config, Path runDir, boolean force, int workers,
            OutputOptions output)
            throws Exception {
        try (RunFolderLock lock = RunFolderLock.acquire(runDir, "tsak " + cl.getCommandName())) {
            refuseToOverwrite(runDir, force);
            ExperimentOutcome outcome = new ExperimentRunner(config, runDir, output.progress(cl.getCommandSpec()))
                    .workers(workers).run();
            print(cl.getOut(), outcome);
        }
        return 0;
    }

    /**
     * An existing run folder is replaced only with --force (the caller holds its lock, whose file
     * stays: see {@link RunFolderLock}).
     */
    static void refuseToOverwrite(Path runDir, boolean force) throws java.io.IOException {
        if (Files.exists(runDir.resolve("config.yaml")) && !force) {
            throw new IllegalStateException("run folder " + runDir + " already holds a run; pass --force to replace"
                    + " it, --out to write elsewhere, or `tsak experiment --resume " + runDir + "` to finish it");
        }
        if (force && Files.isDirectory(runDir)) {
            try (var files = Files.walk(runDir)) {
                for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    if (!p.equals(runDir) && !p.equals(runDir.resolve(RunFolderLock.FILE_NAME))) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    static void print(PrintWriter pw, ExperimentOutcome outcome) {
        pw.println();
        pw.print(outcome.table().toMarkdown());
        pw.println();
        pw.println("training throughput and where the time goes (data = building batches; the rest is DJL/PyTorch):");
        outcome.windowsPerSecond().forEach((k, v) -> {
            double[] s = outcome.timeShares().getOrDefault(k, new double[4]);
            pw.println(String.format(Locale.ROOT, "  %-20s %,8.0f windows/s   data %4.1f%%  forward+loss %4.1f%%"
                    + "  backward %4.1f%%  optimiser %4.1f%%", k, v, 100 * s[0], 100 * s[1], 100 * s[2], 100 * s[3]));
        });
        pw.println("run folder: " + outcome.runDir().toAbsolutePath());
        pw.flush();
        try {
            Path report = org.tsak.report.HtmlReportWriter.write(outcome.runDir(), null);
            pw.println("report: " + report.toAbsolutePath());
        } catch (java.io.IOException | RuntimeException e) {
            pw.println("report: not written (" + e.getMessage() + "); the run is complete, retry with"
                    + " `tsak report --run " + outcome.runDir() + "`");
        }
        pw.flush();
    }
}
