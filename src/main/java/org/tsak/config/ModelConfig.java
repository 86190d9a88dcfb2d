package org.tsak.config;

import java.util.List;

/**
 * Model sizes. Input channels and window length come from the data; these are the tunables.
 *
 * @param teacher  the multi-modal teacher
 * @param semantic the stage-2 semantic classifier
 * @param student  the one-wrist student
 * @param context  the student's temporal context head (default off)
 */
public record ModelConfig(Teacher teacher, Semantic semantic, Student student, Context context) {

    /** Applies defaults. */
    public ModelConfig {
        teacher = teacher == null ? new Teacher(null, null, null, null, null, null, null) : teacher;
        semantic = semantic == null ? new Semantic(null, null, null) : semantic;
        student = student == null ? new Student(null, null) : student;
        context = context == null ? Context.OFF : context;
    }

    /** No temporal context. */
    public ModelConfig(Teacher teacher, Semantic semantic, Student student) {
        this(teacher, semantic, student, null);
    }

    /**
     * The student's temporal context (docs/METHOD.md, "Temporal context"): a causal head over the
     * per-window embeddings of the last {@code seconds} of the same recording, trained after the
     * student on its frozen embeddings; deployed, it carries a ring buffer of projected embeddings
     * from window to window.
     *
     * @param seconds      context length in seconds before the current window (default 0: off);
     *                     rounded to whole window strides
     * @param projection   size of each window's projected embedding kept in the state (default 16)
     * @param sweepSeconds context lengths to measure as well (optional): for every student, a head
     *                     per length is trained and its test macro-F1 reported against length; 0 is
     *                     the student without context
     * @param headLoss     {@code strategy} (default: the logit terms of the student's own strategy,
     *                     labels only for {@code none} and feature-only strategies) or
     *                     {@code labels} (cross-entropy only, for every strategy: a strategy then
     *                     acts through the student's representations alone)
     */
    public record Context(Double seconds, Integer projection, List<Double> sweepSeconds, String headLoss) {
        /** Valid values of {@code headLoss}. */
        public static final List<String> HEAD_LOSSES = List.of("strategy", "labels");
        /** Context off. */
        public static final Context OFF = new Context(null, null, null, null);

        /** Applies defaults and validates. */
        public Context {
            seconds = seconds == null ? 0.0 : seconds;
            projection = projection == null ? 16 : projection;
            sweepSeconds = sweepSeconds == null ? List.of()
                    : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(sweepSeconds));
            headLoss = headLoss == null ? "strategy" : headLoss;
            ConfigChecks.oneOf("model.context.headLoss", headLoss, HEAD_LOSSES);
            ConfigChecks.inRange("model.context.seconds", seconds, 0, 600);
            ConfigChecks.positive("model.context.projection", projection);
            for (int i = 0; i < sweepSeconds.size(); i++) {
                Double v = sweepSeconds.get(i);
                if (v == null) {
                    throw new IllegalArgumentException("model.context.sweepSeconds[" + i + "]: empty entry");
                }
                ConfigChecks.inRange("model.context.sweepSeconds[" + i + "]", v, 0, 600);
            }
            if (new java.util.HashSet<>(sweepSeconds).size() != sweepSeconds.size()) {
                throw new IllegalArgumentException("model.context.sweepSeconds: a length is listed twice: "
                        + sweepSeconds);
            }
        }

        /** Context of {@code seconds}, without a sweep, heads trained with the strategy's logit terms. */
        public Context(Double seconds, Integer projection, List<Double> sweepSeconds) {
            this(seconds, projection, sweepSeconds, null);
        }

        /** True when the student has a context head. */
        public boolean enabled() {
            return seconds > 0;
        }

