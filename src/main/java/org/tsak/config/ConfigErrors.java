package org.tsak.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Words Jackson's exceptions for the config's user: the file, the line, the key path and the
 * value, and what is expected there ("a whole number", "a list", "a section of 'key: value'
 * lines"); never Jackson's own text (class names, "Cannot construct instance", creator
 * properties), which stays in the exception's cause for debugging.
 */
final class ConfigErrors {

    private static final YAMLFactory FACTORY = new YAMLFactory();
    /** The key path a record's validation message starts with, e.g. {@code data.window.seconds:}. */
    private static final java.util.regex.Pattern OWN_PATH = java.util.regex.Pattern.compile("([A-Za-z0-9_.\\[\\]]+):");

    private ConfigErrors() {
    }

    /**
     * The user's message for a failure to read or bind {@code yaml}, the text of {@code source}
     * (read again to quote the value at the failure's line and column).
     */
    static IllegalArgumentException describe(JsonProcessingException e, String yaml, String source) {
        org.yaml.snakeyaml.error.MarkedYAMLException syntax = find(e, org.yaml.snakeyaml.error.MarkedYAMLException.class);
        if (syntax != null && syntax.getProblemMark() != null) {
            return new IllegalArgumentException(source + " line " + (syntax.getProblemMark().getLine() + 1) + ", column "
                    + (syntax.getProblemMark().getColumn() + 1) + ": not valid YAML: "
                    // SnakeYAML quotes with backticks ("Do not use ` for indentation"): plain quotes here
                    + syntax.getProblem().replace("(Do not use ` for indentation)", "").replace('`', '\'').strip()
                    + (syntax.getContext() == null ? "" : " (" + syntax.getContext() + ")"), e);
        }
        String where = source + line(e.getLocation());
        if (!(e instanceof JsonMappingException m)) {
            JsonLocation at = e.getLocation();
            String place = at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr();
            boolean key = String.valueOf(e.getOriginalMessage()).startsWith("Expected a field name");
            return new IllegalArgumentException(source + place + ": not valid YAML for a config"
                    + (key ? ": a key must be plain text, like 'seed:'" : "; compare with configs/demo.yaml"), e);
        }
        String path = keyPath(m);
        int keyLine = YamlStructureCheck.lineOf(yaml, path);
        if (keyLine > 0) {
            where = source + " line " + keyLine;
        }
        if (m instanceof UnrecognizedPropertyException u) {
            return new IllegalArgumentException(where + ": unknown key '" + path + "'; valid keys here: "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.toList()), e);
        }
        if (m instanceof ValueInstantiationException) {
            IllegalArgumentException own = find(e.getCause(), IllegalArgumentException.class);
            if (own != null && !(own instanceof NumberFormatException)) {
                // a record's validation: its message starts with the key path and names the value
                java.util.regex.Matcher named = OWN_PATH.matcher(String.valueOf(own.getMessage()));
                int line = named.lookingAt() ? YamlStructureCheck.lineOf(yaml, named.group(1)) : -1;
                return new IllegalArgumentException((line > 0 ? source + " line " + line : where) + ": "
                        + own.getMessage(), e);
            }
        }
        String value = valueAt(yaml, e.getLocation());
        if (path.isEmpty() && (value == null || m.getPath().isEmpty() && "nothing".equals(value))) {
            return new IllegalArgumentException(source + ": config is empty; write at least one section, as in"
                    + " configs/demo.yaml", e);
        }
        String at = path.isEmpty() ? "the config" : path;
        String got = value == null ? "another kind of value" : value;
        InputCoercionException range = find(e, InputCoercionException.class);
        if (range != null) {
            return new IllegalArgumentException(where + ": " + at + ": " + got + " is out of range for "
                    + expected(range.getTargetType()) + range(range.getTargetType()), e);
        }
        if (find(e, NumberFormatException.class) != null) {
            return new IllegalArgumentException(where + ": " + at + ": " + got.replace("the number ", "")
                    + " is not a finite number", e);
        }
        if (path.isEmpty() && m instanceof MismatchedInputException mi && mi.getTargetType() == ExperimentConfig.class) {
            return new IllegalArgumentException(where + ": a config is a mapping of sections (name, seed, data,"
                    + " model, training, distillation, evaluation), got " + got, e);
        }
        Class<?> target = m instanceof InvalidFormatException f ? f.getTargetType()
                : m instanceof MismatchedInputException mi ? mi.getTargetType() : null;
        if (target != null) {
            return new IllegalArgumentException(where + ": " + at + ": expected " + expected(target) + ", got " + got, e);
        }
        return new IllegalArgumentException(where + ": " + at + ": " + got + " cannot be read here; compare with"
                + " configs/demo.yaml", e);
    }

    /** What a value of this Java type looks like in YAML. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list, like [a, b] or '- a' lines";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a section of 'key: value' lines (or {key: value, ...})";
        }
        return "another kind of value";
    }

    /**
     * The value that starts at {@code at} in the text, described for a message ({@code text 'many'},
     * {@code the number 1.5}, {@code a list}); null if there is none.
     */
    static String valueAt(String yaml, JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return null;
        }
        String found = null;
        try (JsonParser p = FACTORY.createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                JsonLocation here = p.currentTokenLocation();
                if (here.getLineNr() > at.getLineNr()
                        || here.getLineNr() == at.getLineNr() && here.getColumnNr() > at.getColumnNr()) {
                    break;
                }
                if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                    found = describe(t, p);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the text was read once already; if it cannot be read again, quote nothing
        }
        return found;
    }

    private static String describe(JsonToken t, JsonParser p) throws java.io.IOException {
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a section of keys";
            case VALUE_NULL -> "nothing";
            case VALUE_STRING -> "text " + quoted(p.getText());
            case VALUE_TRUE, VALUE_FALSE -> quoted(p.getText());
            default -> t.isNumeric() ? "the number " + p.getText() : quoted(p.getText());
        };
    }

    private static String range(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return " (at most " + Integer.MAX_VALUE + ")";
        }
        if (type == Long.class || type == long.class) {
            return " (at most " + Long.MAX_VALUE + ")";
        }
        return "";
    }

    private static String quoted(Object value) {
        return "'" + value + "'";
    }

    private static String line(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : " line " + at.getLineNr();
    }

    private static String keyPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        List<JsonMappingException.Reference> refs = e.getPath();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
