package org.tsak.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

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
import org.tsak.distill.DistillationLoss;
import org.tsak.distill.DistillationStrategy;
import org.tsak.distill.KdWeights;
import org.tsak.distill.TargetKind;
import org.tsak.distill.TeacherTargets;
import org.tsak.eval.CostModel;
import org.tsak.eval.EvaluationResult;
import org.tsak.eval.LatencyMeter;
import org.tsak.eval.LatencyStats;
import org.tsak.eval.OpenPackScorer;
import org.tsak.eval.SubmissionWriter;
import org.tsak.eval.TimedPredictions;
import org.tsak.eval.WindowScoring;
import org.tsak.io.AtomicFiles;
import org.tsak.model.SemanticClassifierBlock;
import org.tsak.model.SemanticSpec;
import org.tsak.model.StudentBlock;
import org.tsak.model.StudentSpec;
import org.tsak.model.StudentTrainingBlock;
import org.tsak.model.TeacherBlock;
import org.tsak.model.TeacherSpec;
import org.tsak.report.ComparisonTable;
import org.tsak.report.ModelMetricsWriter;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * Runs an experiment in three phases that read and write one run folder (docs/RUN_FOLDER.md):
 * {@link #train} (data, teacher, semantic classifier, cached targets), {@link #distill} (a
 * student per strategy and seed) and {@link #evaluate} (efficiency and the comparison table).
 * {@link #run} does all three. A model whose {@code metrics.json} exists is finished and, with
 * {@code resume}, is loaded instead of trained again: a run killed half-way resumes where it
 * stopped (the same seeds give the same models either way).
 */
public final class ExperimentRunner {

    private static final int BATCH = 256;
    /** Per-stage epoch checkpoint file name (deleted once the model is finished). */
    static final String CHECKPOINT = "checkpoint.bin";

    private final ExperimentConfig config;
    private final Path runDir;
    private final ProgressListener progress;
    private final boolean resume;
    private Prepared prepared;
    private final Map<Integer, TeacherTargets> targetsByFold = new java.util.HashMap<>();

    /** The run's data and model specs, built once. */
    private record Prepared(PreparedData data, TeacherSpec teacher, SemanticSpec semantic, StudentSpec student,
            KdWeights kd, List<DistillationStrategy> strategies) {
    }

    /**
     * @param config   the run's definition
     * @param runDir   the run folder (created)
     * @param progress progress receiver
     * @param resume   keep finished models of an earlier, interrupted run
     */
    public ExperimentRunner(ExperimentConfig config, Path runDir, ProgressListener progress, boolean resume) {
        this.config = config;
        this.runDir = runDir;
        this.progress = progress;
        this.resume = resume;
    }

    /** A fresh run (nothing resumed). */
    public ExperimentRunner(ExperimentConfig config, Path runDir, ProgressListener progress) {
        this(config, runDir, progress, false);
    }

    /** Opens an existing run folder with its saved config, resuming what is finished. */
    public static ExperimentRunner open(Path runDir, ProgressListener progress) throws IOException {
        Path file = runDir.resolve("config.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(runDir + ": not a run folder (no config.yaml); start one with"
                    + " `tsak experiment --config FILE` or `tsak train --config FILE`");
        }
        return new ExperimentRunner(ConfigLoader.parse(Files.readString(file), file.toString()), runDir, progress,
                true);
    }

    /** All three phases, fold by fold (only one fold's cached targets are held at a time). */
    public ExperimentOutcome run() throws IOException {
        long started = System.currentTimeMillis();
        Prepared p = prepare();
        for (int f = 0; f < p.data().folds().size(); f++) {
            targets(p, f);
            distillFold(p, f, p.strategies());
            targetsByFold.remove(f);
        }
        return evaluate(System.currentTimeMillis() - started);
    }

    /** Phase 1: data, teacher and semantic classifier per fold, and the cached targets. */
    public void train() throws IOException {
        Prepared p = prepare();
        for (int f = 0; f < p.data().folds().size(); f++) {
            targets(p, f);
            targetsByFold.remove(f);
        }
    }

    /**
     * Phase 2: students per strategy and seed (per fold), distilled from the cached targets.
     *
     * @param strategies strategy names, or null for the config's list
     */
    public void distill(List<String> strategies) throws IOException {
        Prepared p = prepare();
        List<DistillationStrategy> chosen = strategies == null ? p.strategies() : parse(strategies);
        for (int f = 0; f < p.data().folds().size(); f++) {
            distillFold(p, f, chosen);
            targetsByFold.remove(f);
        }
    }

    private void distillFold(Prepared p, int f, List<DistillationStrategy> chosen) throws IOException {
        for (DistillationStrategy strategy : chosen) {
            for (int s = 0; s < config.distillation().seeds(); s++) {
                Path sdir = foldDir(f).resolve("students/" + strategy.name() + "/seed-" + s);
                if (resume && Files.isRegularFile(sdir.resolve("metrics.json"))) {
                    progress.status("student [" + strategy.name() + "] seed " + (s + 1) + ": done earlier, kept");
                    continue;
                }
                trainStudent(p, f, strategy, s, targets(p, f), sdir);
            }
        }
    }

    /** Phase 3: efficiency of teacher, SC and student, and the comparison table from the metrics files. */
    public ExperimentOutcome evaluate() throws IOException {
        return evaluate(-1);
    }

    private ExperimentOutcome evaluate(long elapsedMs) throws IOException {
        Prepared p = prepare();
        ResultCollector results = new ResultCollector();
        for (int f = 0; f < p.data().folds().size(); f++) {
            Path dir = foldDir(f);
            if (!results.addIfPresent("teacher", "-", "teacher", dir.resolve("teacher/metrics.json"))) {
                throw new IllegalStateException(dir.resolve("teacher/metrics.json") + ": missing; run `tsak train"
                        + " --run " + runDir + "` (or `tsak experiment --resume " + runDir + "`) first");
            }
            results.addIfPresent("semantic-classifier", "-", "semantic-classifier",
                    dir.resolve("semantic-classifier/metrics.json"));
        }
        for (DistillationStrategy strategy : p.strategies()) {
            for (int f = 0; f < p.data().folds().size(); f++) {
                for (int s = 0; s < config.distillation().seeds(); s++) {
                    results.addIfPresent("student", strategy.name(), "student", foldDir(f).resolve(
                            "students/" + strategy.name() + "/seed-" + s + "/metrics.json"));
                }
            }
        }
        Efficiency efficiency = measureEfficiency(p);
        ComparisonTable table = results.table(config.name() + ": test macro-F1 (OpenPack rule) and cost",
                efficiency, config.evaluation().throughputBatch());
        AtomicFiles.writeString(runDir.resolve("table.md"), table.toMarkdown());
        AtomicFiles.writeString(runDir.resolve("table.csv"), table.toCsv());
        AtomicFiles.writeString(runDir.resolve("table.json"), table.toJson());
        Provenance provenance = Provenance.collect(config, p.data().fingerprint())
                .startedAt(runDir.resolve("provenance.json"));
        if (elapsedMs >= 0) {
            provenance = provenance.finished(elapsedMs);
        }
        ModelMetricsWriter.writeJson(runDir.resolve("provenance.json"), provenance.toMap());
        return new ExperimentOutcome(runDir, table, results.stageThroughputs(),
                results.stageTimeShares());
    }

    private Prepared prepare() throws IOException {
        if (prepared != null) {
            return prepared;
        }
        List<DistillationStrategy> strategies = parse(config.distillation().strategies());
        Files.createDirectories(runDir);
        Path configFile = runDir.resolve("config.yaml");
        String yaml = ConfigLoader.toYaml(config);
        if (resume && Files.isRegularFile(configFile)
                && !ConfigLoader.parse(Files.readString(configFile), configFile.toString()).equals(config)) {
            throw new IllegalStateException(configFile + ": the run folder was made with a different config;"
                    + " use another --out folder, or --force to start it afresh");
        }
        AtomicFiles.writeString(configFile, yaml);
        progress.status("reading data (" + config.data().source() + ")");
        PreparedData data = PreparedData.prepare(config.data(), Seeds.derive(config.seed(), "data"));
        WindowSet windows = data.windows();
        progress.status(String.format(Locale.ROOT, "%d recordings, %d windows of %d samples x %d channels"
                + " (student: %s), %d fold(s); %d windows dropped for gaps", data.recordings().size(),
                windows.size(), windows.windowSamples(), data.teacherView().size(), data.studentView().names(),
                data.folds().size(), windows.droppedForGaps()));
        Path dataFile = runDir.resolve("data.json");
        if (resume && Files.isRegularFile(dataFile)) {
            String saved = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dataFile.toFile())
                    .path("fingerprint").asText();
            if (!saved.equals(data.fingerprint())) {
                throw new IllegalStateException(dataFile + ": the data changed since this run was made (fingerprint "
                        + saved + ", now " + data.fingerprint() + "); start a new run");
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("fingerprint", data.fingerprint());
        summary.put("windows", windows.size());
        summary.put("windowSamples", windows.windowSamples());
        summary.put("samplingRateHz", windows.samplingRateHz());
        summary.put("teacherChannels", data.teacherView().names());
        summary.put("studentChannels", data.studentView().names());
        summary.put("folds", data.folds().stream().map(s -> s.summary(windows)).collect(Collectors.toList()));
        ModelMetricsWriter.writeJson(dataFile, summary);
        if (!Files.isRegularFile(runDir.resolve("provenance.json"))) {
            ModelMetricsWriter.writeJson(runDir.resolve("provenance.json"),
                    Provenance.collect(config, data.fingerprint()).toMap());
        }
        ModelConfig mc = config.model();
        TeacherSpec teacher = new TeacherSpec(data.teacherView().size(), windows.windowSamples(),
                mc.teacher().embedChannels(), mc.teacher().convLayers(), mc.teacher().kernelSize(),
                mc.teacher().attentionHeads(), mc.teacher().attentionLayers(), mc.teacher().representationSize(),
                mc.teacher().dropout(), Operations.CLASS_COUNT);
        SemanticSpec semantic = new SemanticSpec(teacher.representationSize(), mc.semantic().hiddenSize(),
                mc.semantic().dropout(), Operations.CLASS_COUNT);
        StudentSpec student = new StudentSpec(data.studentView().size(), windows.windowSamples(),
                mc.student().convChannelArray(), mc.student().kernelSize(), Operations.CLASS_COUNT);
        KdWeights kd = new KdWeights(config.distillation().temperature(), config.distillation().alpha(),
                config.distillation().beta());
        prepared = new Prepared(data, teacher, semantic, student, kd, strategies);
        return prepared;
    }

    private static List<DistillationStrategy> parse(List<String> names) {
        List<DistillationStrategy> out = new ArrayList<>();
        for (String s : names) {
            try {
                out.add(DistillationStrategy.parse(s));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("distillation.strategies: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private Path foldDir(int f) throws IOException {
        return prepare().data().folds().size() == 1 ? runDir : runDir.resolve("fold-" + f);
    }

    /** Teacher and SC of fold f (trained, or loaded when finished earlier) and their cached outputs. */
    private TeacherTargets targets(Prepared p, int f) throws IOException {
        TeacherTargets known = targetsByFold.get(f);
        if (known == null) {
            known = computeTargets(p, f);
            targetsByFold.put(f, known);
        }
        return known;
    }

    private TeacherTargets computeTargets(Prepared p, int f) throws IOException {
        PreparedData data = p.data();
        WindowSet windows = data.windows();
        Split fold = data.folds().get(f);
        Path dir = foldDir(f);
        ZScore norm = data.normalisation(fold);
        ModelMetricsWriter.writeJson(dir.resolve("normalisation.json"),
                Map.of("channels", windows.channels(), "means", norm.means(), "stds", norm.stds()));
        TrainingConfig tc = config.training();
        String foldName = "fold-" + f;
        int[] test = fold.test();
        Path teacherWeights = dir.resolve("teacher/weights.params");
        Path scWeights = dir.resolve("semantic-classifier/weights.params");
        boolean teacherDone = resume && Files.isRegularFile(dir.resolve("teacher/metrics.json"));
        boolean scDone = teacherDone && Files.isRegularFile(dir.resolve("semantic-classifier/metrics.json"));
        if (scDone) {
            String key = TargetCaching.key(data.fingerprint(), Files.readAllBytes(teacherWeights),
                    Files.readAllBytes(scWeights));
            var cached = TeacherTargets.load(dir.resolve("targets.bin"), key);
            if (cached.isPresent()) {
                progress.status("fold " + (f + 1) + ": teacher, SC and cached targets done earlier, kept");
                return cached.get();
            }
        }
        progress.status("fold " + (f + 1) + "/" + data.folds().size() + ": " + fold.summary());
        SubmissionWriter.write(dir.resolve("ground-truth.json"), WindowScoring.truths(windows, test).entrySet()
                .stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> new TimedPredictions(e.getValue().secondsMs(), e.getValue().operationIds()),
                        (a, b) -> a, LinkedHashMap::new)));
        try (TrainedModel<TeacherBlock> teacher = teacherDone ? loadTeacher(p, teacherWeights)
                : trainTeacher(p, f, fold, norm, foldName, teacherWeights)) {
            byte[] tw = Files.readAllBytes(teacherWeights);
            progress.status("caching the frozen teacher's outputs for " + windows.size() + " windows");
            TeacherTargets targets = TargetCaching.teacherOutputs(teacher.block(), teacher.model().getNDManager(),
                    windows, data.teacherView(), norm, TargetCaching.key(data.fingerprint(), tw));
            try (TrainedModel<SemanticClassifierBlock> sc = scDone ? loadSemantic(p, scWeights) : trainSemantic(p,
                    windows, fold, targets, foldName, scWeights)) {
                String key = TargetCaching.key(data.fingerprint(), tw, Files.readAllBytes(scWeights));
                targets = TargetCaching.withSemantic(targets, sc.block(), sc.model().getNDManager(), key);
                targets.save(dir.resolve("targets.bin"));
                if (!scDone) {
                    evaluate(dir.resolve("semantic-classifier"), "semantic-classifier", windows, test,
                            targets.rows(TargetKind.SC_LOGITS, test, 0, test.length), sc.result(), Map.of("fold", f));
                }
            }
            return targets;
        }
    }

    private TrainedModel<TeacherBlock> trainTeacher(Prepared p, int f, Split fold, ZScore norm, String foldName,
            Path weights) throws IOException {
        PreparedData data = p.data();
        progress.status("stage 1: teacher on " + p.teacher().inputChannels() + " channels, "
                + CostModel.teacherParams(p.teacher()) + " parameters");
        TrainedModel<TeacherBlock> teacher = TeacherStage.train(data.windows(), fold, data.teacherView(), norm,
                p.teacher(), stage("teacher", config.training().teacher(),
                        Seeds.derive(config.seed(), "teacher", foldName)), weights.resolveSibling(CHECKPOINT), progress);
        AtomicFiles.write(weights, StageTrainer.weights(teacher.block()));
        float[] logits = Inference.run(teacher.block(), teacher.model().getNDManager(),
                Feeders.windows(data.windows(), data.teacherView(), norm), fold.test(), BATCH, TeacherBlock.LOGITS)[0];
        evaluate(weights.getParent(), "teacher", data.windows(), fold.test(), logits, teacher.result(),
                Map.of("fold", f));
        return teacher;
    }

    private TrainedModel<SemanticClassifierBlock> trainSemantic(Prepared p, WindowSet windows, Split fold,
            TeacherTargets targets, String foldName, Path weights) throws IOException {
        progress.status("stage 2: semantic classifier on the frozen teacher's representations");
        TrainedModel<SemanticClassifierBlock> sc = SemanticStage.train(windows, fold, targets, p.semantic(),
                config.model().semantic().labelSmoothing(),
                stage("semantic", config.training().semantic(), Seeds.derive(config.seed(), "semantic", foldName)),
                weights.resolveSibling(CHECKPOINT), progress);
        AtomicFiles.write(weights, StageTrainer.weights(sc.block()));
        return sc;
    }

    private void trainStudent(Prepared p, int f, DistillationStrategy strategy, int s, TeacherTargets targets,
            Path sdir) throws IOException {
        PreparedData data = p.data();
        WindowSet windows = data.windows();
        Split fold = data.folds().get(f);
        ZScore norm = data.normalisation(fold);
        String name = strategy.name();
        progress.status("student [" + name + "] seed " + (s + 1) + "/" + config.distillation().seeds());
        try (TrainedModel<StudentTrainingBlock> student = StudentStage.train(windows, fold, data.studentView(), norm,
                targets, p.student(), strategy, p.kd(), stage("student " + name, config.training().student(),
                        Seeds.derive(config.seed(), "student", name, "fold-" + f, "seed-" + s)),
                sdir.resolve(CHECKPOINT), progress)) {
            AtomicFiles.write(sdir.resolve("student.params"), StageTrainer.weights(student.block().student()));
            float[] logits = Inference.run(student.block().student(), student.model().getNDManager(),
                    Feeders.windows(windows, data.studentView(), norm), fold.test(), BATCH, StudentBlock.LOGITS)[0];
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("fold", f);
            extra.put("strategy", name);
            extra.put("seed", s);
            extra.put("loss", new DistillationLoss(strategy, p.kd()).toString());
            evaluate(sdir, "student", windows, fold.test(), logits, student.result(), extra);
        }
    }

    private static TrainedModel<TeacherBlock> loadTeacher(Prepared p, Path weights) throws IOException {
        TeacherBlock block = new TeacherBlock(p.teacher());
        return load("teacher", block, weights, new Shape(1, p.teacher().inputChannels(), p.teacher().windowSamples()));
    }

    private static TrainedModel<SemanticClassifierBlock> loadSemantic(Prepared p, Path weights) throws IOException {
        Shape rep = new Shape(1, p.teacher().representationSize());
        return load("semantic-classifier", new SemanticClassifierBlock(p.semantic()), weights, rep, rep, rep);
    }

    private static <B extends Block> TrainedModel<B> load(String name, B block, Path weights, Shape... shapes)
            throws IOException {
        Model model = Model.newInstance(name);
        model.setBlock(block);
        try {
            StageTrainer.load(block, weights, model.getNDManager(), shapes);
        } catch (IOException e) {
            model.close();
            throw new IOException(weights + ": cannot load the " + name + "'s weights (" + e.getMessage()
                    + "); delete the file to train it again", e);
        }
        return new TrainedModel<>(model, block, new StageResult(name, List.of(), 0, Double.NaN, false));
    }

    private Efficiency measureEfficiency(Prepared p) throws IOException {
        progress.status("measuring latency (batch 1) and throughput (batch "
                + config.evaluation().throughputBatch() + ")");
        Path dir = foldDir(0);
        Efficiency e = new Efficiency();
        try (TrainedModel<TeacherBlock> teacher = loadTeacher(p, dir.resolve("teacher/weights.params"));
                TrainedModel<SemanticClassifierBlock> sc = loadSemantic(p,
                        dir.resolve("semantic-classifier/weights.params"));
                Model studentModel = Model.newInstance("student")) {
            Shape input = new Shape(1, p.teacher().inputChannels(), p.teacher().windowSamples());
            e.teacher = latency(LatencyMeter.inference(teacher.block()), teacher.model(), input);
            TeacherBlock tb = teacher.block();
            SemanticClassifierBlock sb = sc.block();
            e.sc = latency((m, in) -> {
                NDList t = tb.forward(new ParameterStore(m, false), in, false);
                return sb.forward(new ParameterStore(m, false), new NDList(t.get(TeacherBlock.ATTN_REP),
                        t.get(TeacherBlock.CAUSAL_REP), t.get(TeacherBlock.COMBI_REP)), false);
            }, teacher.model(), input);
            StudentBlock student = StudentBlock.create(p.student(), studentModel.getNDManager(), 0);
            e.student = latency(LatencyMeter.inference(student), studentModel,
                    new Shape(1, p.student().inputChannels(), p.student().windowSamples()));
        }
        e.teacherParams = CostModel.teacherParams(p.teacher());
        e.teacherFlops = CostModel.teacherFlops(p.teacher());
        e.scParams = CostModel.teacherParams(p.teacher()) + CostModel.semanticParams(p.semantic());
        e.scFlops = CostModel.semanticWithTeacherFlops(p.teacher(), p.semantic());
        e.studentParams = CostModel.studentParams(p.student());
        e.studentFlops = CostModel.studentFlops(p.student());
        return e;
    }

    private Efficiency.Measured latency(BiFunction<NDManager, NDList, NDList> fwd, Model model, Shape input) {
        LatencyMeter meter = new LatencyMeter(config.evaluation().warmupRuns(), config.evaluation().latencyRuns());
        LatencyStats stats = LatencyStats.fromNanos(meter.measure(fwd, model.getNDManager(), input));
        long[] dims = input.getShape().clone(); // Shape hands out its own array
        dims[0] = config.evaluation().throughputBatch();
        return new Efficiency.Measured(stats, meter.throughput(fwd, model.getNDManager(), new Shape(dims)));
    }

    private void evaluate(Path dir, String model, WindowSet windows, int[] test, float[] logits, StageResult history,
            Map<String, Object> extra) throws IOException {
        int[] pred = Inference.argmax(logits, Operations.CLASS_COUNT);
        EvaluationResult r = WindowScoring.score(windows, test, pred);
        SubmissionWriter.write(dir.resolve("predictions.json"), OpenPackScorer.toSubmission(
                WindowScoring.predictions(windows, test, pred), WindowScoring.truths(windows, test)));
        Map<String, Object> all = new LinkedHashMap<>(extra);
        all.put("bestEpoch", history.bestEpoch());
        all.put("bestValidationF1", history.bestValidationF1());
        // metrics.json is written last: its presence marks the model as finished (resume)
        ModelMetricsWriter.write(dir.resolve("metrics.json"), model, r, ResultCollector.historyMaps(history), all);
        Files.deleteIfExists(dir.resolve(CHECKPOINT));
    }

    private static StageSettings stage(String name, TrainingConfig.Stage s, long seed) {
        return new StageSettings(name, s.epochs(), s.batchSize(), s.learningRate(), s.weightDecay(), s.patience(),
                seed);
    }
}
