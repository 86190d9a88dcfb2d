package org.tsak.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Loads and writes {@link ExperimentConfig} YAML. Unknown keys and bad values fail with the
 * file, the key path (e.g. {@code training.student.epochs}) and the value.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

    private ConfigLoader() {
    }

    /**
     * Reads a config file; a relative {@code data.path} is resolved against the file's folder.
     *
     * @throws IllegalArgumentException naming file, key path and value on any error (and the line
     *                                  of bytes that are not UTF-8)
     */
    public static ExperimentConfig load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": config file not found");
        }
        ExperimentConfig config = parse(readUtf8(file), file.toString());
        DataConfig d = config.data();
        if (d.path() != null && !Path.of(d.path()).isAbsolute()) {
            Path base = file.toAbsolutePath().getParent();
            Path resolved = base.resolve(d.path()).normalize();
            d = new DataConfig(d.source(), resolved.toString(), d.simulator(), d.sensors(), d.window(), d.split(),
                    d.studentHand());
            config = new ExperimentConfig(config.name(), config.seed(), d, config.model(), config.training(),
                    config.distillation(), config.evaluation());
        }
        return config;
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

    /** Parses YAML text; {@code source} names it in errors. */
    public static ExperimentConfig parse(String yaml, String source) {
        try {
            ExperimentConfig c = YAML.readValue(yaml, ExperimentConfig.class);
            if (c == null) {
                throw new IllegalArgumentException(source + ": config is empty");
            }
            return c;
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(source + ": unknown key '" + keyPath(e) + "'; valid keys here: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.toList()), e);
        } catch (JsonMappingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
            String where = keyPath(e);
            throw new IllegalArgumentException(source + (where.isEmpty() ? "" : " at " + where) + ": " + why, e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
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

    private static String keyPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
