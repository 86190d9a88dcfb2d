package org.tsak.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tsak.config.ConfigLoader;
import org.tsak.config.ExperimentConfig;
import org.tsak.data.Operations;
import org.tsak.config.ModelConfig;
import org.tsak.deploy.ContextHead;
import org.tsak.deploy.ConvLayer;
import org.tsak.deploy.LinearLayer;
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentWeights;
import org.tsak.io.RunLayout;
import org.tsak.model.ContextHeadBlock;
import org.tsak.model.StudentBlock;
import org.tsak.model.StudentSpec;
import org.tsak.train.StageTrainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;

/**
 * Turns a trained DJL student into a self-contained {@link StudentArtifact}: its weights
 * (conv, BatchNorm running statistics, linear), the student's channels and their z-score, the
 * sampling rate, window and stride, class ids and names, and the run's provenance; and its
 * temporal context head ({@code context-head.params} in the student folder) when it has one.
 */
public final class StudentExporter {

    /** metrics.json field: validation macro-F1 of a student with its context head (model.context). */
    public static final String CONTEXT_VALIDATION_F1 = "contextValidationMacroF1";

    /** DJL BatchNorm's default epsilon. */
    private static final float BATCH_NORM_EPSILON = 1e-5f;

    private StudentExporter() {
    }

    /**
     * The plain-Java weights of a DJL student (BatchNorm not folded), with each conv layer's
     * kernel, stride and dilation read from the DJL layer.
     *
     * @throws IllegalStateException if the block is not a Conv1d-BatchNorm-ReLU stack with
     *                               "same"-centred padding {@code dilation * (k - 1) / 2} and a Linear head
     */
    public static StudentWeights weightsOf(StudentBlock student) {
        List<Block> leaves = new ArrayList<>();
        collectLeaves(student, leaves);
        List<ConvLayer> convs = new ArrayList<>();
        LinearLayer linear = null;
        int in = student.spec().inputChannels();
        for (int i = 0; i < leaves.size(); i++) {
            Block b = leaves.get(i);
            if (b instanceof Conv1d conv) {
                if (i + 1 >= leaves.size() || !(leaves.get(i + 1) instanceof BatchNorm bn)) {
                    throw new IllegalStateException("student conv layer " + convs.size() + " is not followed by"
                            + " BatchNorm: this exporter supports Conv1d-BatchNorm-ReLU stacks");
                }
                int k = (int) conv.getKernelShape().get(0);
                int stride = (int) conv.getStride().get(0);
                int dilation = (int) conv.getDilation().get(0);
                long pad = conv.getPadding().get(0);
                if (pad != (long) dilation * (k - 1) / 2 || conv.getGroups() != 1) {
                    throw new IllegalStateException("student conv layer " + convs.size() + " has padding " + pad
                            + " and " + conv.getGroups() + " groups; the runtimes support padding dilation*(k-1)/2 = "
                            + (long) dilation * (k - 1) / 2 + " and 1 group");
                }
                float[] w = param(conv, "weight");
                int out = w.length / (in * k);
                convs.add(new ConvLayer(in, out, k, stride, dilation, w, param(conv, "bias"), param(bn, "gamma"),
                        param(bn, "beta"), param(bn, "runningMean"), param(bn, "runningVar"), BATCH_NORM_EPSILON));
                in = out;
            } else if (b instanceof Linear lin) {
                float[] w = param(lin, "weight");
                float[] bias = param(lin, "bias");
                linear = new LinearLayer(w.length / bias.length, bias.length, w, bias);
            }
        }
        if (linear == null || convs.isEmpty()) {
            throw new IllegalStateException("student has no conv layers or no classifier");
        }
        return new StudentWeights(convs, linear);
    }

    /**
     * The plain-Java weights of a DJL context head ({@link ContextHeadBlock}: its {@code projection}
     * and {@code temporal} Linear layers, weights {@code [out][in]}).
     *
     * @throws IllegalStateException if a layer's parameters do not have the head's sizes
     */
    public static ContextHead contextHeadOf(ContextHeadBlock head, int classes) {
        Block projection = child(head, "projection");
        Block temporal = child(head, "temporal");
        return new ContextHead(head.steps(), head.representationSize(), head.projectionSize(), classes,
                param(projection, "weight"), param(projection, "bias"), param(temporal, "weight"),
                param(temporal, "bias"));
    }

