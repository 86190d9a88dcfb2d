package org.tsak.report;

import java.nio.file.Files;
import java.nio.file.Path;

import org.tsak.config.ConfigLoader;
import org.tsak.train.ExperimentRunner;
import org.tsak.train.ProgressListener;

/**
 * A run folder from a real, tiny experiment (simulated data, 2 epochs per stage, students
 * {@code none} and {@code sc-logit}, one seed), made once per test JVM and shared by the
 * report tests. Takes seconds.
 */
public final class TinyRun {

    public static final String YAML = """
            name: tiny
            seed: 1
            data:
              source: simulator
              simulator: {workers: 3, sessions: 1, boxes: 2}
              split: {kind: subject, train: [W01], validation: [W02], test: [W03]}
            model:
              teacher: {embedChannels: 32, representationSize: 32}
              semantic: {hiddenSize: 32}
              student: {convChannels: [8, 16]}
            training:
              teacher: {epochs: 2}
              semantic: {epochs: 2}
              student: {epochs: 2}
            distillation: {seeds: 1, strategies: [none, sc-logit]}
            evaluation: {latencyRuns: 30, warmupRuns: 10}
            """;

    private static Path dir;

    private TinyRun() {
    }

    /** The shared run folder; do not write into it (copy it first). */
    public static synchronized Path folder() throws Exception {
        if (dir == null) {
            Path d = Files.createTempDirectory("tsak-report-run");
            new ExperimentRunner(ConfigLoader.parse(YAML, "test"), d, new ProgressListener() {
            }).run();
            dir = d;
        }
        return dir;
    }

    /** A private copy of the run folder, for tests that change or delete files. */
    public static Path copy(Path target) throws Exception {
        Path src = folder();
        try (var files = Files.walk(src)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path t = target.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }
}
