package org.tsak.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.tsak.config.ConfigLoader;
import org.tsak.config.DataConfig;
import org.tsak.config.ExperimentConfig;
import org.tsak.data.Operations;
import org.tsak.data.sim.SimulatorConfig;
import org.tsak.deploy.StudentArtifact;
import org.tsak.eval.CostModel;
import org.tsak.export.StudentExporter;
import org.tsak.model.StudentBlock;
import org.tsak.model.StudentSpec;

import ai.djl.ndarray.NDManager;

/**
 * The benchmarks' subject: the student {@code configs/demo.yaml} trains ({@code model.student}, 3
 * wrist channels, {@code data.window.seconds} at the simulator's rate, the OpenPack classes), with
 * seeded DJL-initialised weights, exported to a {@link StudentArtifact} (identity normalisation),
 * and a seeded N(0, 1) window. The config path is {@code -Dtsak.bench.config} (default
 * {@code configs/demo.yaml}, relative to the working directory).
 */
final class DemoStudent {

    /** System property naming the config whose student is benchmarked. */
    static final String CONFIG_PROPERTY = "tsak.bench.config";

    private DemoStudent() {
    }

    /** The config file benchmarked. */
    static Path config() {
        return Path.of(System.getProperty(CONFIG_PROPERTY, "configs/demo.yaml"));
    }

    /**
     * The student spec of {@link #config()}.
     *
     * @throws UncheckedIOException if the config cannot be read or fails validation
     */
    static StudentSpec spec() {
        try {
            ExperimentConfig cfg = ConfigLoader.load(config());
            DataConfig data = cfg.data();
            Double rate = data.window().samplingRateHz();
            if (rate == null && data.simulator() != null) {
                rate = data.simulator().samplingRateHz();
            }
            double hz = rate == null ? SimulatorConfig.DEFAULT_SAMPLING_RATE_HZ : rate;
            int windowSamples = (int) Math.round(data.window().seconds() * hz);
            return StudentSpec.of(cfg.model().student(), StudentSpec.DEFAULT_INPUT_CHANNELS, windowSamples,
                    Operations.CLASS_COUNT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark config " + config().toAbsolutePath()
                    + " (set -D" + CONFIG_PROPERTY + "=FILE)", e);
        }
    }

    /** FLOPs per window of {@code spec} by the project's cost model ({@link CostModel#studentFlops}). */
    static long flops(StudentSpec spec) {
        return CostModel.studentFlops(spec);
    }

    /** A DJL student of {@code spec} with seeded initial weights, owned by {@code manager}. */
    static StudentBlock block(StudentSpec spec, NDManager manager, long seed) {
        return StudentBlock.create(spec, manager, seed);
    }

    /** The block's weights as an artifact with identity normalisation (raw window = normalised window). */
    static StudentArtifact artifact(StudentBlock block, StudentSpec spec) {
        int c = spec.inputChannels();
        float[] means = new float[c];
        float[] stds = new float[c];
        java.util.Arrays.fill(stds, 1f);
        return StudentArtifact.forOperations(StudentExporter.weightsOf(block),
                List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z").subList(0, Math.min(3, c)),
                SimulatorConfig.DEFAULT_SAMPLING_RATE_HZ, spec.windowSamples(), spec.windowSamples() / 2, means, stds,
                Map.of());
    }

    /** {@code count} seeded N(0, 1) windows of {@code C * L} values (NCW), one flat array. */
    static float[] windows(StudentSpec spec, int count, long seed) {
        return windows(spec.inputChannels(), spec.windowSamples(), count, seed);
    }

    /** {@code count} seeded N(0, 1) windows of {@code channels * samples} values (NCW), one flat array. */
    static float[] windows(int channels, int samples, int count, long seed) {
        Random r = new Random(seed);
        float[] w = new float[count * channels * samples];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        return w;
    }
}
