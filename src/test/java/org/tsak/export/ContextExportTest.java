package org.tsak.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.cli.TsakCommand;
import org.tsak.config.ConfigLoader;
import org.tsak.deploy.ContextHead;
import org.tsak.deploy.StudentArtifact;
import org.tsak.io.RunLayout;
import org.tsak.train.ExperimentRunner;
import org.tsak.train.ProgressListener;

import picocli.CommandLine;

/**
 * A tiny run whose student has a temporal context head (model.context.seconds 3 at a 1 s stride:
 * S = 4): {@code StudentExporter.fromRun} loads {@code context-head.params}, {@link ExportCheck}
 * compares the runtimes with the head against DJL's student + ContextHeadBlock over PastWindows,
 * and {@code tsak export} says the head is included.
 */
class ContextExportTest {

    static final String CONFIG = """
            name: tiny-context
            seed: 7
            data:
              source: simulator
              simulator: {workers: 4, sessions: 1, boxes: 2}
              split: {kind: subject, train: [W01, W03], validation: [W02], test: [W04]}
            model:
              teacher: {embedChannels: 16, representationSize: 16}
              semantic: {hiddenSize: 16}
              student: {convChannels: [8, 16]}
              context: {seconds: 3, projection: 4}
            training:
              teacher: {epochs: 1, batchSize: 32}
              semantic: {epochs: 1, batchSize: 32}
              student: {epochs: 2, batchSize: 32}
              context: {epochs: 3, batchSize: 64}
            distillation: {strategies: [none], seeds: 1}
            evaluation: {latencyRuns: 30, warmupRuns: 10, throughputBatch: 8}
            """;

    @TempDir
    static Path tmp;

    static Path run;

    @BeforeAll
    static void train() throws Exception {
        run = new ExperimentRunner(ConfigLoader.parse(CONFIG, "tiny-context"), tmp.resolve("run"), ProgressListener.NONE)
                .run().runDir();
    }

    @Test
    void exportedHeadMatchesDjlOverPastWindows() throws Exception {
        Path studentDir = run.resolve("students/none/seed-0");
        if (!Files.isDirectory(studentDir)) {
            studentDir = run.resolve("fold-0/students/none/seed-0");
        }
        assertTrue(Files.isRegularFile(RunLayout.contextHeadWeights(studentDir)), "the run saved the head");
        StudentArtifact a = StudentExporter.fromRun(run, "none", 0, 0);
        ContextHead head = a.contextHead();
        assertNotNull(head);
        assertEquals(4, head.steps());
        assertEquals(4, head.projectionSize());
        assertEquals(16, head.representationSize());
        ExportCheck check = ExportCheck.run(run, a, "none", 0, 0);
        assertTrue(check.windows() > 50, check.toString());
        assertTrue(check.maxAbsDiffFloat() < 1e-4, check.toString());
        assertEquals(check.macroF1Djl(), check.macroF1Float(), 1e-9, check.toString());
        System.out.println("export check with a context head: " + check);

        StringWriter out = new StringWriter();
        CommandLine cli = TsakCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("export", "--run", run.toString(), "--strategy", "none", "--format", "c",
                "--no-check", "--out", tmp.resolve("c").toString());
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("temporal context head included: 3.00 s of context (3 past windows"),
                out.toString());
        assertTrue(out.toString().contains("state 48 bytes (3 x 4 float32 projections)"), out.toString());
        assertTrue(Files.readString(tmp.resolve("c/tsak_student.h")).contains("void tsak_skip(void);"));
    }
}
