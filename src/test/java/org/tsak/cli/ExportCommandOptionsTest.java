package org.tsak.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.export.StudentExporter;

/**
 * {@code tsak export} on a hand-made two-fold run folder (metrics only, no weights): the strategy
 * is chosen on validation macro-F1, never test; {@code --fold} is 0-based and checked against the
 * run's fold count; {@code --int8} outside {@code --format c} is a usage error.
 */
class ExportCommandOptionsTest {

    @TempDir
    Path run;

    /** Strategy "test-best" wins on test macro-F1 but loses on validation to "val-best". */
    private void twoFoldRun() throws IOException {
        Files.writeString(run.resolve("data.json"), "{\"windowSamples\": 60, \"folds\": [\"a\", \"b\"]}");
        for (int f = 0; f < 2; f++) {
            student(f, "test-best", 0, 0.50, 0.90);
            student(f, "test-best", 1, 0.52, 0.88);
            student(f, "val-best", 0, 0.70, 0.60);
            student(f, "val-best", 1, 0.68, 0.62);
        }
    }

    private void student(int fold, String strategy, int seed, double validation, double test) throws IOException {
        Path d = run.resolve("fold-" + fold).resolve("students").resolve(strategy).resolve("seed-" + seed);
        Files.createDirectories(d);
        Files.writeString(d.resolve("metrics.json"), "{\"model\": \"student\", \"strategy\": \"" + strategy
                + "\", \"bestValidationF1\": " + validation + ", \"macroF1\": " + test + "}");
    }

    @Test
    void choosesTheStrategyByMeanValidationF1NotTest() throws IOException {
        twoFoldRun();
        StudentExporter.Choice c = StudentExporter.chooseByValidation(run);
        assertEquals("val-best", c.strategy());
        assertEquals(0.69, c.meanValidationF1(), 1e-12);
        assertEquals(4, c.students());
        assertTrue(c.describe().contains("validation macro-F1 0.6900"), c.describe());
        assertTrue(c.describe().contains("test-best 0.5100"), c.describe());
    }

    @Test
    void oneFoldRunKeepsStudentsAtTheRoot() throws IOException {
        Path d = run.resolve("students/only/seed-0");
        Files.createDirectories(d);
        Files.writeString(d.resolve("metrics.json"), "{\"bestValidationF1\": 0.4, \"macroF1\": 0.3}");
        assertEquals("only", StudentExporter.chooseByValidation(run).strategy());
        assertEquals(1, StudentExporter.foldCount(run));
    }

    @Test
    void foldOutsideTheRunIsAUsageErrorNamingTheFoldCount() throws IOException {
        twoFoldRun();
        CommandRunner.Result r = CommandRunner.run("export", "--run", run.toString(), "--fold", "2");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--fold 2: this run has 2 folds, so --fold must be 0..1"), r.err());
        CommandRunner.Result neg = CommandRunner.run("export", "--run", run.toString(), "--fold", "-1");
        assertEquals(2, neg.exitCode(), neg.err());
    }

    @Test
    void int8WithTheTsakFormatIsRefused() throws IOException {
        twoFoldRun();
        CommandRunner.Result r = CommandRunner.run("export", "--run", run.toString(), "--format", "tsak", "--int8");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--int8 applies to --format c only"), r.err());
    }

    @Test
    void unknownFormatIsAUsageErrorListingTheRegisteredOnes() throws IOException {
        twoFoldRun();
        CommandRunner.Result r = CommandRunner.run("export", "--run", run.toString(), "--format", "tflite");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("unknown export format 'tflite'; valid: tsak, onnx, c"), r.err());
    }

    @Test
    void helpListsEveryRegisteredFormat() {
        CommandRunner.Result r = CommandRunner.run("export", "--help");
        assertEquals(0, r.exitCode());
        for (org.tsak.export.ExportFormat f : org.tsak.export.ExportFormats.registered().all()) {
            assertTrue(r.out().contains("  " + f.name() + ": "), r.out());
        }
        assertTrue(r.out().contains("One of: tsak, onnx, c"), r.out());
    }

    @Test
    void helpSaysFoldIsZeroBased() {
        CommandRunner.Result r = CommandRunner.run("export", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("--fold") && r.out().contains("0-based"), r.out());
    }

    @Test
    void unknownStrategyOrSeedIsAUsageErrorListingTheStudents() throws IOException {
        twoFoldRun();
        CommandRunner.Result r = CommandRunner.run("export", "--run", run.toString(), "--strategy", "val-best",
                "--seed", "5", "--fold", "1");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("no student [val-best] seed 5 in fold 1"), r.err());
        assertTrue(r.err().contains("val-best/seed-1"), r.err());
    }
}
