package org.tsak.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of issue 11, kind 3 (strict configs), on valid configs: (1) a key repeated at a
 * random path of the block YAML that {@link ConfigLoader#toYaml} writes (a scalar or a whole
 * section, copied before or after a random sibling, its value changed or not) is an error naming
 * the key path and both lines; (2) a key repeated inside a one-line flow mapping of
 * {@code configs/demo.yaml} ({@code {epochs: 25, ..., epochs: 7}}) names the line and both
 * columns; (3) a value of the wrong kind at a random key is an error naming the key path and a
 * line, in plain words. 200 tries each with a fixed seed by default, 2,000 with a random seed
 * under the {@code fuzz} tag.
 */
class ConfigRepeatedKeyPropertyTest {

    private static final String DEMO = read("configs/demo.yaml");
    private static final List<String> BLOCK = List.of(
            ConfigLoader.toYaml(ConfigLoader.parse(DEMO, "configs/demo.yaml")).split("\n"));
    private static final List<KeyLine> KEYS = keyLines(BLOCK);
    private static final List<FlowKey> FLOW_KEYS = flowKeys(List.of(DEMO.split("\n")));
    private static final List<String> VALUES = List.of("99", "-1", "0", "1.5", "1e99", "many", "'7'", "true", "~",
            "[1, 2]", "{a: 1}", ".nan", "''", "W01", "99999999999999999999999", "[]", "{}");

    /** A {@code key:} line of block YAML: its index, indent, key path and the lines of its block. */
    record KeyLine(int index, int indent, String path, String parentPath, int blockEnd) {
    }

    /** A key inside a one-line flow mapping: line index, path of the mapping, key. */
    record FlowKey(int index, String mappingPath, String key) {
    }

    @Property(tries = 200, seed = "20261127")
    void aRepeatedKeyNamesItsPathAndBothLines(@ForAll("keyIndex") int key, @ForAll @IntRange(min = 0, max = 40) int at,
            @ForAll("value") String value) {
        repeatedBlockKey(key, at, value);
    }

    @Property(tries = 2000)
    @Tag("fuzz")
    void aRepeatedKeyNamesItsPathAndBothLinesFuzz(@ForAll("keyIndex") int key,
            @ForAll @IntRange(min = 0, max = 40) int at, @ForAll("value") String value) {
        repeatedBlockKey(key, at, value);
    }

    @Property(tries = 200, seed = "20261127")
    void aKeyRepeatedInAFlowMappingNamesItsLineAndBothColumns(@ForAll("flowKeyIndex") int key,
            @ForAll @IntRange(min = 0, max = 10) int at, @ForAll("value") String value) {
        repeatedFlowKey(key, at, value);
    }

    @Property(tries = 2000)
    @Tag("fuzz")
    void aKeyRepeatedInAFlowMappingNamesItsLineAndBothColumnsFuzz(@ForAll("flowKeyIndex") int key,
            @ForAll @IntRange(min = 0, max = 10) int at, @ForAll("value") String value) {
        repeatedFlowKey(key, at, value);
    }

    @Property(tries = 200, seed = "20261127")
    void aValueOfTheWrongKindNamesItsPathInPlainWords(@ForAll("keyIndex") int key, @ForAll("value") String value) {
        wrongValue(key, value);
    }

    @Property(tries = 2000)
    @Tag("fuzz")
    void aValueOfTheWrongKindNamesItsPathInPlainWordsFuzz(@ForAll("keyIndex") int key, @ForAll("value") String value) {
        wrongValue(key, value);
    }

    @Provide
    Arbitrary<Integer> keyIndex() {
        return Arbitraries.integers().between(0, KEYS.size() - 1);
    }

    @Provide
    Arbitrary<Integer> flowKeyIndex() {
        return Arbitraries.integers().between(0, FLOW_KEYS.size() - 1);
    }

    @Provide
    Arbitrary<String> value() {
        return Arbitraries.oneOf(Arbitraries.of(VALUES), Arbitraries.just(""));
    }

