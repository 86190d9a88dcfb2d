package org.tsak.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.tsak.config.ExperimentConfig;
import org.tsak.io.AtomicFiles;
import org.tsak.io.RunLayout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The key of each task of a run: a SHA-256 over everything that determines the task's result,
 * so that a task is skipped only when it was finished with the same inputs (docs/RUN_FOLDER.md,
 * "Task keys"). Inputs: the data's fingerprint (content, not path), the config sections the model
 * reads (as canonical JSON: sorted keys), the root seed, the fold and the model's own seed, and
 * for a model trained from another one, that model's key.
 *
 * <p>What is left out on purpose: {@code data.path} (moving the data changes no result; its
 * content is in the fingerprint), the lists that only choose which tasks exist
 * ({@code distillation.strategies}, {@code seeds}, the grids) and the evaluation's latency
 * settings. A student of {@code none} does not depend on the teacher or on the KD weights, so
 * editing {@code distillation.temperature} keeps it.
 *
 * <p>Each model folder holds its key in {@code task.json} ({@link RunLayout#taskKey}), written
 * before the model is trained. A folder whose key differs from the one the config now gives
 * (a config edited between {@code tsak train} and {@code tsak distill}, say) is emptied and its
 * model trained again; a folder without {@code task.json} was made before keys existed and is
 * kept as it is.
 */
final class TaskKeys {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Version of the key's recipe: a change to what goes into keys makes every old key differ. */
    private static final int RECIPE = 1;

    private TaskKeys() {
    }

    /** The key of fold {@code f}'s teacher of seed {@code seed} (0: the one that teaches). */
    static String teacher(RunContext c, int f, int seed) {
        ExperimentConfig cfg = c.config();
        ObjectNode in = common(c, f, "teacher");
        in.put("teacherSeed", seed);
        in.set("model", JSON.valueToTree(cfg.model().teacher()));
        in.set("training", JSON.valueToTree(cfg.training().teacher()));
        return digest(in);
    }

    /** The key of fold {@code f}'s semantic classifier: its teacher's key and its own settings. */
    static String semantic(RunContext c, int f) {
        ExperimentConfig cfg = c.config();
        ObjectNode in = common(c, f, "semantic-classifier");
        in.put("teacher", teacher(c, f, 0));
        in.set("model", JSON.valueToTree(cfg.model().semantic()));
        in.set("training", JSON.valueToTree(cfg.training().semantic()));
        return digest(in);
    }

    /**
     * The key of a student: its settings, variant and seed and, when it learns from the teacher,
     * the semantic classifier's key (which holds the teacher's) and how targets are made.
     */
    static String student(RunContext c, int f, StudentVariant v, int seed) {
        ExperimentConfig cfg = c.config();
        ObjectNode in = common(c, f, "student");
        in.put("studentSeed", seed);
        in.put("variant", v.name());
        in.put("strategy", v.strategy().name());
        in.put("width", v.width());
        in.set("model", JSON.valueToTree(cfg.model().student()));
        in.set("context", JSON.valueToTree(cfg.model().context()));
        in.set("training", JSON.valueToTree(cfg.training().student()));
        in.put("augmentedViews", cfg.distillation().augmentedViews());
        if (v.strategy().isNone()) {
            in.put("labelSmoothing", v.kd().labelSmoothing());
        } else {
            in.set("kd", JSON.valueToTree(v.kd()));
            in.put("semanticClassifier", semantic(c, f));
            in.put("crossFitting", cfg.distillation().crossFitting());
        }
        return digest(in);
    }

    /** The key of a classical baseline of fold {@code f}. */
    static String baseline(RunContext c, int f, String name) {
        ObjectNode in = common(c, f, "baseline");
        in.put("name", name);
        in.put("trees", c.config().evaluation().baselineTrees());
        in.set("context", JSON.valueToTree(c.config().model().context()));
        return digest(in);
    }

    /**
     * True when {@code dir} holds a model finished with {@code key}: its {@code metrics.json}
     * exists and its {@code task.json} holds {@code key} (or is absent: a folder made before keys).
     */
    static boolean finished(Path dir, String key) throws IOException {
        return Files.isRegularFile(RunLayout.metrics(dir)) && matches(dir, key);
    }

    /** True when {@code dir} has no {@code task.json} or one that holds {@code key}. */
    static boolean matches(Path dir, String key) throws IOException {
        String saved = saved(dir);
        return saved == null || saved.equals(key);
    }

    /**
     * Prepares {@code dir} for the task of {@code key}: a folder left by the same task (an
     * interrupted one, whose checkpoint then resumes) is kept; one made with other inputs is
     * emptied; then {@code task.json} is written (atomically).
     *
     * @return true when an earlier result made with other inputs was removed
     */
    static boolean claim(Path dir, String key) throws IOException {
        boolean stale = !matches(dir, key);
        if (stale) {
            deleteContents(dir);
        }
        Files.createDirectories(dir);
        ObjectNode json = JSON.createObjectNode();
        json.put("key", key);
        json.put("recipe", RECIPE);
        AtomicFiles.write(RunLayout.taskKey(dir),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        return stale;
    }

    /** The key saved in {@code dir}, or null if it has none. */
    static String saved(Path dir) throws IOException {
        Path file = RunLayout.taskKey(dir);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode key = JSON.readTree(file.toFile()).get("key");
        if (key == null || !key.isTextual()) {
            throw new IOException(file + ": field 'key' missing or not text; delete the file to keep the model,"
                    + " or its folder to train it again");
        }
        return key.asText();
    }

    private static ObjectNode common(RunContext c, int f, String task) {
        ObjectNode in = JSON.createObjectNode();
        in.put("recipe", RECIPE);
        in.put("task", task);
        in.put("dataFingerprint", c.data().fingerprint());
        ObjectNode data = JSON.valueToTree(c.config().data());
        data.remove("path");
        in.set("data", data);
        in.put("rootSeed", c.config().seed());
        in.put("fold", f);
        return in;
    }

    private static String digest(JsonNode in) {
        try {
            byte[] bytes = JSON.writeValueAsString(in).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("task key: " + e.getMessage(), e);
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
