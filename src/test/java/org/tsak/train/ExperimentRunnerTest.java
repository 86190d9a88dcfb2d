package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.config.ConfigLoader;
import org.tsak.config.ExperimentConfig;
import org.tsak.eval.ComparisonRow;
import org.tsak.export.ExportCheck;
import org.tsak.export.StudentExporter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A tiny end-to-end experiment (seconds): all stages, every strategy, real DJL training. */
class ExperimentRunnerTest {

    static final String TINY = """
            name: tiny
            seed: 7
            data:
              source: simulator
              simulator: {workers: 4, sessions: 1, boxes: 2}
              split: {kind: subject, train: [W01, W03], validation: [W02], test: [W04]}
            model:
              teacher: {embedChannels: 32, representationSize: 32}
              semantic: {hiddenSize: 32}
              student: {convChannels: [8, 16]}
            training:
              teacher: {epochs: 3, batchSize: 32}
              semantic: {epochs: 3, batchSize: 32}
              student: {epochs: 3, batchSize: 32}
            distillation: {seeds: 1}
            evaluation: {latencyRuns: 30, warmupRuns: 10, throughputBatch: 8}
            """;

    @TempDir
    static Path tmp;

    static ExperimentOutcome outcome;
    static final java.util.Map<String, Integer> epochsSeen = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void runOnce() throws IOException {
        ProgressListener counting = new ProgressListener() {
            @Override
            public void epoch(String stage, EpochRecord record, boolean improved) {
                epochsSeen.merge(stage, 1, Integer::sum);
            }
        };
        outcome = new ExperimentRunner(ConfigLoader.parse(TINY, "tiny"), tmp.resolve("run"), counting).run();
    }

    @Test
    void eachModelIsTrainedExactlyOnce() throws IOException {
        ObjectMapper json = new ObjectMapper();
        int teacherEpochs = json.readTree(outcome.runDir().resolve("teacher/metrics.json").toFile()).get("history").size();
        assertEquals(teacherEpochs, epochsSeen.get("teacher"), "teacher trained once: " + epochsSeen);
        int scEpochs = json.readTree(outcome.runDir().resolve("semantic-classifier/metrics.json").toFile())
                .get("history").size();
        assertEquals(scEpochs, epochsSeen.get("semantic"), epochsSeen.toString());
    }

    @Test
    void tableHasTeacherScAndAStudentPerStrategy() {
        List<String> labels = outcome.table().rows().stream().map(ComparisonRow::label).toList();
        assertEquals(List.of("teacher", "semantic-classifier", "baseline [random-forest-student-channels]",
                "baseline [random-forest-all-channels]", "student [none]", "student [logit]",
                "student [sc-logit]", "student [attn-rep]", "student [causal-rep]", "student [combi-rep]",
                "student [sc-logit+combi-rep]"), labels);
        for (ComparisonRow r : outcome.table().rows()) {
            assertTrue(r.macroF1() >= 0 && r.macroF1() <= 1, r.toString());
            if (!r.model().equals("baseline")) {
                assertTrue(r.params() > 0 && r.flops() > 0 && r.latencyP50Micros() > 0, r.toString());
            }
        }
        ComparisonRow teacher = outcome.table().rows().get(0);
        ComparisonRow student = outcome.table().rows().get(4);
        assertEquals(1.0, teacher.paramRatio(), 1e-12);
        assertTrue(student.paramRatio() < 0.21 && student.flopRatio() < 0.034, student.toString());
        assertEquals(0.0, student.f1DeltaVsNoKd(), 1e-12);
    }

    @Test
    void everyStagesTrainingLossFell() throws IOException {
        Path run = outcome.runDir();
        List<Path> metrics = new ArrayList<>();
        try (Stream<Path> s = Files.walk(run)) {
            s.filter(p -> p.getFileName().toString().equals("metrics.json")).forEach(metrics::add);
        }
        assertEquals(2 + 2 + 7, metrics.size(), metrics.toString());
        ObjectMapper json = new ObjectMapper();
        for (Path m : metrics) {
            if (m.toString().contains("baselines")) {
                continue; // a forest has no epochs
            }
            JsonNode history = json.readTree(m.toFile()).get("history");
            assertTrue(history.size() >= 2, m + " has " + history.size() + " epochs");
            double first = history.get(0).get("trainLoss").asDouble();
            double last = history.get(history.size() - 1).get("trainLoss").asDouble();
            assertTrue(last < first, m + ": loss " + first + " -> " + last);
        }
    }

