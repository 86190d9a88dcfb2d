package org.tsak.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.tsak.data.Recording;
import org.tsak.data.csv.CsvRecordingWriter;
import org.tsak.data.sim.FactorySimulator;
import org.tsak.data.sim.OpenPackLayoutWriter;
import org.tsak.data.sim.SimulatorConfig;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsak data simulate}: writes a seeded synthetic factory line as CSV recordings. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate workers packaging boxes (both hands: IMU and capacitive) and write"
                + " one CSV recording per session (docs/DATA.md), or with --layout openpack a dataset in OpenPack"
                + " v1.0.0's folder layout (user folders U01xx, ATR and E4 files, operation segments and 1 Hz"
                + " labels). Same seed, identical bytes. --quiet prints only the files (CSV) or user folders"
                + " (openpack) written, --verbose each recording's samples and notes too.")
final class DataSimulateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--layout", defaultValue = "csv",
            description = "csv (one tsak-recording file per session) or openpack (OpenPack v1.0.0's folders;"
                    + " rows 30 ms apart, --rate not used). Default: ${DEFAULT-VALUE}.")
    String layout;

    @Option(names = "--challenge-users",
            description = "With --layout openpack: name the first 11 workers after the users of the OpenPack"
                    + " Challenge 2022 split (configs/openpack-full.yaml's official split; needs --sessions 5),"
                    + " three of which the reader merges with another worker (U0202 = U0105, U0205 = U0107,"
                    + " U0210 = U0103). Default: 16 distinct persons' ids.")
    boolean challengeUsers;

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
        if ("openpack".equals(layout)) {
            return openPack();
        }
        if (!"csv".equals(layout)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--layout is '" + layout + "'; valid values are csv, openpack");
        }
        if (challengeUsers) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--challenge-users names OpenPack users; it needs --layout openpack");
        }
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

    private Integer openPack() throws Exception {
        OpenPackLayoutWriter writer;
        try {
            writer = new OpenPackLayoutWriter(workers, sessions, boxes, seed, challengeUsers);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        output.applyLogLevel();
        PrintWriter pw = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        double[] seconds = {0};
        long bytes = writer.write(out, w -> {
            seconds[0] += w.seconds();
            if (output.quiet) {
                pw.println(out.resolve(w.user()));
            } else {
                pw.printf("  %s: %d sessions, %.1f min, %d files, %,d bytes (%d ms so far)%n", w.user(), w.sessions(),
                        w.seconds() / 60, w.files(), w.bytes(), (System.nanoTime() - t0) / 1_000_000);
            }
            pw.flush();
        });
        if (!output.quiet) {
            pw.printf("simulated OpenPack v1.0.0 layout in %s: %d users x %d sessions, %d boxes each, seed %d:"
                    + " %.1f min of data, %,d bytes, in %d ms%n", out, workers, sessions, boxes, seed,
                    seconds[0] / 60, bytes, (System.nanoTime() - t0) / 1_000_000);
        }
        pw.flush();
        return 0;
    }
}