    /**
     * A DJL context head of {@code steps} windows with the weights saved in {@code params}
     * ({@code context-head.params}), in {@code manager}.
     */
    public static ContextHeadBlock loadContextHead(int steps, int representationSize, int projectionSize, int classes,
            Path params, NDManager manager) throws IOException {
        return StageTrainer.load(new ContextHeadBlock(steps, representationSize, projectionSize, classes), params,
                manager, new Shape(1, steps, representationSize), new Shape(1, steps), new Shape(1, classes));
    }

    /**
     * Windows a run's context head sees ({@code S}: the past windows in {@code model.context.seconds}
     * at the window stride, plus the current one), or 0 when the run's students have no head.
     */
    public static int contextSteps(ExperimentConfig config) {
        ModelConfig.Context cx = config.model().context();
        if (!cx.enabled()) {
            return 0;
        }
        int past = ModelConfig.Context.pastWindows(cx.seconds(), config.data().window().strideSeconds());
        return past < 1 ? 0 : past + 1;
    }

    private static Block child(Block block, String name) {
        for (Pair<String, Block> c : block.getChildren()) {
            if (c.getKey().endsWith(name)) {
                return c.getValue();
            }
        }
        throw new IllegalStateException(block.getClass().getSimpleName() + " has no child block '" + name + "'");
    }

    private static void collectLeaves(Block block, List<Block> out) {
        if (block.getChildren().isEmpty()) {
            out.add(block);
            return;
        }
        for (Pair<String, Block> child : block.getChildren()) {
            collectLeaves(child.getValue(), out);
        }
    }

