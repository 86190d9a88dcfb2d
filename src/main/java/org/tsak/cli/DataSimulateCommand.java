package org.tsak.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.tsak.data.Recording;
import org.tsak.data.csv.CsvRecordingWriter;
import org.tsak.data.sim.FactorySimulator;
import org.tsak.data.sim.SimulatorConfig;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsak data simulate}: writes a seeded synthetic factory line as CSV recordings. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate workers packaging boxes (both hands: IMU and capacitive) and write"
                + " one CSV recording per session (docs/DATA.md). Same seed, identical bytes. --quiet prints"
                + " only the files written, --verbose each recording's samples and notes too.")
final class DataSimulateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--workers", defaultValue = "4", description = "Workers. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--sessions", defaultValue = "2", description = "Sessions per worker. Default: ${DEFAULT-VALUE}.")
    int sessions;

    @Option(names = "--boxes", defaultValue = "6", description = "Boxes per session. Default: ${DEFAULT-VALUE}.")
    int boxes;

    @Option(names = "--rate", defaultValue = "30", description = "Sampling rate in Hz. Default: ${DEFAULT-VALUE}.")
    double rateHz;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @CommandLine.Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        SimulatorConfig config;
        try {
            config = new SimulatorConfig(workers, sessions, boxes, rateHz, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        output.applyLogLevel();
        PrintWriter pw = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        List<Recording> recordings = new FactorySimulator(config).simulate();
        List<Path> files = CsvRecordingWriter.writeAll(recordings, out);
        double seconds = recordings.stream().mapToDouble(Recording::durationSeconds).sum();
        if (output.quiet) { // results only: the files written, one per line
            for (Path f : files) {
                pw.println(f);
            }
            pw.flush();
            return 0;
        }
        pw.printf("simulated %d sessions (%d workers x %d sessions, %d boxes each, seed %d): %.1f min of data,"
                + " %d channels, written in %d ms%n", recordings.size(), workers, sessions, boxes, seed,
                seconds / 60, recordings.isEmpty() ? 0 : recordings.get(0).channels().size(),
                (System.nanoTime() - t0) / 1_000_000);
        for (int i = 0; i < files.size(); i++) {
            pw.println("  " + files.get(i));
            if (output.verbose) {
                Recording r = recordings.get(i);
                pw.printf("    %s: %,d samples, %.1f s at %.2f Hz%n", r.key(), r.sampleCount(), r.durationSeconds(),
                        r.samplingRateHz());
                for (String note : r.notes()) {
                    pw.println("    note: " + note);
                }
            }
        }
        pw.flush();
        return 0;
    }
}
