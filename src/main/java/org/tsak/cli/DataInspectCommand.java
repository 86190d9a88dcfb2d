package org.tsak.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.tsak.data.DatasetInspection;
import org.tsak.data.DatasetInspector;
import org.tsak.data.Recording;
import org.tsak.data.StreamGap;
import org.tsak.data.openpack.OpenPackSourceRates;
import org.tsak.data.window.Windower;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tsak data inspect PATH}: what a dataset holds and what was wrong with it. Reads session
 * by session: a missing or empty stream is left out of its session and reported, a session that
 * cannot be read is reported and the rest inspected; the exit code is 1 if any session could not
 * be read.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Subjects, sessions, durations, channels with measured rates, label seconds, gaps of"
                + " every stream with the windows they cost, and flaws of an OpenPack root (v1.0.0 or v0.3.0,"
                + " or a folder holding several), a CSV recording or a folder of them. A missing or empty"
                + " stream is reported per session and the rest inspected.")
final class DataInspectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "OpenPack root, .csv recording or folder")
    Path path;

    @Option(names = "--sensors", split = ",", paramLabel = "KEY",
            description = "OpenPack streams to inspect, as data.sensors in a config (e.g. atr01/acc,atr02/acc);"
                    + " default: all.")
    List<String> sensors = List.of();

    @Option(names = "--repeat", defaultValue = "1",
            description = "Read N times and print each read time (the last ones are warm). Default: ${DEFAULT-VALUE}.")
    int repeat;

    @CommandLine.Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--repeat must be >= 1, got " + repeat);
        }
        output.applyLogLevel();
        DatasetInspector inspector;
        try {
            inspector = new DatasetInspector(sensors);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sensors: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        DatasetInspector.Inventory inventory = null;
        long[] readNanos = new long[repeat];
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            try {
                inventory = inspector.read(path);
            } catch (IllegalArgumentException e) {
                if (sensors.isEmpty()) {
                    throw e;
                }
                // the dataset's source takes no stream selection (CSV)
                throw new CommandLine.ParameterException(spec.commandLine(), "--sensors: " + e.getMessage(), e);
            }
            readNanos[i] = System.nanoTime() - t0;
        }
        DatasetInspection inspection = DatasetInspection.of(inventory);
        out.printf("dataset: %s (%s)%n", path, inventory.source());
        out.print(inspection.toText());
        if (output.verbose) {
            out.println("gaps (every one; windows spanning one are dropped):");
            for (Recording r : inventory.recordings()) {
                for (StreamGap g : r.gaps(Windower.DEFAULT_MAX_GAP_FACTOR)) {
                    out.println("  " + r.key() + " " + g.describe());
                }
            }
        }
        if (!output.quiet) {
            for (Path root : inventory.roots()) {
                out.println("source streams of " + root + " (measured rates before alignment onto the IMU clock):");
                for (String line : OpenPackSourceRates.describe(root)) {
                    out.println("  " + line);
                }
            }
            StringBuilder times = new StringBuilder();
            for (long n : readNanos) {
                times.append(times.length() == 0 ? "" : ", ").append(n / 1_000_000).append(" ms");
            }
            int bytesPerSample = inspection.sessions().isEmpty() ? 0 : inspection.sessions().get(0).bytesPerSample();
            out.printf("read: %s (%d read%s; %,d samples; %d bytes held per sample)%n", times, repeat,
                    repeat == 1 ? ", use --repeat 3 for a warm figure" : "s, the last is warm",
                    inspection.totalSamples(), bytesPerSample);
        }
        out.flush();
        if (!inspection.problems().isEmpty()) {
            spec.commandLine().getErr().printf("tsak: error: %d session(s) or file(s) could not be read (listed under"
                    + " 'not read' above); the rest was inspected%n", inspection.problems().size());
            spec.commandLine().getErr().flush();
            return 1;
        }
        return 0;
    }
}
