package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.config.ConfigLoader;
import org.tsak.config.ModelConfig;
import org.tsak.deploy.StudentArtifact;
import org.tsak.eval.ComparisonRow;
import org.tsak.eval.CostModel;
import org.tsak.export.StudentExporter;
import org.tsak.model.StudentSpec;

/** model.student.widths: one student per width, its own size in the table, exportable. */
class StudentSizeSweepTest {

    @TempDir
    Path tmp;

    @Test
    void widthsScaleEveryLayerAndAreValidated() {
        ModelConfig.Student s = new ModelConfig.Student(List.of(16, 32, 48), 5, null, null, List.of(0.25, 1.0, 2.0));
        assertEquals(List.of(4, 8, 12), s.scaled(0.25).convChannels());
        assertEquals(List.of(32, 64, 96), s.scaled(2).convChannels());
        assertEquals(List.of(1, 1, 1), s.scaled(0.01).convChannels(), "at least one channel per layer");
        assertEquals(List.of(8, 16, 24), s.forRow("sc-logit@T=2,w=0.5").convChannels());
        assertEquals(s, s.forRow("sc-logit@T=2"));
        String e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("model:\n  student: {widths: [1, 0]}\n", "x.yaml")).getMessage();
        assertTrue(e.contains("model.student.widths[1]: must be in (0, 16], got 0"), e);
        String twice = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parse("model:\n  student: {widths: [1, 1]}\n", "x.yaml")).getMessage();
        assertTrue(twice.contains("listed twice"), twice);
    }

    @Test
    void eachWidthIsAStudentRowWithItsOwnSizeAndGridSelectionStaysWithinAWidth() throws IOException {
        String yaml = ExperimentRunnerTest.TINY.replace("student: {convChannels: [8, 16]}",
                "student: {convChannels: [8, 16], widths: [0.5, 1]}").replace("distillation: {seeds: 1}",
                "distillation: {seeds: 1, strategies: [none, sc-logit], temperatures: [2, 4]}");
        Path run = tmp.resolve("sweep");
        ExperimentOutcome out = new ExperimentRunner(ConfigLoader.parse(yaml, "sweep"), run, ProgressListener.NONE).run();
        Map<String, ComparisonRow> rows = out.table().rows().stream()
                .collect(Collectors.toMap(ComparisonRow::label, r -> r));
        for (String name : List.of("none@w=0.5", "sc-logit@T=2,w=0.5", "sc-logit@T=4,w=0.5", "none@w=1",
                "sc-logit@T=2,w=1", "sc-logit@T=4,w=1", "sc-logit@w=0.5,validation-selected",
                "sc-logit@w=1,validation-selected")) {
            assertTrue(rows.containsKey("student [" + name + "]"), name + " in " + rows.keySet());
        }
        assertEquals(8, rows.keySet().stream().filter(k -> k.startsWith("student")).count(), rows.keySet().toString());
        ModelConfig.Student cfg = ConfigLoader.parse(yaml, "sweep").model().student();
        long half = CostModel.studentParams(StudentSpec.of(cfg.scaled(0.5), 3, 60, 11));
        long full = CostModel.studentParams(StudentSpec.of(cfg, 3, 60, 11));
        assertEquals(half, rows.get("student [none@w=0.5]").params());
        assertEquals(full, rows.get("student [none@w=1]").params());
        assertEquals(half, rows.get("student [sc-logit@w=0.5,validation-selected]").params());
        assertTrue(half < full);
        // each width is judged against the no-KD student of the same width
        var vsNone = out.table().comparisons().stream().filter(c -> c.candidate().equals("student [sc-logit@T=2,w=0.5]")
                && c.reference().startsWith("student")).toList();
        assertEquals(1, vsNone.size(), vsNone.toString());
        assertEquals("student [none@w=0.5]", vsNone.get(0).reference());
        assertEquals(rows.get("student [sc-logit@T=2,w=0.5]").macroF1() - rows.get("student [none@w=0.5]").macroF1(),
                rows.get("student [sc-logit@T=2,w=0.5]").f1DeltaVsNoKd(), 1e-12);
        assertEquals(0.0, rows.get("student [none@w=1]").f1DeltaVsNoKd(), 0.0);
        StudentArtifact a = StudentExporter.fromRun(run, "none@w=0.5", 0);
        assertEquals(half, a.weights().parameterCount(), "the exported student is the half-width one");
    }
}