    @Test
    void runFolderHoldsConfigProvenanceTablesAndPredictions() throws IOException {
        Path run = outcome.runDir();
        for (String f : List.of("config.yaml", "provenance.json", "data.json", "table.md", "table.csv", "table.json",
                "targets.bin", "ground-truth.json", "teacher/weights.params", "teacher/predictions.json",
                "semantic-classifier/metrics.json", "students/sc-logit/seed-0/student.params")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), "missing " + f);
        }
        JsonNode prov = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
        assertEquals(7, prov.get("seed").asLong());
        assertEquals(64, prov.get("dataFingerprint").asText().length());
        JsonNode pred = new ObjectMapper().readTree(run.resolve("teacher/predictions.json").toFile());
        assertTrue(pred.has("W04-S01"), pred.toString());
        assertEquals(pred.get("W04-S01").get("unixtime").size(), pred.get("W04-S01").get("prediction").size());
        assertEquals(outcome.table().toCsv(), Files.readString(run.resolve("table.csv")));
        ExperimentConfig reloaded = ConfigLoader.parse(Files.readString(run.resolve("config.yaml")), "saved");
        assertEquals(ConfigLoader.parse(TINY, "tiny"), reloaded);
    }

    @Test
    void sameSeedGivesIdenticalMetricsAndWeights() throws IOException {
        ExperimentOutcome again = new ExperimentRunner(ConfigLoader.parse(TINY.replace(
                "distillation: {seeds: 1}", "distillation: {seeds: 1, strategies: [none, sc-logit]}").replace(
                "throughputBatch: 8}", "throughputBatch: 8, baselines: [random-forest-student-channels],"
                + " baselineTrees: 10}"), "tiny"),
                tmp.resolve("again"), ProgressListener.NONE).run();
        ComparisonRow t1 = outcome.table().rows().get(0);
        ComparisonRow t2 = again.table().rows().get(0);
        assertEquals(t1.macroF1(), t2.macroF1(), 0.0);
        assertEquals(List.of("teacher", "semantic-classifier", "baseline [random-forest-student-channels]",
                "student [none]", "student [sc-logit]"), again.table().rows().stream().map(ComparisonRow::label)
                .toList(), "evaluation.baselines leaves out the all-channel forest");
        assertFalse(Files.exists(again.runDir().resolve("baselines/random-forest-all-channels")));
        assertTrue(Files.readString(again.runDir().resolve("baselines/random-forest-student-channels/metrics.json"))
                .contains("10 trees"), "evaluation.baselineTrees reaches the forest");
        assertEquals(outcome.table().rows().get(6).macroF1(), again.table().rows().get(4).macroF1(), 0.0,
                "sc-logit student");
        assertArrayEquals(Files.readAllBytes(outcome.runDir().resolve("teacher/weights.params")),
                Files.readAllBytes(again.runDir().resolve("teacher/weights.params")));
        assertArrayEquals(Files.readAllBytes(outcome.runDir().resolve("students/sc-logit/seed-0/student.params")),
                Files.readAllBytes(again.runDir().resolve("students/sc-logit/seed-0/student.params")));
    }

    @Test
    void unknownStrategyFailsBeforeTrainingListingValidKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExperimentRunner(
                ConfigLoader.parse(TINY.replace("distillation: {seeds: 1}",
                        "distillation: {strategies: [none, sc-logits]}"), "tiny"), tmp.resolve("bad"),
                ProgressListener.NONE).run());
        assertTrue(e.getMessage().contains("sc-logits") && e.getMessage().contains("combi-rep"), e.getMessage());
        assertTrue(!Files.exists(tmp.resolve("bad/teacher")), "nothing trained");
    }

    @Test
    void missingStudentChannelsFailBeforeTraining(@TempDir Path dir) throws IOException {
        // a CSV recording with the left wrist only: the right-wrist student cannot be built
        StringBuilder csv = new StringBuilder("# tsak-recording v1\n# subject: A\n# session: S1\n"
                + "# sampling_rate_hz: 10\ntimestamp_ms,left_wrist/acc_x,left_wrist/acc_y,left_wrist/acc_z,operation,box\n");
        for (int i = 0; i < 200; i++) {
            csv.append(1000L * 1000 + i * 100).append(",0.1,0.2,0.3,100,1\n");
        }
        Files.writeString(dir.resolve("a.csv"), csv);
        String yaml = TINY.replace("source: simulator", "source: csv\n  path: " + dir.resolve("a.csv"))
                .replace("split: {kind: subject, train: [W01, W03], validation: [W02], test: [W04]}",
                        "split: {kind: time-blocks, fractions: [0.6, 0.2, 0.2]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExperimentRunner(
                ConfigLoader.parse(yaml, "csv"), dir.resolve("run"), ProgressListener.NONE).run());
        assertTrue(e.getMessage().contains("right_wrist/acc_x"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("run/teacher")), "nothing trained");
    }

    @Test
    void exportedStudentMatchesDjlInJavaRuntimeAndOnnxRuntime() throws Exception {
        org.tsak.deploy.StudentArtifact artifact = StudentExporter.fromRun(outcome.runDir(), "sc-logit", 0);
        ExportCheck check = ExportCheck.run(outcome.runDir(), artifact, "sc-logit", 0);
        assertTrue(check.windows() > 50, check.toString());
        assertTrue(check.maxAbsDiffFloat() < 1e-4, check.toString());
        assertEquals(check.macroF1Djl(), check.macroF1Float(), 1e-9, check.toString());
        // the artifact survives a round trip through its file format unchanged
        Path file = tmp.resolve("student.tsak");
        artifact.write(file);
        assertEquals(artifact, org.tsak.deploy.StudentArtifact.read(file));
        // ONNX written by the project, run by ONNX Runtime, against DJL's logits directly
        ExportCheck.TestWindows t = ExportCheck.TestWindows.load(outcome.runDir(), artifact, "sc-logit", 0);
        byte[] onnx = org.tsak.deploy.OnnxExporter.export(artifact);
        int c = artifact.inputChannels();
        int l = artifact.windowSamples();
        int n = t.test().length;
        ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
        try (ai.onnxruntime.OrtSession session = env.createSession(onnx, new ai.onnxruntime.OrtSession.SessionOptions());
                ai.onnxruntime.OnnxTensor input = ai.onnxruntime.OnnxTensor.createTensor(env,
                        java.nio.FloatBuffer.wrap(t.raw()), new long[] {n, c, l});
                ai.onnxruntime.OrtSession.Result result = session.run(java.util.Map.of("window", input))) {
            float[][] logits = (float[][]) result.get(0).getValue();
            double maxDiff = 0;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < logits[i].length; k++) {
                    maxDiff = Math.max(maxDiff, Math.abs(logits[i][k] - t.djlLogits()[i * logits[i].length + k]));
                }
            }
            assertTrue(maxDiff < 1e-4, "ONNX Runtime vs DJL max |diff| " + maxDiff);
        }
    }
}
