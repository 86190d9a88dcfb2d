package org.tsak.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, kind 3: the cases of the issue and the kinds of binding failure, with their exact
 * messages: file, line, key path, value, in plain words.
 */
class ConfigStrictnessTest {

    private static String error(String yaml) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.parse(yaml, "my.yaml"));
        PlainConfigErrors.assertPlain(e.getMessage());
        return e.getMessage();
    }

    @Test
    void theIssuesRepeatedKeys(@TempDir Path dir) throws Exception {
        String demo = Files.readString(Path.of("configs/demo.yaml"));
        // the demo's seed line; seed: 99 added at the end
        long seedLine = 1 + demo.lines().takeWhile(l -> !l.startsWith("seed:")).count();
        Path seedTwice = Files.writeString(dir.resolve("seed.yaml"), demo + "seed: 99\n");
        long lines = demo.lines().count();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(seedTwice));
        assertEquals(seedTwice + " lines " + seedLine + " and " + (lines + 1) + ": key 'seed' is given twice (YAML would silently keep"
                + " the second); keep one", e.getMessage());
        assertEquals("my.yaml lines 2 and 4: key 'distillation.temperature' is given twice (YAML would silently keep"
                + " the second); keep one", error("distillation:\n  temperature: 4\n  alpha: 0.5\n  temperature: 2\n"));
        // inside training.student Jackson said "No fallback setter/field defined for creator property 'epochs'"
        assertEquals("my.yaml lines 3 and 5: key 'training.student.epochs' is given twice (YAML would silently keep"
                + " the second); keep one", error("training:\n  student:\n    epochs: 3\n    batchSize: 8\n"
                        + "    epochs: 4\n"));
        assertEquals("my.yaml line 2, columns 13 and 38: key 'training.student.epochs' is given twice (YAML would"
                + " silently keep the second); keep one",
                error("training:\n  student: {epochs: 3, batchSize: 8, epochs: 4}\n"));
        assertEquals("my.yaml lines 1 and 3: key 'training' is given twice (YAML would silently keep the second);"
                + " keep one", error("training:\n  student: {epochs: 3}\ntraining:\n  teacher: {epochs: 3}\n"));
        // the same key in different sections is no repetition
        ConfigLoader.parse("training:\n  student: {epochs: 3}\n  teacher: {epochs: 3}\n", "ok.yaml");
    }

    @Test
    void valuesOfTheWrongKindNameLineKeyPathAndValue() {
        assertEquals("my.yaml line 2: training.teacher.epochs: expected a whole number, got text 'many'",
                error("training:\n  teacher: {epochs: many}\n"));
        assertEquals("my.yaml line 1: seed: expected a whole number, got the number 1.5", error("seed: 1.5\n"));
        assertEquals("my.yaml line 1: seed: expected a whole number, got text '7'", error("seed: '7'\n"));
        assertEquals("my.yaml line 1: training: expected a section of 'key: value' lines (or {key: value, ...}), got"
                + " the number 5", error("training: 5\n"));
        assertEquals("my.yaml line 1: data.split.train: expected a list, like [a, b] or '- a' lines, got text 'W01'",
                error("data: {split: {kind: subject, train: W01}}\n"));
        assertEquals("my.yaml line 1: model.student.convChannels[0]: expected a whole number, got text 'a'",
                error("model: {student: {convChannels: [a]}}\n"));
        assertEquals("my.yaml line 1: seed: the number 99999999999999999999999 is out of range for a whole number"
                + " (at most 9223372036854775807)", error("seed: 99999999999999999999999\n"));
        assertEquals("my.yaml line 1: data.window.seconds: .nan is not a finite number",
                error("data: {window: {seconds: .nan}}\n"));
        assertEquals("my.yaml line 1: a config is a mapping of sections (name, seed, data, model, training,"
                + " distillation, evaluation), got a list", error("- a\n- b\n"));
        assertEquals("my.yaml line 2: data.window.seconds: must be > 0, got -2.0",
                error("data:\n  window: {seconds: -2}\n"));
        String unknown = error("training:\n  student:\n    epocs: 3\n");
        assertEquals("my.yaml line 3: unknown key 'training.student.epocs'; valid keys here: [",
                unknown.substring(0, unknown.indexOf('[') + 1));
        assertTrue(unknown.contains("epochs"), unknown);
        // a record's own check, in block style: the line of the key it names, not of the section's end
        assertEquals("my.yaml line 3: data.window.seconds: must be > 0, got -2.0",
                error("data:\n  window:\n    seconds: -2\n    strideSeconds: 1\n"));
        assertEquals("my.yaml line 1, column 2: not valid YAML for a config: a key must be plain text, like 'seed:'",
                error("[a]: 1\n"));
    }

    @Test
    void yamlSyntaxAndShapeErrors() {
        assertEquals("my.yaml line 1, column 5: not valid YAML: mapping values are not allowed here",
                error("a: b: c\n"));
        assertEquals("my.yaml line 2, column 1: not valid YAML: found character '\\t(TAB)' that cannot start any"
                + " token. (Do not use \\t(TAB) for indentation) (while scanning for the next token)",
                error("seed: 1\n\tname: x\n"));
        assertEquals("my.yaml line 3: a second YAML document ('---') starts here; a config is one document",
                error("seed: 1\n---\nseed: 2\n"));
        assertEquals("my.yaml: config is empty; write at least one section, as in configs/demo.yaml", error(""));
        assertEquals("my.yaml: config is empty; write at least one section, as in configs/demo.yaml",
                error("# only a comment\n"));
    }
}
