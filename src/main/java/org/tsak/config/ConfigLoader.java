package org.tsak.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Loads and writes {@link ExperimentConfig} YAML, strictly: a key given twice, an unknown key, a
 * value of the wrong kind (a fraction where a whole number belongs, text where a number does)
 * or a second YAML document fail with the file, the line, the key path (e.g.
 * {@code training.student.epochs}) and the value, in the project's words, never Jackson's
 * ({@link YamlStructureCheck}, {@link ConfigErrors}).
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

    private ConfigLoader() {
    }

    /**
     * Reads a config file; a relative {@code data.path} (and every relative entry of {@code data.paths}) is resolved against the file's folder.
     *
     * @throws IllegalArgumentException naming file, key path and value on any error (and the line
     *                                  of bytes that are not UTF-8)
     */
    public static ExperimentConfig load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": config file not found");
        }
        ExperimentConfig config = parse(readUtf8(file), file.toString());
        DataConfig resolved = config.data().resolvedAgainst(file.toAbsolutePath().getParent());
        config = new ExperimentConfig(config.name(), config.seed(), resolved, config.model(), config.training(),
                config.distillation(), config.evaluation());
        return config;
    }

    /**
     * Reads a config file ({@link #load}) and checks that every {@code data.path} / {@code data.paths}
     * entry exists: what a command that reads the data calls before it starts.
     *
     * @throws IllegalArgumentException "no such folder: &lt;absolute path&gt; (data.path in &lt;config file&gt;)"
     */
    public static ExperimentConfig loadWithData(Path file) throws IOException {
        ExperimentConfig config = load(file);
        requireDataPaths(config.data(), file);
        return config;
    }

    /**
     * Fails when a data path of {@code data} (already resolved) does not exist, naming the absolute
     * path, the key ({@code data.path} or {@code data.paths[i]}) and the config file.
     */
    public static void requireDataPaths(DataConfig data, Path configFile) {
        List<String> paths = data.paths().isEmpty() ? (data.path() == null ? List.of() : List.of(data.path()))
                : data.paths();
        for (int i = 0; i < paths.size(); i++) {
            Path p = Path.of(paths.get(i)).toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                String key = data.paths().isEmpty() ? "data.path" : "data.paths[" + i + "]";
                String what = data.source().equals("openpack") ? "no such folder: " : "no such file or folder: ";
                throw new IllegalArgumentException(what + p + " (" + key + " in " + configFile.toAbsolutePath()
                        .normalize() + "; a relative path is read from the config file's folder)");
            }
        }
    }

    /** The file as UTF-8 text; bytes that are not UTF-8 fail naming the file and their line. */
    private static String readUtf8(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            String lenient = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            int bad = Math.max(0, lenient.indexOf('\uFFFD'));
            long line = 1 + lenient.substring(0, bad).chars().filter(c -> c == '\n').count();
            throw new IllegalArgumentException(file + " line " + line + ": bytes that are not UTF-8 ("
                    + e.getMessage() + "); save the config as UTF-8 text (not UTF-16 or Latin-1)", e);
        }
    }

    /**
     * Parses YAML text; {@code source} names it in errors.
     *
     * @throws IllegalArgumentException naming {@code source}, the line, the key path and the
     *                                  value: a key given twice (both lines), an unknown key (with
     *                                  the valid ones), a value of the wrong kind or out of range,
     *                                  a YAML syntax error, a second document, an empty config
     */
    public static ExperimentConfig parse(String yaml, String source) {
        try {
            YamlStructureCheck.check(yaml, source);
            ExperimentConfig c = YAML.readValue(yaml, ExperimentConfig.class);
            if (c == null) {
                throw new IllegalArgumentException(source + ": config is empty");
            }
            return c;
        } catch (JsonProcessingException e) {
            throw ConfigErrors.describe(e, yaml, source);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot read the config text: " + e.getMessage(), e);
        }
    }

    /**
     * The config with command-line overrides applied ({@code --set key.path=value}, e.g.
     * {@code training.teacher.epochs=1} or {@code distillation.strategies=[none, sc-logit]}): each
     * value is read as YAML (a number, text, or a flow list) and put at its key path, then the
     * whole config is checked again as if the file had said so, so a wrong key or value fails with
     * the usual message naming the key path.
     *
     * @param config    the config read from its file
     * @param overrides {@code key.path=value} entries, applied in order
     * @throws IllegalArgumentException for an entry without {@code =} or with an empty key, a key
     *                                  path through a value that is not a map, or a config the
     *                                  override makes invalid (naming the override)
     */
    public static ExperimentConfig withOverrides(ExperimentConfig config, List<String> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return config;
        }
        try {
            com.fasterxml.jackson.databind.node.ObjectNode root =
                    (com.fasterxml.jackson.databind.node.ObjectNode) YAML.readTree(toYaml(config));
            for (String o : overrides) {
                int eq = o.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--set " + o + ": expected key.path=value, e.g."
                            + " --set training.teacher.epochs=1");
                }
                String[] keys = o.substring(0, eq).trim().split("\\.");
                com.fasterxml.jackson.databind.JsonNode value = YAML.readTree("v: " + o.substring(eq + 1).trim())
                        .get("v");
                com.fasterxml.jackson.databind.node.ObjectNode node = root;
                for (int i = 0; i < keys.length - 1; i++) {
                    com.fasterxml.jackson.databind.JsonNode child = node.get(keys[i]);
                    if (child == null || child.isNull()) {
                        child = node.putObject(keys[i]);
                    }
                    if (!(child instanceof com.fasterxml.jackson.databind.node.ObjectNode obj)) {
                        throw new IllegalArgumentException("--set " + o + ": " + String.join(".",
                                java.util.Arrays.copyOf(keys, i + 1)) + " is a value, not a section");
                    }
                    node = obj;
                }
                node.set(keys[keys.length - 1], value == null ? com.fasterxml.jackson.databind.node.NullNode.instance
                        : value);
            }
            return parse(YAML.writeValueAsString(root), "the config with --set " + String.join(" --set ",
                    overrides));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--set " + String.join(" ", overrides) + ": not valid YAML ("
                    + e.getOriginalMessage() + ")", e);
        }
    }

    /** The config as YAML text (written into every run folder). */
    public static String toYaml(ExperimentConfig config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
