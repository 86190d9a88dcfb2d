package org.tsak.bench;

import java.nio.file.Path;

/**
 * Arguments of the C benchmarks: {@code --config FILE} (default {@code configs/demo.yaml}),
 * {@code --seed N} (weights and windows, default 1), {@code --windows N} (test windows, default
 * 16), {@code --repeats N} (timed repeats, default 7).
 *
 * @param config  experiment config whose {@code model.student} is benchmarked
 * @param seed    seed of the random weights and windows
 * @param windows number of test windows
 * @param repeats number of timed repeats
 */
record BenchArgs(Path config, long seed, int windows, int repeats) {

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException on an unknown option, a missing value or a count below 1
     */
    static BenchArgs parse(String[] args) {
        Path config = Path.of("configs/demo.yaml");
        long seed = 1;
        int windows = 16;
        int repeats = 7;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--config" -> config = Path.of(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--windows" -> windows = Integer.parseInt(v);
                case "--repeats" -> repeats = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; valid: --config FILE, --seed N, --windows N, --repeats N");
            }
        }
        if (windows < 1 || repeats < 1) {
            throw new IllegalArgumentException("--windows and --repeats must be >= 1");
        }
        return new BenchArgs(config, seed, windows, repeats);
    }
}
