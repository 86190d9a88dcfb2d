package org.tsak.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tsak.config.ConfigLoader;
import org.tsak.config.ExperimentConfig;
import org.tsak.config.ModelConfig;
import org.tsak.config.Seeds;
import org.tsak.config.TrainingConfig;
import org.tsak.data.Operations;
import org.tsak.data.PreparedData;
import org.tsak.data.window.Split;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.ZScore;
import org.tsak.distill.DistillationStrategy;
import org.tsak.distill.KdWeights;
import org.tsak.distill.TeacherTargets;
import org.tsak.eval.CostModel;
import org.tsak.eval.EvaluationResult;
import org.tsak.eval.LatencyMeter;
import org.tsak.eval.LatencyStats;
import org.tsak.eval.SubmissionWriter;
import org.tsak.eval.WindowScoring;
import org.tsak.io.AtomicFiles;
import org.tsak.model.SemanticClassifierBlock;
import org.tsak.model.SemanticSpec;
import org.tsak.model.StudentSpec;
import org.tsak.model.StudentTrainingBlock;
import org.tsak.model.TeacherBlock;
import org.tsak.model.TeacherSpec;
import org.tsak.report.ComparisonTable;
import org.tsak.report.ModelMetricsWriter;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * Runs one experiment end to end: data, teacher, semantic classifier, cached targets, a student
 * per strategy and seed, test evaluation by the OpenPack rule, efficiency, and the comparison
 * table; everything written into the run folder (see docs/RUN_FOLDER.md).
 */
public final class ExperimentRunner {

    private final ExperimentConfig config;
    private final Path runDir;
    private final ProgressListener progress;

    /**
     * @param config   the run's definition
     * @param runDir   the run folder (created)
     * @param progress progress receiver
     */
    public ExperimentRunner(ExperimentConfig config, Path runDir, ProgressListener progress) {
        this.config = config;
        this.runDir = runDir;
        this.progress = progress;
    }

    /** Runs everything and returns the comparison table (also written to the run folder). */
    public ExperimentOutcome run() throws IOException {
        long started = System.currentTimeMillis();
        List<DistillationStrategy> strategies = new ArrayList<>();
        for (String s : config.distillation().strategies()) {
            try {
                strategies.add(DistillationStrategy.parse(s));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("distillation.strategies: " + e.getMessage(), e);
            }
        }
        Files.createDirectories(runDir);
        AtomicFiles.writeString(runDir.resolve("config.yaml"), ConfigLoader.toYaml(config));
        progress.status("reading data (" + config.data().source() + ")");
        PreparedData data = PreparedData.prepare(config.data(), Seeds.derive(config.seed(), "data"));
        WindowSet windows = data.windows();
        progress.status(String.format(Locale.ROOT, "%d recordings, %d windows of %d samples x %d channels"
                + " (student: %s), %d fold(s); %d windows dropped for gaps", data.recordings().size(),
                windows.size(), windows.windowSamples(), data.teacherView().size(), data.studentView().names(),
                data.folds().size(), windows.droppedForGaps()));
        Provenance provenance = Provenance.collect(config, data.fingerprint());
        ModelMetricsWriter.writeJson(runDir.resolve("provenance.json"), provenance.toMap());

        ModelConfig mc = config.model();
        int inputChannels = data.teacherView().size();
        int windowSamples = windows.windowSamples();
        TeacherSpec teacherSpec = new TeacherSpec(inputChannels, windowSamples, mc.teacher().embedChannels(),
                mc.teacher().convLayers(), mc.teacher().kernelSize(), mc.teacher().attentionHeads(),
                mc.teacher().attentionLayers(), mc.teacher().representationSize(), mc.teacher().dropout(),
                Operations.CLASS_COUNT);
        SemanticSpec semanticSpec = new SemanticSpec(teacherSpec.representationSize(), mc.semantic().hiddenSize(),
                mc.semantic().dropout(), Operations.CLASS_COUNT);
        StudentSpec studentSpec = new StudentSpec(data.studentView().size(), windowSamples,
                mc.student().convChannelArray(), mc.student().kernelSize(), Operations.CLASS_COUNT);
        KdWeights kdWeights = new KdWeights(config.distillation().temperature(), config.distillation().alpha(),
                config.distillation().beta());

        ResultCollector results = new ResultCollector();
        Map<String, Object> dataSummary = new LinkedHashMap<>();
        dataSummary.put("fingerprint", data.fingerprint());
        dataSummary.put("windows", windows.size());
        dataSummary.put("windowSamples", windowSamples);
        dataSummary.put("samplingRateHz", windows.samplingRateHz());
        dataSummary.put("teacherChannels", data.teacherView().names());
        dataSummary.put("studentChannels", data.studentView().names());
        List<String> foldSummaries = new ArrayList<>();
        Efficiency efficiency = null;
        for (int f = 0; f < data.folds().size(); f++) {
            Split fold = data.folds().get(f);
            foldSummaries.add(fold.summary(windows));
            progress.status("fold " + (f + 1) + "/" + data.folds().size() + ": " + fold.summary());
            Path foldDir = data.folds().size() == 1 ? runDir : runDir.resolve("fold-" + f);
            ZScore norm = data.normalisation(fold);
            ModelMetricsWriter.writeJson(foldDir.resolve("normalisation.json"),
                    Map.of("channels", windows.channels(), "means", norm.means(), "stds", norm.stds()));
            efficiency = runFold(f, fold, foldDir, data, norm, teacherSpec, semanticSpec, studentSpec, strategies,
                    kdWeights, results, efficiency);
        }
        dataSummary.put("folds", foldSummaries);
        ModelMetricsWriter.writeJson(runDir.resolve("data.json"), dataSummary);

        ComparisonTable table = results.table(config.name() + ": test macro-F1 (OpenPack rule) and cost",
                efficiency, config.evaluation().throughputBatch());
        AtomicFiles.writeString(runDir.resolve("table.md"), table.toMarkdown());
        AtomicFiles.writeString(runDir.resolve("table.csv"), table.toCsv());
        AtomicFiles.writeString(runDir.resolve("table.json"), table.toJson());
        provenance = provenance.finished(System.currentTimeMillis() - started);
        ModelMetricsWriter.writeJson(runDir.resolve("provenance.json"), provenance.toMap());
        return new ExperimentOutcome(runDir, table, results.stageThroughputs());
    }

