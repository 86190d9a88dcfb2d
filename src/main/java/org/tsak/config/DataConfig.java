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
 * @param studentHand {@code right} or {@code left}: whose wrist accelerometer the student reads
 */
public record DataConfig(String source, String path, SimulatorSettings simulator, List<String> sensors,
        WindowSettings window, SplitSettings split, @JsonProperty("studentHand") String studentHand) {

    /** Valid values of {@code source}. */
    public static final List<String> SOURCES = List.of("simulator", "openpack", "csv");

    /** Applies defaults and validates. */
    public DataConfig {
        source = source == null ? "simulator" : source;
        ConfigChecks.oneOf("data.source", source, SOURCES);
        if (!source.equals("simulator") && (path == null || path.isBlank())) {
            throw new IllegalArgumentException("data.path: required when data.source is '" + source + "'");
        }
        simulator = simulator == null ? SimulatorSettings.DEFAULT : simulator;
        sensors = sensors == null ? List.of() : List.copyOf(sensors);
        window = window == null ? WindowSettings.DEFAULT : window;
        split = split == null ? SplitSettings.DEFAULT : split;
        studentHand = studentHand == null ? "right" : studentHand;
        ConfigChecks.oneOf("data.studentHand", studentHand, List.of("right", "left"));
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
     * @param seconds       window length in seconds (default 2)
     * @param strideSeconds stride in seconds (default 1)
     */
    public record WindowSettings(Double seconds, Double strideSeconds) {
        /** 2 s windows, 1 s stride. */
        public static final WindowSettings DEFAULT = new WindowSettings(null, null);

        /** Applies defaults and validates. */
        public WindowSettings {
            seconds = seconds == null ? 2.0 : seconds;
            strideSeconds = strideSeconds == null ? 1.0 : strideSeconds;
            ConfigChecks.positive("data.window.seconds", seconds);
            ConfigChecks.positive("data.window.strideSeconds", strideSeconds);
        }
    }

    /**
     * Split of the windows into parts that never cut through a person.
     *
     * @param kind       {@code subject}, {@code session}, {@code time-blocks} or
     *                   {@code leave-one-subject-out}
     * @param train      subjects or sessions for training (kinds subject/session)
     * @param validation subjects or sessions for validation
     * @param test       subjects or sessions for testing
     * @param boxes      for time-blocks: box ranges per part, e.g. {@code 1-12}, {@code 13-14}, {@code 15-20}
     * @param fractions  for time-blocks without boxes: duration fractions train/validation/test
     */
    public record SplitSettings(String kind, List<String> train, List<String> validation, List<String> test,
            BoxRanges boxes, List<Double> fractions) {
        /** Valid kinds. */
        public static final List<String> KINDS = List.of("subject", "session", "time-blocks",
                "leave-one-subject-out");
        /** By subject: W01-W03 train, W04 validation, W05 test (the demo). */
        public static final SplitSettings DEFAULT = new SplitSettings("subject", List.of("W01", "W02", "W03"),
                List.of("W04"), List.of("W05"), null, null);

        /** Validates. */
        public SplitSettings {
            kind = kind == null ? "subject" : kind;
            ConfigChecks.oneOf("data.split.kind", kind, KINDS);
            train = train == null ? List.of() : List.copyOf(train);
            validation = validation == null ? List.of() : List.copyOf(validation);
            test = test == null ? List.of() : List.copyOf(test);
            fractions = fractions == null ? List.of() : List.copyOf(fractions);
            if ((kind.equals("subject") || kind.equals("session")) && (train.isEmpty() || test.isEmpty()
                    || validation.isEmpty())) {
                throw new IllegalArgumentException("data.split: kind '" + kind
                        + "' needs non-empty train, validation and test lists");
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
