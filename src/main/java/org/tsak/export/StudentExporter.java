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
import org.tsak.deploy.ConvLayer;
import org.tsak.deploy.LinearLayer;
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentWeights;
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
 * sampling rate, window and stride, class ids and names, and the run's provenance.
 */
public final class StudentExporter {

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
     * @param strategy strategy of the student (e.g. {@code sc-logit}); null picks the best by mean test macro-F1
     * @param seed     seed index (folder {@code seed-<k>})
     */
    public static StudentArtifact fromRun(Path runDir, String strategy, int seed) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path configFile = requireFile(runDir.resolve("config.yaml"), "the run's config");
        ExperimentConfig config = ConfigLoader.parse(Files.readString(configFile), configFile.toString());
        JsonNode data = json.readTree(requireFile(runDir.resolve("data.json"), "the run's data summary").toFile());
        String chosen = strategy == null ? bestStrategy(runDir) : strategy;
        Path foldDir = Files.isDirectory(runDir.resolve("fold-0")) ? runDir.resolve("fold-0") : runDir;
        Path params = foldDir.resolve("students/" + chosen + "/seed-" + seed + "/student.params");
        if (!Files.isRegularFile(params)) {
            throw new IllegalArgumentException(params + ": no such student; students in this run: "
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
        StudentSpec spec = StudentSpec.of(config.model().student(), studentChannels.size(), windowSamples,
                Operations.CLASS_COUNT);
        StudentWeights weights;
        try (NDManager manager = NDManager.newBaseManager()) {
            weights = weightsOf(loadStudent(spec, params, manager));
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
        return StudentArtifact.forOperations(weights, studentChannels, rateHz, windowSamples, strideSamples, means,
                stds, provenance);
    }

    /** A DJL student of {@code spec} with the weights saved in {@code params}, in {@code manager}. */
    public static StudentBlock loadStudent(StudentSpec spec, Path params, NDManager manager) throws IOException {
        return StageTrainer.load(new StudentBlock(spec), params, manager,
                new Shape(1, spec.inputChannels(), spec.windowSamples()));
    }

    /** The student strategy with the best mean test macro-F1 in the run's table. */
    public static String bestStrategy(Path runDir) throws IOException {
        JsonNode table = new ObjectMapper().readTree(requireFile(runDir.resolve("table.json"),
                "the comparison table (is the run finished?)").toFile());
        String best = null;
        double bestF1 = -1;
        for (JsonNode row : table.get("rows")) {
            if (row.get("model").asText().equals("student") && row.get("macroF1").asDouble() > bestF1) {
                bestF1 = row.get("macroF1").asDouble();
                best = row.get("strategy").asText();
            }
        }
        if (best == null) {
            throw new IllegalArgumentException(runDir.resolve("table.json") + ": the table has no student rows");
        }
        return best;
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