    private Efficiency runFold(int f, Split fold, Path dir, PreparedData data, ZScore norm, TeacherSpec teacherSpec,
            SemanticSpec semanticSpec, StudentSpec studentSpec, List<DistillationStrategy> strategies,
            KdWeights kdWeights, ResultCollector results, Efficiency efficiency) throws IOException {
        WindowSet windows = data.windows();
        TrainingConfig tc = config.training();
        String foldName = "fold-" + f;
        int[] test = fold.test();
        progress.status("stage 1: teacher " + teacherSpec.inputChannels() + " channels, "
                + CostModel.teacherParams(teacherSpec) + " parameters");
        try (TrainedModel<TeacherBlock> teacher = TeacherStage.train(windows, fold, data.teacherView(), norm,
                teacherSpec, stage("teacher", tc.teacher(), Seeds.derive(config.seed(), "teacher", foldName)),
                dir.resolve("teacher/weights.params"), progress)) {
            results.stage("teacher", teacher.result());
            byte[] teacherWeights = StageTrainer.weights(teacher.block());
            BatchFeeder teacherFeeder = Feeders.windows(windows, data.teacherView(), norm);
            float[] teacherTest = Inference.run(teacher.block(), teacher.model().getNDManager(), teacherFeeder, test,
                    256, TeacherBlock.LOGITS)[0];
            SubmissionWriter.write(dir.resolve("ground-truth.json"), WindowScoring.truths(windows, test).entrySet()
                    .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                            e -> new org.tsak.eval.TimedPredictions(e.getValue().secondsMs(),
                                    e.getValue().operationIds()), (a, b) -> a, LinkedHashMap::new)));
            EvaluationResult teacherResult = evaluate(dir.resolve("teacher"), "teacher", windows, test,
                    teacherTest, teacher.result(), Map.of("fold", f));
            results.add("teacher", "-", teacherResult);

            progress.status("caching the frozen teacher's outputs for " + windows.size() + " windows");
            String teacherKey = TargetCaching.key(data.fingerprint(), teacherWeights);
            TeacherTargets targets = TargetCaching.teacherOutputs(teacher.block(), teacher.model().getNDManager(),
                    windows, data.teacherView(), norm, teacherKey);

            progress.status("stage 2: semantic classifier on the frozen teacher's representations");
            try (TrainedModel<SemanticClassifierBlock> sc = SemanticStage.train(windows, fold, targets, semanticSpec,
                    stage("semantic", tc.semantic(), Seeds.derive(config.seed(), "semantic", foldName)),
                    dir.resolve("semantic-classifier/weights.params"), progress)) {
                results.stage("semantic-classifier", sc.result());
                String key = TargetCaching.key(data.fingerprint(), teacherWeights, StageTrainer.weights(sc.block()));
                targets = TargetCaching.withSemantic(targets, sc.block(), sc.model().getNDManager(), key);
                targets.save(dir.resolve("targets.bin"));
                float[] scTest = targets.rows(org.tsak.distill.TargetKind.SC_LOGITS, test, 0, test.length);
                EvaluationResult scResult = evaluate(dir.resolve("semantic-classifier"), "semantic-classifier",
                        windows, test, scTest, sc.result(), Map.of("fold", f));
                results.add("semantic-classifier", "-", scResult);
                if (efficiency == null) {
                    efficiency = measureTeacherAndSc(teacher.block(), sc.block(), teacher.model(), teacherSpec,
                            semanticSpec);
                }
            }

