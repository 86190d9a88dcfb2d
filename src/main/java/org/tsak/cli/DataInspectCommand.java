package org.tsak.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.tsak.data.DatasetFormat;
import org.tsak.data.DatasetInspection;
import org.tsak.data.Recording;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tsak data inspect PATH}: what a dataset holds and what was wrong with it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Subjects, sessions, durations, channels with measured rates, label seconds,"
                + " gaps and flaws of an OpenPack root, a CSV recording or a folder of them.")
final class DataInspectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "OpenPack root, .csv recording or folder")
    Path path;

    @Option(names = "--repeat", defaultValue = "1",
            description = "Read N times and print each read time (the last ones are warm). Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--repeat must be >= 1, got " + repeat);
        }
        PrintWriter out = spec.commandLine().getOut();
        DatasetFormat format = DatasetFormat.detect(path);
        List<Recording> recordings = null;
        long[] readNanos = new long[repeat];
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            recordings = DatasetFormat.readAny(path);
            readNanos[i] = System.nanoTime() - t0;
        }
        DatasetInspection inspection = DatasetInspection.of(recordings);
        out.printf("dataset: %s (%s)%n", path, format.name().toLowerCase(java.util.Locale.ROOT));
        out.print(inspection.toText());
        if (format == DatasetFormat.OPENPACK) {
            out.println("source streams (measured rates before alignment onto the IMU clock):");
            for (String line : org.tsak.data.openpack.OpenPackSourceRates.describe(DatasetFormat.openPackRoot(path))) {
                out.println("  " + line);
            }
        }
        long samples = inspection.totalSamples();
        int bytesPerSample = recordings.isEmpty() ? 0 : recordings.get(0).bytesPerSample();
        StringBuilder times = new StringBuilder();
        for (long n : readNanos) {
            times.append(times.length() == 0 ? "" : ", ").append(n / 1_000_000).append(" ms");
        }
        out.printf("read: %s (%d read%s; %,d samples; %d bytes held per sample)%n", times, repeat,
                repeat == 1 ? ", use --repeat 3 for a warm figure" : "s, the last is warm",
                samples, bytesPerSample);
        out.flush();
        return 0;
    }
}