    private static float[] param(Block block, String name) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            if (p.getKey().equals(name)) {
                return p.getValue().getArray().toType(DataType.FLOAT32, false).toFloatArray();
            }
        }
        throw new IllegalStateException(block.getClass().getSimpleName() + " has no parameter '" + name + "'");
    }

    /**
     * Builds the artifact of one student of a run folder.
     *
     * @param runDir   the run folder
     * @param strategy strategy of the student (e.g. {@code sc-logit}); null picks the best by mean
     *                 validation macro-F1 ({@link #chooseByValidation(Path)})
     * @param seed     seed index (folder {@code seed-<k>})
     */
    public static StudentArtifact fromRun(Path runDir, String strategy, int seed) throws IOException {
        return fromRun(runDir, strategy, 0, seed);
    }

    /**
     * Builds the artifact of one student of a run folder.
     *
     * @param runDir   the run folder
     * @param strategy strategy of the student (e.g. {@code sc-logit}); null picks the best by mean
     *                 validation macro-F1 ({@link #chooseByValidation(Path)})
     * @param fold     0-based fold (folder {@code fold-<f>}; the run folder itself for a one-fold run)
     * @param seed     seed index (folder {@code seed-<k>})
     */
    public static StudentArtifact fromRun(Path runDir, String strategy, int fold, int seed) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path configFile = requireFile(runDir.resolve("config.yaml"), "the run's config");
        ExperimentConfig config = ConfigLoader.parse(Files.readString(configFile), configFile.toString());
        JsonNode data = json.readTree(requireFile(runDir.resolve("data.json"), "the run's data summary").toFile());
        String chosen = strategy == null ? chooseByValidation(runDir).strategy() : strategy;
        Path foldDir = foldDir(runDir, fold);
        Path params = foldDir.resolve("students/" + chosen + "/seed-" + seed + "/student.params");
        if (!Files.isRegularFile(params)) {
            throw new IllegalArgumentException(params + ": no such student; students of this fold: "
                    + listStudents(foldDir.resolve("students")));
        }
        List<String> studentChannels = new ArrayList<>();
        data.get("studentChannels").forEach(n -> studentChannels.add(n.asText()));
        int windowSamples = data.get("windowSamples").asInt();
        JsonNode norm = json.readTree(requireFile(foldDir.resolve("normalisation.json"), "the z-score").toFile());
        List<String> allChannels = new ArrayList<>();
        norm.get("channels").forEach(n -> allChannels.add(n.asText()));
        float[] means = new float[studentChannels.size()];
        float[] stds = new float[studentChannels.size()];
        for (int c = 0; c < studentChannels.size(); c++) {
            int idx = allChannels.indexOf(studentChannels.get(c));
            means[c] = (float) norm.get("means").get(idx).asDouble();
            stds[c] = (float) norm.get("stds").get(idx).asDouble();
        }
        double rateHz = data.has("samplingRateHz") ? data.get("samplingRateHz").asDouble()
                : windowSamples / config.data().window().seconds();
        int strideSamples = (int) Math.round(config.data().window().strideSeconds() * rateHz);
        StudentSpec spec = StudentSpec.of(config.model().student().forRow(chosen), studentChannels.size(), windowSamples,
                Operations.CLASS_COUNT);
        StudentWeights weights;
        Path headParams = RunLayout.contextHeadWeights(params.getParent());
        int steps = contextSteps(config);
        try (NDManager manager = NDManager.newBaseManager()) {
            weights = weightsOf(loadStudent(spec, params, manager));
            if (Files.isRegularFile(headParams)) {
                if (steps == 0) {
                    throw new IllegalArgumentException(headParams + ": a context head, but the run's config.yaml has"
                            + " no model.context.seconds of at least half a window stride; the run folder is"
                            + " inconsistent");
                }
                ContextHeadBlock head = loadContextHead(steps, spec.representationSize(),
                        config.model().context().projection(), Operations.CLASS_COUNT, headParams, manager);
                weights = weights.withContextHead(contextHeadOf(head, Operations.CLASS_COUNT));
            }
        }
        JsonNode prov = json.readTree(requireFile(runDir.resolve("provenance.json"), "provenance").toFile());
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put(StudentArtifact.PROVENANCE_RUN, config.name());
        provenance.put(StudentArtifact.PROVENANCE_SEED, String.valueOf(config.seed()));
        provenance.put(StudentArtifact.PROVENANCE_GIT_COMMIT, prov.path("gitCommit").asText("unknown"));
        provenance.put(StudentArtifact.PROVENANCE_DATA_FINGERPRINT, prov.path("dataFingerprint").asText("unknown"));
        provenance.put(StudentArtifact.PROVENANCE_CREATED, Instant.now().toString());
        provenance.put("strategy", chosen);
        provenance.put("studentSeedIndex", String.valueOf(seed));
        provenance.put("fold", String.valueOf(fold));
        return StudentArtifact.forOperations(weights, studentChannels, rateHz, windowSamples, strideSamples, means,
                stds, provenance);
    }

    /** A DJL student of {@code spec} with the weights saved in {@code params}, in {@code manager}. */
    public static StudentBlock loadStudent(StudentSpec spec, Path params, NDManager manager) throws IOException {
        return StageTrainer.load(new StudentBlock(spec), params, manager,
                new Shape(1, spec.inputChannels(), spec.windowSamples()));
    }

    /**
     * The strategy to export when none is named, chosen on validation data only: the highest mean
     * {@code bestValidationF1} over every student of the strategy (all folds, all seeds).
     *
     * @param strategy      the chosen strategy (folder name under {@code students/})
     * @param meanValidationF1 its mean validation macro-F1
     * @param students      how many students the mean is over
     * @param others        every strategy's mean validation macro-F1, best first
     */
    public record Choice(String strategy, double meanValidationF1, int students, Map<String, Double> others) {

        /** One line for the user: what was chosen and why. */
        public String describe() {
            StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT,
                    "chose student [%s]: best mean validation macro-F1 %.4f over %d students (all folds and"
                    + " seeds; test scores are not used to choose); others:", strategy, meanValidationF1, students));
            others.forEach((k, v) -> {
                if (!k.equals(strategy)) {
                    b.append(String.format(java.util.Locale.ROOT, " %s %.4f", k, v));
                }
            });
            if (others.size() == 1) {
                b.append(" none");
            }
            return b.append(". Pass --strategy to pick another.").toString();
        }
    }

    /**
     * Chooses the strategy with the best mean validation macro-F1 ({@code bestValidationF1} of each
     * finished student's {@code metrics.json}, or {@code contextValidationMacroF1}, the validation
     * macro-F1 of the student with its context head, when it has one; over all folds and seeds).
     * Test scores are never used.
     *
     * @throws IllegalArgumentException if the run has no finished student
     */
    public static Choice chooseByValidation(Path runDir) throws IOException {
        int folds = foldCount(runDir);
        ObjectMapper json = new ObjectMapper();
        Map<String, double[]> sums = new java.util.TreeMap<>();
        int headsScoredWithout = 0;
        for (int f = 0; f < folds; f++) {
            Path students = foldDir(runDir, f).resolve("students");
            if (!Files.isDirectory(students)) {
                continue;
            }
            try (var s = Files.list(students)) {
                for (Path strategyDir : s.filter(Files::isDirectory).sorted().toList()) {
                    try (var seeds = Files.list(strategyDir)) {
                        for (Path seedDir : seeds.sorted().toList()) {
                            Path metrics = seedDir.resolve("metrics.json");
                            if (!seedDir.getFileName().toString().startsWith("seed-") || !Files.isRegularFile(metrics)) {
                                continue;
                            }
                            JsonNode m = json.readTree(metrics.toFile());
                            if (!m.has("bestValidationF1")) {
                                throw new IllegalArgumentException(metrics + ": no field 'bestValidationF1'");
                            }
                            double[] acc = sums.computeIfAbsent(strategyDir.getFileName().toString(),
                                    k -> new double[2]);
                            // a student with a context head ships with it: its head's validation score
                            acc[0] += m.has(CONTEXT_VALIDATION_F1) ? m.get(CONTEXT_VALIDATION_F1).asDouble()
                                    : m.get("bestValidationF1").asDouble();
                            if (!m.has(CONTEXT_VALIDATION_F1)
                                    && Files.isRegularFile(RunLayout.contextHeadWeights(seedDir))) {
                                headsScoredWithout++;
                            }
                            acc[1]++;
                        }
                    }
                }
            }
        }
        if (sums.isEmpty()) {
            throw new IllegalArgumentException(runDir + ": no finished student (no students/<strategy>/seed-<k>/"
                    + "metrics.json in any fold); run `tsak distill --run " + runDir + "` first");
        }
        if (headsScoredWithout > 0) {
            org.slf4j.LoggerFactory.getLogger(StudentExporter.class).warn("{} student(s) with a context head have no"
                    + " {} in metrics.json (a run made before it was recorded): they are scored by the student's own"
                    + " validation macro-F1, without the head; pass --strategy to choose yourself",
                    headsScoredWithout, CONTEXT_VALIDATION_F1);
        }
        Map<String, Double> means = new LinkedHashMap<>();
        sums.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue()[0] / b.getValue()[1], a.getValue()[0] / a.getValue()[1]))
                .forEach(e -> means.put(e.getKey(), e.getValue()[0] / e.getValue()[1]));
        String best = means.keySet().iterator().next();
        return new Choice(best, means.get(best), (int) sums.get(best)[1], means);
    }

    /**
     * The strategy with the best mean validation macro-F1.
     *
     * @deprecated kept for callers of the old name; it no longer reads test scores
     */
    @Deprecated
    public static String bestStrategy(Path runDir) throws IOException {
        return chooseByValidation(runDir).strategy();
    }

    /**
     * Number of folds of a run: the length of {@code folds} in its {@code data.json}, else the
     * {@code fold-<f>} folders, else 1.
     */
    public static int foldCount(Path runDir) throws IOException {
        Path data = runDir.resolve("data.json");
        if (Files.isRegularFile(data)) {
            JsonNode folds = new ObjectMapper().readTree(data.toFile()).get("folds");
            if (folds != null && folds.isArray() && folds.size() > 0) {
                return folds.size();
            }
        }
        int n = 0;
        while (Files.isDirectory(runDir.resolve("fold-" + n))) {
            n++;
        }
        return Math.max(1, n);
    }

    /**
     * Why the student ({@code strategy}, {@code fold}, {@code seed}) cannot be exported from the run,
     * listing the students the fold has; empty if its weights are there.
     */
    public static java.util.Optional<String> missingStudent(Path runDir, String strategy, int fold, int seed)
            throws IOException {
        Path foldDir = foldDir(runDir, fold);
        if (Files.isRegularFile(foldDir.resolve("students/" + strategy + "/seed-" + seed + "/student.params"))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("no student [" + strategy + "] seed " + seed + " in fold " + fold
                + " (no file " + foldDir.resolve("students/" + strategy + "/seed-" + seed + "/student.params")
                + "); students of this fold: " + listStudents(foldDir.resolve("students")));
    }

    /** Folder of fold {@code fold} (0-based): {@code fold-<f>}, or the run folder of a one-fold run. */
    static Path foldDir(Path runDir, int fold) {
        Path f = runDir.resolve("fold-" + fold);
        if (Files.isDirectory(f) || Files.isDirectory(runDir.resolve("fold-0"))) {
            return f;
        }
        if (fold != 0) {
            throw new IllegalArgumentException(runDir + " is a one-fold run: fold " + fold + " does not exist"
                    + " (use fold 0)");
        }
        return runDir;
    }

    private static Path requireFile(Path p, String what) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(p + ": missing (" + what + "); is this a run folder of"
                    + " `tsak experiment`?");
        }
        return p;
    }

    private static List<String> listStudents(Path studentsDir) throws IOException {
        List<String> out = new ArrayList<>();
        if (Files.isDirectory(studentsDir)) {
            try (var s = Files.walk(studentsDir, 2)) {
                s.filter(p -> p.getFileName().toString().startsWith("seed-"))
                        .forEach(p -> out.add(studentsDir.relativize(p).toString()));
            }
        }
        java.util.Collections.sort(out);
        return out;
    }
}