            BatchFeeder studentFeeder = Feeders.windows(windows, data.studentView(), norm);
            for (DistillationStrategy strategy : strategies) {
                for (int s = 0; s < config.distillation().seeds(); s++) {
                    String name = strategy.name();
                    Path sdir = dir.resolve("students/" + name + "/seed-" + s);
                    progress.status("student [" + name + "] seed " + (s + 1) + "/" + config.distillation().seeds());
                    try (TrainedModel<StudentTrainingBlock> student = StudentStage.train(windows, fold,
                            data.studentView(), norm, targets, studentSpec, strategy, kdWeights,
                            stage("student " + name, tc.student(), Seeds.derive(config.seed(), "student", name,
                                    foldName, "seed-" + s)), null, progress)) {
                        results.stage("student", student.result());
                        org.tsak.io.AtomicFiles.write(sdir.resolve("student.params"),
                                StageTrainer.weights(student.block().student()));
                        float[] logits = Inference.run(student.block().student(), student.model().getNDManager(),
                                studentFeeder, test, 256, 0)[0];
                        Map<String, Object> extra = new LinkedHashMap<>();
                        extra.put("fold", f);
                        extra.put("strategy", name);
                        extra.put("seed", s);
                        extra.put("loss", new org.tsak.distill.DistillationLoss(strategy, kdWeights).toString());
                        EvaluationResult r = evaluate(sdir, "student", windows, test, logits, student.result(), extra);
                        results.add("student", name, r);
                        if (efficiency != null && efficiency.student == null) {
                            efficiency.student = latency(LatencyMeter.inference(student.block().student()),
                                    student.model(), new Shape(1, studentSpec.inputChannels(),
                                            studentSpec.windowSamples()));
                        }
                    }
                }
            }
        }
        if (efficiency != null) {
            efficiency.teacherParams = CostModel.teacherParams(teacherSpec);
            efficiency.teacherFlops = CostModel.teacherFlops(teacherSpec);
            efficiency.scParams = CostModel.teacherParams(teacherSpec) + CostModel.semanticParams(semanticSpec);
            efficiency.scFlops = CostModel.semanticWithTeacherFlops(teacherSpec, semanticSpec);
            efficiency.studentParams = CostModel.studentParams(studentSpec);
            efficiency.studentFlops = CostModel.studentFlops(studentSpec);
        }
        return efficiency;
    }

    private Efficiency measureTeacherAndSc(TeacherBlock teacher, SemanticClassifierBlock sc, ai.djl.Model model,
            TeacherSpec teacherSpec, SemanticSpec semanticSpec) {
        progress.status("measuring latency (batch 1) and throughput (batch "
                + config.evaluation().throughputBatch() + ")");
        Efficiency e = new Efficiency();
        Shape input = new Shape(1, teacherSpec.inputChannels(), teacherSpec.windowSamples());
        e.teacher = latency(LatencyMeter.inference(teacher), model, input);
        e.sc = latency((m, in) -> {
            NDList t = teacher.forward(new ParameterStore(m, false), in, false);
            return sc.forward(new ParameterStore(m, false), new NDList(t.get(TeacherBlock.ATTN_REP),
                    t.get(TeacherBlock.CAUSAL_REP), t.get(TeacherBlock.COMBI_REP)), false);
        }, model, input);
        return e;
    }

    private Efficiency.Measured latency(java.util.function.BiFunction<ai.djl.ndarray.NDManager, NDList, NDList> fwd,
            ai.djl.Model model, Shape input) {
        LatencyMeter meter = new LatencyMeter(config.evaluation().warmupRuns(), config.evaluation().latencyRuns());
        LatencyStats stats = LatencyStats.fromNanos(meter.measure(fwd, model.getNDManager(), input));
        long[] dims = input.getShape();
        dims[0] = config.evaluation().throughputBatch();
        double throughput = meter.throughput(fwd, model.getNDManager(), new Shape(dims));
        return new Efficiency.Measured(stats, throughput);
    }

    private EvaluationResult evaluate(Path dir, String model, WindowSet windows, int[] test, float[] logits,
            StageResult history, Map<String, Object> extra) throws IOException {
        int[] pred = Inference.argmax(logits, Operations.CLASS_COUNT);
        EvaluationResult r = WindowScoring.score(windows, test, pred);
        SubmissionWriter.write(dir.resolve("predictions.json"), org.tsak.eval.OpenPackScorer.toSubmission(
                WindowScoring.predictions(windows, test, pred), WindowScoring.truths(windows, test)));
        Map<String, Object> all = new LinkedHashMap<>(extra);
        all.put("bestEpoch", history.bestEpoch());
        all.put("bestValidationF1", history.bestValidationF1());
        ModelMetricsWriter.write(dir.resolve("metrics.json"), model, r, ResultCollector.historyMaps(history), all);
        return r;
    }

    private static StageSettings stage(String name, TrainingConfig.Stage s, long seed) {
        return new StageSettings(name, s.epochs(), s.batchSize(), s.learningRate(), s.weightDecay(), s.patience(),
                seed);
    }

}
