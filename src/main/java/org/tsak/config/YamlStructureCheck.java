package org.tsak.config;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Checks the shape of a YAML config before it is bound to the records, where Jackson would
 * silently keep the last of two equal keys: a key given twice in one mapping (at the top level,
 * in a section, in a flow mapping {@code {a: 1, a: 2}}, at any depth) is an error naming its key
 * path and both lines (both columns when they share a line); so is a second YAML document
 * ({@code ---}) after the first. Also finds the line of a key path, for other messages.
 */
final class YamlStructureCheck {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** One open mapping or list. */
    private static final class Level {
        final String path;
        final Map<String, int[]> keyLines; // key -> line, column of its first use; null for a list
        String key;
        int index = -1;

        Level(String path, boolean mapping) {
            this.path = path;
            this.keyLines = mapping ? new HashMap<>() : null;
        }

        /** Path of the value that comes next in this mapping or list. */
        String childPath() {
            if (keyLines != null) {
                return path.isEmpty() ? key : path + "." + key;
            }
            return path + "[" + index + "]";
        }
    }

    /** Receives each key (with its path) and each list element, in text order. */
    private interface Visitor {
        /** @return true to stop the walk */
        boolean visit(String path, JsonLocation at);
    }

    private YamlStructureCheck() {
    }

    /**
     * @throws IllegalArgumentException naming {@code source}, the key path and both lines of a
     *                                  repeated key, or the line of a second document
     * @throws IOException              if the text is not YAML (the caller words it)
     */
    static void check(String yaml, String source) throws IOException {
        walk(yaml, source, null);
    }

    /** Line (1-based) of the key or list element at {@code keyPath}, e.g. {@code data.split.train[1]}; -1 if absent. */
    static int lineOf(String yaml, String keyPath) {
        int[] line = {-1};
        try {
            walk(yaml, "", (path, at) -> {
                if (path.equals(keyPath)) {
                    line[0] = at.getLineNr();
                    return true;
                }
                return false;
            });
        } catch (IOException | IllegalArgumentException e) {
            return line[0];
        }
        return line[0];
    }

    private static void walk(String yaml, String source, Visitor visitor) throws IOException {
        try (JsonParser p = FACTORY.createParser(yaml)) {
            Deque<Level> open = new ArrayDeque<>();
            boolean rootDone = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (open.isEmpty() && rootDone) {
                    throw new IllegalArgumentException(source + " line " + p.currentTokenLocation().getLineNr()
                            + ": a second YAML document ('---') starts here; a config is one document");
                }
                Level parent = open.peek();
                if (t == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation at = p.currentTokenLocation();
                    int[] first = parent.keyLines.putIfAbsent(key, new int[] {at.getLineNr(), at.getColumnNr()});
                    parent.key = key;
                    if (visitor != null && visitor.visit(parent.childPath(), at)) {
                        return;
                    }
                    if (first != null) {
                        throw new IllegalArgumentException(source + (first[0] == at.getLineNr()
                                ? " line " + at.getLineNr() + ", columns " + first[1] + " and " + at.getColumnNr()
                                : " lines " + first[0] + " and " + at.getLineNr()) + ": key '" + parent.childPath()
                                + "' is given twice (YAML would silently keep the second); keep one");
                    }
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    open.pop();
                    rootDone = open.isEmpty();
                    continue;
                }
                if (parent != null && parent.keyLines == null) {
                    parent.index++;
                    if (visitor != null && visitor.visit(parent.childPath(), p.currentTokenLocation())) {
                        return;
                    }
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    open.push(new Level(parent == null ? "" : parent.childPath(), t == JsonToken.START_OBJECT));
                } else if (parent == null) {
                    rootDone = true;
                }
            }
        }
    }
}
