package org.tsak.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tsak.config.ConfigLoader;
import org.tsak.config.ExperimentConfig;
import org.tsak.data.Operations;
import org.tsak.data.sim.SimulatorConfig;
import org.tsak.model.StudentSpec;

/**
 * Seeded random-weight students shaped as a config's {@code model.student}, on the right wrist's
 * accelerometer at the simulator's sampling rate: the subjects of the C benchmarks and of the
 * cross-build tests (no training needed, the shapes and arithmetic are those of a trained student).
 */
public final class ConfigStudents {

    private ConfigStudents() {
    }

    /**
     * The student {@code config} describes, with seeded random weights and batch-norm statistics.
     *
     * @param config a YAML experiment config, e.g. {@code configs/demo.yaml}
     * @throws IOException if the config cannot be read or fails validation
     */
    public static StudentArtifact fromConfig(Path config, long seed) throws IOException {
        return of(spec(config), seed);
    }

    /**
     * The student spec of {@code config}: 3 input channels, {@code data.window.seconds} at the
     * simulator's rate ({@link SimulatorConfig#DEFAULT_SAMPLING_RATE_HZ}), the OpenPack classes.
     *
     * @throws IOException if the config cannot be read or fails validation
     */
    public static StudentSpec spec(Path config) throws IOException {
        ExperimentConfig cfg = ConfigLoader.load(config);
        int windowSamples = (int) Math.round(cfg.data().window().seconds() * SimulatorConfig.DEFAULT_SAMPLING_RATE_HZ);
        return StudentSpec.of(cfg.model().student(), StudentSpec.DEFAULT_INPUT_CHANNELS, windowSamples,
                Operations.CLASS_COUNT);
    }

    /** A seeded random-weight artifact of {@code spec} (realistic right-wrist normalisation). */
    public static StudentArtifact of(StudentSpec spec, long seed) {
        StudentWeights w = StudentFixtures.randomWeights(seed, spec.inputChannels(), spec.convChannels(),
                spec.kernelSize(), spec.strides(), spec.dilations(), spec.classes());
        return StudentFixtures.artifact(w, spec.windowSamples(), seed);
    }

    /** {@code count} seeded raw windows around the artifact's means ({@code mean + std * N(0,1)}). */
    public static List<float[]> windows(StudentArtifact a, int count, long seed) {
        Random r = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(StudentFixtures.rawWindow(r, a));
        }
        return out;
    }
}
