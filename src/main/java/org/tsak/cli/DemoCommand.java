package org.tsak.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tsak.config.ConfigLoader;
import org.tsak.config.ExperimentConfig;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsak demo}: the whole pipeline on the embedded default, a simulated factory line. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Simulate a factory line (5 workers, both hands, IMU + capacitive) and run the whole"
                + " TSAK pipeline on it (the embedded configs/demo.yaml); prints the comparison table.")
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "runs/demo", description = "Run folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--workers", defaultValue = "2", paramLabel = "N", converter = PositiveCount.class,
            description = "Tasks trained at once (one thread each); the numbers do not depend on N."
                    + " Default: ${DEFAULT-VALUE} (the demo machine's cores).")
    int workers;

    @CommandLine.Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        String yaml;
        try (InputStream in = DemoCommand.class.getResourceAsStream("/configs/demo.yaml")) {
            if (in == null) {
                throw new IllegalStateException("configs/demo.yaml is missing from the jar; rebuild with mvn package");
            }
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ExperimentConfig config = ConfigLoader.parse(yaml, "configs/demo.yaml (embedded)");
        // the demo is rerun often: it replaces its own earlier run
        return ExperimentCommand.run(spec.commandLine(), config, out, true, workers, output);
    }
}
