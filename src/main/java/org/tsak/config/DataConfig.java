package org.tsak.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the recordings come from, how they are windowed and split, and which hand the
 * student wears.
 *
 * @param source      {@code simulator}, {@code openpack} or {@code csv}
 * @param path        dataset root or file for {@code openpack} / {@code csv}; relative paths are
 *                    resolved against the config file's folder
 * @param simulator   simulator settings (source {@code simulator})
 * @param sensors     OpenPack streams to read (e.g. {@code atr01/acc}); empty = all
 * @param window      window and stride
 * @param split       how windows are split into train, validation and test
 * @param studentHand {@code right}, {@code left} or {@code dominant}: whose wrist accelerometer the
 *                    student reads ({@code dominant}: each recording's dominant wrist, seen as a
 *                    right wrist; see {@code org.tsak.data.hands.HandednessPolicy})
 * @param handedness  {@code as-recorded} (default) or {@code mirror-to-right}: mirror the
 *                    recordings of left-handed workers left/right before anything else, for
 *                    teacher, students and baselines alike
 * @param paths       instead of {@code path}: several dataset roots or files of the same source,
 *                    read in order into one list of recordings (e.g. an OpenPack v1.0.0 and a
 *                    v0.3.0 root); give {@code path} or {@code paths}, not both. For
 *                    {@code openpack}, {@code path} may also be a folder holding several roots
 *                    (found up to three levels down)
 */
