package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.config.ConfigLoader;
import org.tsak.eval.ComparisonRow;
import org.tsak.eval.CostModel;
import org.tsak.io.RunLayout;
import org.tsak.model.ContextHeadBlock;
import org.tsak.model.StudentSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** model.context: every student gets a context head and a sweep; the table counts the head and adds the control forest. */
class ContextHeadRunTest {

    @TempDir
    Path tmp;

    @Test
    void studentsCarryAHeadTheSweepIsWrittenAndTheTableCountsIt() throws IOException {
        String yaml = ExperimentRunnerTest.TINY.replace("student: {convChannels: [8, 16]}",
                "student: {convChannels: [8, 16]}\n  context: {seconds: 3, projection: 4, sweepSeconds: [0, 2]}")
                .replace("distillation: {seeds: 1}", "distillation: {seeds: 1, strategies: [none, sc-logit]}")
                .replace("student: {epochs: 3, batchSize: 32}",
                        "student: {epochs: 3, batchSize: 32}\n  context: {epochs: 2, batchSize: 64}");
        Path run = tmp.resolve("context");
        ExperimentOutcome out = new ExperimentRunner(ConfigLoader.parse(yaml, "context"), run, ProgressListener.NONE)
                .run();
        RunLayout layout = new RunLayout(run, 1);
        ObjectMapper json = new ObjectMapper();
        Map<String, ComparisonRow> rows = out.table().rows().stream()
                .collect(Collectors.toMap(ComparisonRow::label, r -> r));
        assertTrue(rows.containsKey("baseline [random-forest-student-channels+context]"), rows.keySet().toString());
        long head = ContextHeadBlock.parameterCount(4, 16, 4, 11);
        long student = CostModel.studentParams(StudentSpec.of(ConfigLoader.parse(yaml, "c").model().student(), 3, 60,
                11));
        assertEquals(student + head, rows.get("student [none]").params());
        for (String strategy : List.of("none", "sc-logit")) {
            Path dir = layout.student(0, strategy, 0);
            assertTrue(Files.isRegularFile(RunLayout.contextHeadWeights(dir)), strategy);
            JsonNode sweep = json.readTree(RunLayout.contextSweep(dir).toFile());
            List<Double> seconds = json.convertValue(sweep.findValues("seconds"), json.getTypeFactory()
                    .constructCollectionType(List.class, Double.class));
            assertEquals(List.of(0.0, 2.0, 3.0), seconds);
            JsonNode metrics = json.readTree(RunLayout.metrics(dir).toFile());
            // the student's score is its context head's (3 s); without the head it is the sweep's 0 s
            assertEquals(sweep.get("lengths").get(2).get("testMacroF1").asDouble(),
                    metrics.path("macroF1").asDouble(), 1e-9, metrics.toString());
            assertEquals(sweep.get("lengths").get(0).get("testMacroF1").asDouble(),
                    metrics.path("macroF1WithoutContext").asDouble(), 1e-9);
            assertEquals(sweep.get("lengths").get(2).get("validationMacroF1").asDouble(),
                    metrics.path("contextValidationMacroF1").asDouble(), 1e-9, "export chooses on the head's score");
            assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().endsWith(".checkpoint")),
                    "checkpoints of finished heads are removed");
        }
        String md = Files.readString(layout.contextSweepTable("md"));
        assertTrue(md.contains("student [none] 3 s vs student [none] 0 s"), md);
        assertTrue(md.contains("student [sc-logit] 2 s vs student [none] 2 s"), md);
    }
}