        /**
         * Past windows in {@code seconds} at a window stride of {@code strideSeconds}, rounded.
         *
         * @throws IllegalArgumentException if the stride is not positive
         */
        public static int pastWindows(double seconds, double strideSeconds) {
            if (!(strideSeconds > 0)) {
                throw new IllegalArgumentException("window stride must be positive, got " + strideSeconds);
            }
            return (int) Math.round(seconds / strideSeconds);
        }
    }

    /**
     * Teacher sizes (docs/METHOD.md, "Stage 1: the teacher").
     *
     * @param embedChannels      conv embedding width E (default 96)
     * @param convLayers         conv embedding layers (default 2)
     * @param kernelSize         conv kernel (default 5)
     * @param attentionHeads     heads of the self-attention (default 4)
     * @param attentionLayers    self-attention blocks (default 1)
     * @param representationSize size d of Attn-, Causal- and Combi-Rep (default 96)
     * @param dropout            dropout rate (default 0.1)
     */
    public record Teacher(Integer embedChannels, Integer convLayers, Integer kernelSize, Integer attentionHeads,
            Integer attentionLayers, Integer representationSize, Double dropout) {
        /** Applies defaults and validates. */
        public Teacher {
            embedChannels = embedChannels == null ? 96 : embedChannels;
            convLayers = convLayers == null ? 2 : convLayers;
            kernelSize = kernelSize == null ? 5 : kernelSize;
            attentionHeads = attentionHeads == null ? 4 : attentionHeads;
            attentionLayers = attentionLayers == null ? 1 : attentionLayers;
            representationSize = representationSize == null ? 96 : representationSize;
            dropout = dropout == null ? 0.1 : dropout;
            ConfigChecks.positive("model.teacher.embedChannels", embedChannels);
            ConfigChecks.positive("model.teacher.convLayers", convLayers);
            ConfigChecks.positive("model.teacher.kernelSize", kernelSize);
            ConfigChecks.positive("model.teacher.attentionHeads", attentionHeads);
            ConfigChecks.positive("model.teacher.attentionLayers", attentionLayers);
            ConfigChecks.positive("model.teacher.representationSize", representationSize);
            ConfigChecks.inRange("model.teacher.dropout", dropout, 0, 0.9);
            if (embedChannels % attentionHeads != 0) {
                throw new IllegalArgumentException("model.teacher.attentionHeads: " + attentionHeads
                        + " does not divide embedChannels " + embedChannels);
            }
        }
    }

    /**
     * Semantic classifier sizes (docs/METHOD.md, "Stage 2: the semantic classifier (SC)").
     *
     * @param hiddenSize     hidden layer width (default 128)
     * @param dropout        dropout rate (default 0.2)
     * @param labelSmoothing label smoothing e of the SC's cross-entropy (default 0, the paper's plain
     *                       CE); e > 0 keeps the SC's logits from saturating on the training windows,
     *                       which are the soft targets sc-logit distils
     */
    public record Semantic(Integer hiddenSize, Double dropout, Double labelSmoothing) {
        /** Applies defaults and validates. */
        public Semantic {
            hiddenSize = hiddenSize == null ? 128 : hiddenSize;
            dropout = dropout == null ? 0.2 : dropout;
            labelSmoothing = labelSmoothing == null ? 0.0 : labelSmoothing;
            ConfigChecks.inRange("model.semantic.labelSmoothing", labelSmoothing, 0, 0.5);
            ConfigChecks.positive("model.semantic.hiddenSize", hiddenSize);
            ConfigChecks.inRange("model.semantic.dropout", dropout, 0, 0.9);
        }
    }

    /**
     * Student sizes (see {@code org.tsak.model.StudentSpec} for the layer formulas).
     *
     * @param convChannels output channels of each conv layer (default [16, 32])
     * @param kernelSize   conv kernel, odd (default 5)
     * @param strides      stride of each conv layer, samples (default 1 per layer); a stride s
     *                     divides the time length by s, rounding up
     * @param dilations    dilation of each conv layer (default 1 per layer); padding
     *                     {@code dilation * (kernelSize - 1) / 2} keeps the taps centred
     * @param widths       a size sweep (optional): multipliers of every conv layer's channels
     *                     (each in (0, 16]; a layer keeps at least 1 channel), one student per
     *                     multiplier for every strategy and seed, rows named {@code none@w=0.5};
     *                     default [1], the channels as given
     */
    public record Student(List<Integer> convChannels, Integer kernelSize, List<Integer> strides,
            List<Integer> dilations, List<Double> widths) {
        /** Applies defaults and validates. */
        public Student {
            convChannels = convChannels == null ? List.of(16, 32) : List.copyOf(convChannels);
            kernelSize = kernelSize == null ? 5 : kernelSize;
            if (convChannels.isEmpty()) {
                throw new IllegalArgumentException("model.student.convChannels: needs at least one layer");
            }
            for (int i = 0; i < convChannels.size(); i++) {
                ConfigChecks.positive("model.student.convChannels[" + i + "]", convChannels.get(i));
            }
            ConfigChecks.positive("model.student.kernelSize", kernelSize);
            if (kernelSize % 2 == 0) {
                throw new IllegalArgumentException("model.student.kernelSize: must be odd so that the taps "
                        + "centre on a sample, got " + kernelSize);
            }
            strides = perLayer("model.student.strides", strides, convChannels.size());
            dilations = perLayer("model.student.dilations", dilations, convChannels.size());
            widths = widths == null || widths.isEmpty() ? List.of(1.0)
                    : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(widths));
            for (int i = 0; i < widths.size(); i++) {
                Double w = widths.get(i);
                if (w == null) {
                    throw new IllegalArgumentException("model.student.widths[" + i + "]: empty entry");
                }
                if (!(w > 0 && w <= 16)) {
                    throw new IllegalArgumentException("model.student.widths[" + i + "]: must be in (0, 16], got " + w);
                }
            }
            if (new java.util.HashSet<>(widths).size() != widths.size()) {
                throw new IllegalArgumentException("model.student.widths: a multiplier is listed twice: " + widths);
            }
        }

        /** No size sweep. */
        public Student(List<Integer> convChannels, Integer kernelSize, List<Integer> strides,
                List<Integer> dilations) {
            this(convChannels, kernelSize, strides, dilations, null);
        }

        /**
         * The student of a run's row: scaled by the {@code w=} part of its name when the run sweeps
         * sizes ({@code none@w=0.5}, {@code sc-logit@T=2,w=0.5}), else as configured.
         *
         * @param rowName the student's strategy folder / row name
         */
        public Student forRow(String rowName) {
            int at = rowName.indexOf('@');
            if (at >= 0) {
                for (String part : rowName.substring(at + 1).split(",")) {
                    if (part.startsWith("w=")) {
                        return scaled(Double.parseDouble(part.substring(2)));
                    }
                }
            }
            return this;
        }

        /**
         * This student with every conv layer's channels multiplied by {@code width} (rounded, at
         * least 1) and no sweep: the student of one point of {@link #widths()}.
         */
        public Student scaled(double width) {
            List<Integer> scaled = convChannels.stream().map(c -> (int) Math.max(1, Math.round(c * width))).toList();
            return new Student(scaled, kernelSize, strides, dilations, null);
        }

        /** Stride 1 and dilation 1 in every layer. */
        public Student(List<Integer> convChannels, Integer kernelSize) {
            this(convChannels, kernelSize, null, null);
        }

        /** The conv widths as an array. */
        public int[] convChannelArray() {
            return convChannels.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The strides as an array, one per conv layer. */
        public int[] strideArray() {
            return strides.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The dilations as an array, one per conv layer. */
        public int[] dilationArray() {
            return dilations.stream().mapToInt(Integer::intValue).toArray();
        }

        private static List<Integer> perLayer(String keyPath, List<Integer> values, int layers) {
            if (values == null) {
                return java.util.Collections.nCopies(layers, 1);
            }
            if (values.size() != layers) {
                throw new IllegalArgumentException(keyPath + ": " + values.size() + (values.size() == 1
                        ? " entry" : " entries") + " for " + layers + " conv layers (one per entry of "
                        + "convChannels)");
            }
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null || values.get(i) < 1) {
                    throw new IllegalArgumentException(keyPath + "[" + i + "]: must be an integer >= 1, got "
                            + values.get(i));
                }
            }
            return List.copyOf(values);
        }
    }
}