public record DataConfig(String source, String path, SimulatorSettings simulator, List<String> sensors,
        WindowSettings window, SplitSettings split, @JsonProperty("studentHand") String studentHand,
        String handedness, List<String> paths) {

    /**
     * Valid values of {@code source}, checked when a config is loaded. Each is a reader registered
     * in {@code org.tsak.data.DatasetSources}, which lives above this package and refuses to start
     * unless its names are these, in this order.
     */
    public static final List<String> SOURCES = List.of("simulator", "openpack", "csv");

    /** Applies defaults and validates. */
    public DataConfig {
        source = source == null ? "simulator" : source;
        ConfigChecks.oneOf("data.source", source, SOURCES);
        paths = paths == null ? List.of() : List.copyOf(paths);
        if (!source.equals("simulator") && (path == null || path.isBlank()) && paths.isEmpty()) {
            throw new IllegalArgumentException("data.path: required when data.source is '" + source + "'"
                    + " (or data.paths, a list of dataset roots)");
        }
        if (path != null && !paths.isEmpty()) {
            throw new IllegalArgumentException("data.paths: give data.path or data.paths, not both");
        }
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i) == null || paths.get(i).isBlank()) {
                throw new IllegalArgumentException("data.paths[" + i + "]: empty path");
            }
        }
        simulator = simulator == null ? SimulatorSettings.DEFAULT : simulator;
        sensors = sensors == null ? List.of() : List.copyOf(sensors);
        window = window == null ? WindowSettings.DEFAULT : window;
        split = split == null ? SplitSettings.DEFAULT : split;
        studentHand = studentHand == null ? "right" : studentHand;
        ConfigChecks.oneOf("data.studentHand", studentHand, STUDENT_HANDS);
        handedness = handedness == null ? "as-recorded" : handedness;
        ConfigChecks.oneOf("data.handedness", handedness, HANDEDNESS);
        if (window.samplingRateHz() != null && !source.equals("openpack")) {
            throw new IllegalArgumentException("data.window.samplingRateHz: applies to data.source openpack only"
                    + " (CSV and simulated recordings keep their own rate); remove it or set data.source openpack");
        }
    }

    /** Valid values of {@code studentHand}. */
    public static final List<String> STUDENT_HANDS = List.of("right", "left", "dominant");

    /** Valid values of {@code handedness}. */
    public static final List<String> HANDEDNESS = List.of("as-recorded", "mirror-to-right");

    /** The settings before {@code handedness} existed: handedness {@code as-recorded}. */
    public DataConfig(String source, String path, SimulatorSettings simulator, List<String> sensors,
            WindowSettings window, SplitSettings split, String studentHand) {
        this(source, path, simulator, sensors, window, split, studentHand, null, null);
    }

    /** The settings before {@code paths} existed: one {@code path}. */
    public DataConfig(String source, String path, SimulatorSettings simulator, List<String> sensors,
            WindowSettings window, SplitSettings split, String studentHand, String handedness) {
        this(source, path, simulator, sensors, window, split, studentHand, handedness, null);
    }

    /** The same settings with another {@code path} (e.g. resolved against the config file's folder). */
    public DataConfig withPath(String newPath) {
        return new DataConfig(source, newPath, simulator, sensors, window, split, studentHand, handedness, paths);
    }

    /**
     * The same settings with {@code path} and every entry of {@code paths} resolved against
     * {@code base} (the config file's folder) where relative, and normalised.
     */
    public DataConfig resolvedAgainst(java.nio.file.Path base) {
        java.util.function.UnaryOperator<String> resolve = p -> p == null || java.nio.file.Path.of(p).isAbsolute() ? p
                : base.resolve(p).normalize().toString();
        return new DataConfig(source, resolve.apply(path), simulator, sensors, window, split, studentHand,
                handedness, paths.stream().map(resolve).toList());
    }

    /** The dataset roots or files to read: {@code paths}, or {@code path} alone; empty for the simulator. */
    public List<String> allPaths() {
        return !paths.isEmpty() ? paths : path == null ? List.of() : List.of(path);
    }

    /**
     * Simulator settings.
     *
     * @param workers        number of workers (subjects W01..)
     * @param sessions       sessions per worker
     * @param boxes          boxes packed per session
     * @param samplingRateHz sample rate
     */
    public record SimulatorSettings(Integer workers, Integer sessions, Integer boxes, Double samplingRateHz) {
        /** Default: 5 workers x 2 sessions x 6 boxes at 30 Hz. */
        public static final SimulatorSettings DEFAULT = new SimulatorSettings(null, null, null, null);

        /** Applies defaults and validates. */
        public SimulatorSettings {
            workers = workers == null ? 5 : workers;
            sessions = sessions == null ? 2 : sessions;
            boxes = boxes == null ? 6 : boxes;
            samplingRateHz = samplingRateHz == null ? 30.0 : samplingRateHz;
            ConfigChecks.positive("data.simulator.workers", workers);
            ConfigChecks.positive("data.simulator.sessions", sessions);
            ConfigChecks.positive("data.simulator.boxes", boxes);
            ConfigChecks.positive("data.simulator.samplingRateHz", samplingRateHz);
        }
    }

    /**
     * Windowing.
     *
     * @param seconds        window length in seconds (default 2)
     * @param strideSeconds  stride in seconds (default 1)
     * @param samplingRateHz OpenPack only: put every session on a uniform clock at this rate (Hz,
     *                       1..1000; every stream linearly interpolated onto it) so that windows of
     *                       sessions recorded at different rates hold the same number of samples
     *                       (release v1.0.0 rows are 30 ms apart, v0.3.0 rows 33 ms); default: each
     *                       session's first ATR device's own clock
     */
    public record WindowSettings(Double seconds, Double strideSeconds, Double samplingRateHz) {
        /** 2 s windows, 1 s stride. */
        public static final WindowSettings DEFAULT = new WindowSettings(null, null);

        /** Applies defaults and validates. */
        public WindowSettings {
            seconds = seconds == null ? 2.0 : seconds;
            strideSeconds = strideSeconds == null ? 1.0 : strideSeconds;
            ConfigChecks.positive("data.window.seconds", seconds);
            ConfigChecks.positive("data.window.strideSeconds", strideSeconds);
            if (samplingRateHz != null) {
                ConfigChecks.inRange("data.window.samplingRateHz", samplingRateHz, 1, 1000);
            }
        }

        /** Window and stride on each recording's own clock. */
        public WindowSettings(Double seconds, Double strideSeconds) {
            this(seconds, strideSeconds, null);
        }
    }

    /**
     * Split of the windows into parts that never cut through a recording.
     *
     * @param kind       {@code subject}, {@code session}, {@code time-blocks},
     *                   {@code leave-one-subject-out} (one fold per subject: a new person) or
     *                   {@code leave-one-session-out} (one fold per recording session, the TSAK
     *                   paper's protocol: the test worker's other sessions are in training)
     * @param train      subjects or sessions for training (kinds subject/session)
     * @param validation subjects or sessions for validation
     * @param test       subjects or sessions for testing
     * @param boxes      for time-blocks: box ranges per part, e.g. {@code 1-12}, {@code 13-14}, {@code 15-20}
     * @param fractions  for time-blocks without boxes: duration fractions train/validation/test
     * @param validationLastBoxes kinds subject/session, instead of a validation list: validate on
     *                   the last N boxes of every training recording (a time block inside the
     *                   training subjects or sessions; windows straddling the boundary are dropped),
     *                   e.g. when there is a single training worker
     */
    public record SplitSettings(String kind, List<String> train, List<String> validation, List<String> test,
            BoxRanges boxes, List<Double> fractions, Integer validationLastBoxes) {
        /** Valid kinds. */
        public static final List<String> KINDS = List.of("subject", "session", "time-blocks",
                "leave-one-subject-out", "leave-one-session-out");
        /** By subject: W01-W03 train, W04 validation, W05 test (the demo). */
        public static final SplitSettings DEFAULT = new SplitSettings("subject", List.of("W01", "W02", "W03"),
                List.of("W04"), List.of("W05"), null, null);

        /** A split without {@code validationLastBoxes}. */
        public SplitSettings(String kind, List<String> train, List<String> validation, List<String> test,
                BoxRanges boxes, List<Double> fractions) {
            this(kind, train, validation, test, boxes, fractions, null);
        }

        /** Validates. */
        public SplitSettings {
            kind = kind == null ? "subject" : kind;
            ConfigChecks.oneOf("data.split.kind", kind, KINDS);
            train = train == null ? List.of() : List.copyOf(train);
            validation = validation == null ? List.of() : List.copyOf(validation);
            test = test == null ? List.of() : List.copyOf(test);
            fractions = fractions == null ? List.of() : List.copyOf(fractions);
            boolean byName = kind.equals("subject") || kind.equals("session");
            if (validationLastBoxes != null) {
                if (!byName) {
                    throw new IllegalArgumentException("data.split.validationLastBoxes: applies to kinds subject"
                            + " and session, not '" + kind + "'");
                }
                if (!validation.isEmpty()) {
                    throw new IllegalArgumentException("data.split.validationLastBoxes: give a validation list or"
                            + " validationLastBoxes, not both");
                }
                ConfigChecks.positive("data.split.validationLastBoxes", validationLastBoxes);
            }
            if (byName && (train.isEmpty() || test.isEmpty() || (validation.isEmpty() && validationLastBoxes == null))) {
                throw new IllegalArgumentException("data.split: kind '" + kind
                        + "' needs non-empty train, validation and test lists (or, instead of validation,"
                        + " validationLastBoxes: N to validate on the last N boxes of each training recording)");
            }
            if (kind.equals("time-blocks") && boxes == null && fractions.size() != 3) {
                throw new IllegalArgumentException("data.split: kind 'time-blocks' needs boxes"
                        + " {train: 1-12, validation: 13-14, test: 15-20} or fractions [train, validation, test]");
            }
        }
    }

    /**
     * Inclusive box ranges, written {@code "1-12"}.
     *
     * @param train      e.g. {@code 1-12}
     * @param validation e.g. {@code 13-14}
     * @param test       e.g. {@code 15-20}
     */
    public record BoxRanges(String train, String validation, String test) {
        /** Validates the syntax. */
        public BoxRanges {
            parse("data.split.boxes.train", train);
            parse("data.split.boxes.validation", validation);
            parse("data.split.boxes.test", test);
        }

        /** Parses {@code "a-b"} (or {@code "a"}) into {first, last}. */
        public static int[] parse(String keyPath, String range) {
            if (range == null || !range.trim().matches("\\d+(\\s*-\\s*\\d+)?")) {
                throw new IllegalArgumentException(keyPath + ": expected a box range like 1-12, got '" + range + "'");
            }
            String[] p = range.trim().split("\\s*-\\s*");
            int a = Integer.parseInt(p[0]);
            int b = p.length > 1 ? Integer.parseInt(p[1]) : a;
            if (b < a) {
                throw new IllegalArgumentException(keyPath + ": range '" + range + "' ends before it starts");
            }
            return new int[] {a, b};
        }
    }
}
