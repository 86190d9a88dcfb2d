package org.tsak.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tsak.train.ScaleBench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsak bench-scale}: read, window and train on an OpenPack-sized simulated dataset. */
@Command(name = "bench-scale", mixinStandardHelpOptions = true,
        description = "Simulate ~50 hours of factory-line data (OpenPack's size), write it as CSV, read it back,"
                + " window it and train each stage one epoch; prints time per phase and peak memory."
                + " Run it as TSAK_JAVA_OPTS=-Xmx2g ./tsak bench-scale to prove it fits in 2 GB of heap.")
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--hours", defaultValue = "50", description = "Hours of data. Default: ${DEFAULT-VALUE}.")
    double hours;

    @Option(names = "--dir", description = "Folder for the CSV files. Default: a temporary folder.")
    Path dir;

    @Option(names = "--no-train", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Skip training (read and window only).")
    boolean train;

    @Override
    public Integer call() throws Exception {
        if (!(hours > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hours must be > 0, got " + hours);
        }
        Path work = dir != null ? dir : Files.createTempDirectory("tsak-scale");
        new ScaleBench(spec.commandLine().getOut()).run(hours, work, train, dir != null);
        if (dir == null) {
            Files.deleteIfExists(work);
        }
        return 0;
    }
}