    private static void repeatedBlockKey(int keyIndex, int at, String value) {
        KeyLine k = KEYS.get(keyIndex);
        List<String> copy = new ArrayList<>(BLOCK.subList(k.index(), k.blockEnd()));
        boolean scalar = copy.size() == 1 && !BLOCK.get(k.index()).endsWith(":");
        if (scalar && !value.isEmpty()) {
            String line = copy.get(0);
            copy.set(0, line.substring(0, line.indexOf(':') + 1) + " " + value);
        }
        // the places the copy can go: before or after any sibling block (same parent and indent)
        List<Integer> places = new ArrayList<>();
        for (KeyLine s : KEYS) {
            if (s.parentPath().equals(k.parentPath()) && s.indent() == k.indent()) {
                places.add(s.index());
                places.add(s.blockEnd());
            }
        }
        int insertAt = places.get(at % places.size());
        List<String> lines = new ArrayList<>(BLOCK);
        lines.addAll(insertAt, copy);
        int first = insertAt <= k.index() ? insertAt + 1 : k.index() + 1;
        int second = insertAt <= k.index() ? k.index() + copy.size() + 1 : insertAt + 1;
        Statistics.label("depth").collect(k.path().split("\\.").length);
        Statistics.label("repeated").collect(scalar ? "a value" : "a section");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse(String.join("\n", lines) + "\n", "random.yaml"));
        assertEquals("random.yaml lines " + first + " and " + second + ": key '" + k.path() + "' is given twice"
                + " (YAML would silently keep the second); keep one", e.getMessage());
    }

    private static void repeatedFlowKey(int keyIndex, int at, String value) {
        FlowKey k = FLOW_KEYS.get(keyIndex);
        List<String> lines = new ArrayList<>(List.of(DEMO.split("\n")));
        String line = lines.get(k.index());
        int open = line.indexOf('{');
        int close = line.lastIndexOf('}');
        List<String> entries = new ArrayList<>(List.of(line.substring(open + 1, close).split(",\\s*")));
        String original = entries.stream().filter(s -> s.startsWith(k.key() + ":")).findFirst().orElseThrow();
        String extra = value.isEmpty() ? original : k.key() + ": " + value;
        int originalAt = entries.indexOf(original);
        int insertAt = at % (entries.size() + 1);
        entries.add(insertAt, extra);
        String rebuilt = line.substring(0, open + 1) + String.join(", ", entries) + line.substring(close);
        lines.set(k.index(), rebuilt);
        int firstColumn = columnOf(rebuilt, open, entries, insertAt <= originalAt ? insertAt : originalAt);
        int secondColumn = columnOf(rebuilt, open, entries, insertAt <= originalAt ? originalAt + 1 : insertAt);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse(String.join("\n", lines) + "\n", "flow.yaml"));
        assertEquals("flow.yaml line " + (k.index() + 1) + ", columns " + firstColumn + " and " + secondColumn
                + ": key '" + k.mappingPath() + "." + k.key() + "' is given twice (YAML would silently keep the"
                + " second); keep one", e.getMessage());
    }

    private static void wrongValue(int keyIndex, String value) {
        KeyLine k = KEYS.get(keyIndex);
        String line = BLOCK.get(k.index());
        if (line.endsWith(":") || value.isEmpty()) {
            return; // a section, or no change
        }
        List<String> lines = new ArrayList<>(BLOCK);
        lines.set(k.index(), line.substring(0, line.indexOf(':') + 1) + " " + value);
        try {
            ConfigLoader.parse(String.join("\n", lines) + "\n", "wrong.yaml");
            Statistics.label("outcome").collect("accepted");
        } catch (IllegalArgumentException e) {
            Statistics.label("outcome").collect("refused");
            String m = e.getMessage();
            assertTrue(m.startsWith("wrong.yaml line "), m);
            String leaf = k.path().substring(k.path().lastIndexOf('.') + 1);
            assertTrue(m.contains(k.path()) || k.path().startsWith("data.split") && m.contains("data.split")
                    || m.contains(leaf), "names the key path " + k.path() + ": " + m);
            PlainConfigErrors.assertPlain(m);
        }
    }

    private static int columnOf(String line, int open, List<String> entries, int i) {
        int col = open + 1;
        for (int j = 0; j < i; j++) {
            col += entries.get(j).length() + 2;
        }
        return col + 1; // 1-based
    }

    private static List<KeyLine> keyLines(List<String> lines) {
        Pattern key = Pattern.compile("^( *)([A-Za-z][A-Za-z0-9]*):( .*)?$");
        List<KeyLine> out = new ArrayList<>();
        List<String> stack = new ArrayList<>();
        List<Integer> indents = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = key.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            int indent = m.group(1).length();
            while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
                indents.remove(indents.size() - 1);
                stack.remove(stack.size() - 1);
            }
            String parent = String.join(".", stack);
            int end = i + 1;
            while (end < lines.size() && (indentOf(lines.get(end)) > indent
                    || indentOf(lines.get(end)) == indent && lines.get(end).trim().startsWith("- "))) {
                end++;
            }
            out.add(new KeyLine(i, indent, parent.isEmpty() ? m.group(2) : parent + "." + m.group(2), parent, end));
            stack.add(m.group(2));
            indents.add(indent);
        }
        return out;
    }

    private static List<FlowKey> flowKeys(List<String> lines) {
        Pattern flow = Pattern.compile("^( *)([A-Za-z]+): \\{([^\\[\\]{}]*)\\}$");
        Pattern entry = Pattern.compile("([A-Za-z]+): ");
        List<FlowKey> out = new ArrayList<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.matches("^[a-z]+:\\s*$")) {
                section = line.substring(0, line.indexOf(':'));
            }
            Matcher m = flow.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String path = m.group(1).isEmpty() ? m.group(2) : section + "." + m.group(2);
            Matcher e = entry.matcher(m.group(3));
            while (e.find()) {
                out.add(new FlowKey(i, path, e.group(1)));
            }
        }
        return out;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
