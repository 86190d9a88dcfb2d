package org.tsak.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.tsak.config.ConfigLoader;
import org.tsak.config.ExperimentConfig;
import org.tsak.config.Seeds;
import org.tsak.data.PreparedData;
import org.tsak.data.window.Split;
import org.tsak.data.window.WindowSet;
import org.tsak.distill.DistillationStrategy;
import org.tsak.distill.KdWeights;
import org.tsak.distill.TeacherTargets;
import org.tsak.eval.ComparisonTable;
import org.tsak.eval.ModelMetricsWriter;
import org.tsak.io.AtomicFiles;
import org.tsak.io.RunLayout;
import org.tsak.model.SemanticSpec;
import org.tsak.model.StudentSpec;
import org.tsak.model.TeacherSpec;

/**
 * Runs an experiment as a plan of tasks that read and write one run folder (docs/RUN_FOLDER.md,
 * paths from {@link RunLayout}): per fold, the teacher, semantic classifier and cached targets
 * ({@code fold-f/targets}) and the classical baselines; per (fold, strategy, seed), one student;
 * then efficiency and the comparison table. {@link #train} runs the fold tasks, {@link #distill}
 * the student tasks, {@link #evaluate} the table; {@link #run} does all. A task whose
 * {@code metrics.json} exists is finished and, with {@code resume}, kept: a run killed half-way
 * resumes where it stopped, with the same numbers. Tasks run on {@link #workers} threads
 * ({@link LocalExecutor}); the numbers do not depend on how many.
 */
public final class ExperimentRunner {

    private final ExperimentConfig config;
    private final Path runDir;
    private final ProgressListener progress;
    private final boolean resume;
    private int workers = 1;
    private RunContext context;
    private final Map<Integer, TeacherTargets> targetsByFold = new ConcurrentHashMap<>();
    /**
     * Opened by {@link #forTasks}: tasks run in another process than the one that planned them,
     * so the fold task saves the students' targets to the run folder ({@link #shippedTargets})
     * and a student task loads them; nothing but the tasks' own outputs is written.
     */
    private boolean taskProcess;

    /**
     * Runs the tasks of a plan: {@link LocalExecutor} on threads of this JVM, or another engine
     * (org.tsak.spark) that runs each task by its id in a runner opened with {@link #forTasks}.
     * It must keep the guarantees of docs/ARCHITECTURE.md, "Add an executor".
     */
    @FunctionalInterface
    public interface PlanExecutor {
        /** Runs every task; returns when all are done, or throws the first failure. */
        void run(List<LocalExecutor.Task> tasks) throws IOException;
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

    /**
     * Parallel worker threads (default 1). Stages that draw from PyTorch's global generator
     * (teacher and semantic classifier, for dropout) still run one at a time.
     *
     * @return this runner
     */
    public ExperimentRunner workers(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, got " + count);
        }
        this.workers = count;
        return this;
    }

    /** All tasks: teachers, semantic classifiers, baselines, students; then the table. */
    public ExperimentOutcome run() throws IOException {
        return run(new LocalExecutor(workers)::run);
    }

    /**
     * All tasks, run by {@code executor}, then the table from the run folder as {@link #run()}
     * makes it.
     */
    public ExperimentOutcome run(PlanExecutor executor) throws IOException {
        long started = System.currentTimeMillis();
        RunContext c = prepare();
        executor.run(plan(c));
        targetsByFold.clear();
        for (int f = 0; f < c.data().folds().size(); f++) {
            // left by fold tasks run in other processes for their students; a resumed run writes them again
            Files.deleteIfExists(shippedTargets(c.layout(), f));
        }
        return evaluate(System.currentTimeMillis() - started);
    }

    private List<LocalExecutor.Task> plan(RunContext c) {
        List<LocalExecutor.Task> tasks = new ArrayList<>(foldTasks(c));
        tasks.addAll(studentTasks(c, variants(c, c.strategies()), true));
        return tasks;
    }

    /**
     * The run folder {@code runDir} opened by a process that runs some of its tasks for an
     * executor elsewhere (a Spark executor): the saved config, the data read again (its
     * fingerprint must match {@code data.json}), finished models kept; it writes nothing but the
     * outputs of the tasks it runs.
     */
    public static ExperimentRunner forTasks(Path runDir, ProgressListener progress) throws IOException {
        ExperimentRunner runner = open(runDir, progress);
        runner.taskProcess = true;
        runner.prepare();
        return runner;
    }

    /**
     * Runs the task {@code id} of {@link #run()}'s plan in the calling thread, with this thread's
     * PyTorch settings (see {@link LocalExecutor#runHere}); for runners opened with
     * {@link #forTasks}.
     *
     * @throws IllegalArgumentException if the plan has no such task
     */
    public void runTask(String id, LocalExecutor.WorkerEngine engine) throws Exception {
        RunContext c = prepare();
        for (LocalExecutor.Task t : plan(c)) {
            if (t.id().equals(id)) {
                LocalExecutor.runHere(t, engine);
                return;
            }
        }
        throw new IllegalArgumentException("the plan of " + runDir + " has no task " + id);
    }

    /**
     * Where a fold task of a run whose tasks run in several processes leaves the students'
     * targets (in-fold or out-of-fold, with the augmented views: what {@link FoldTargets#compute}
     * returns), for the student tasks of other processes. Written only by the fold's targets task.
     */
    static Path shippedTargets(RunLayout layout, int f) {
        return layout.fold(f).resolve("student-targets.bin");
    }

    private String shippedKey(RunContext c, int f) {
        return c.data().fingerprint() + "/fold-" + f + "/student-targets";
    }

    /** The fold task's work: the targets, kept for the fold's students (and saved for other processes). */
    private void computeTargets(RunContext c, int fold) throws IOException {
        TeacherTargets t = FoldTargets.compute(c, fold);
        if (taskProcess) {
            new TeacherTargets(shippedKey(c, fold), t.windows(), t.classes(), t.repSize(), t.teacherLogits(),
                    t.attnRep(), t.causalRep(), t.combiRep(), t.scLogits()).save(shippedTargets(c.layout(), fold));
        }
        targetsByFold.put(fold, t);
    }

    /** A student task's targets: the fold task's, from memory or (another process's) from the run folder. */
    private TeacherTargets targets(RunContext c, int fold) throws IOException {
        TeacherTargets t = targetsByFold.get(fold);
        if (t != null || !taskProcess) {
            return t;
        }
        synchronized (targetsByFold) {
            t = targetsByFold.get(fold);
            if (t == null) {
                Path file = shippedTargets(c.layout(), fold);
                t = TeacherTargets.load(file, shippedKey(c, fold)).orElseThrow(() -> new IllegalStateException(file
                        + ": missing or made for other data; the fold's targets task (fold-" + fold + "/targets)"
                        + " must finish before its students"));
                targetsByFold.put(fold, t);
            }
            return t;
        }
    }

    /** Phase 1: data, teacher and semantic classifier per fold, the cached targets and the baselines. */
    public void train() throws IOException {
        RunContext c = prepare();
        new LocalExecutor(workers).run(foldTasks(c));
        targetsByFold.clear();
    }

    /**
     * Phase 2: students per strategy and seed (per fold), distilled from the cached targets
     * (the fold's teacher and SC are trained first if they are missing).
     *
     * @param strategies strategy names, or null for the config's list
     */
    public void distill(List<String> strategies) throws IOException {
        RunContext c = prepare();
        List<DistillationStrategy> chosen = strategies == null ? c.strategies() : parse(strategies);
        new LocalExecutor(workers).run(studentTasks(c, variants(c, chosen), false));
        targetsByFold.clear();
    }

    /** Phase 3: efficiency of teacher, SC and student, and the comparison table from the metrics files. */
    public ExperimentOutcome evaluate() throws IOException {
        return evaluate(-1);
    }

    private static List<StudentVariant> variants(RunContext c, List<DistillationStrategy> strategies) {
        return StudentVariants.of(c.config().distillation(), strategies, c.kd(),
                c.config().model().student().widths());
    }

    private static String targetsTask(int f) {
        return "fold-" + f + "/targets";
    }

    private List<LocalExecutor.Task> foldTasks(RunContext c) {
        List<LocalExecutor.Task> tasks = new ArrayList<>();
        for (int f = 0; f < c.data().folds().size(); f++) {
            int fold = f;
            tasks.add(new LocalExecutor.Task(targetsTask(f), List.of(), true, () -> computeTargets(c, fold)));
        }
        for (int f = 0; f < c.data().folds().size(); f++) {
            int fold = f;
            for (int s = 1; s < c.config().training().teacher().seeds(); s++) {
                int seed = s;
                tasks.add(new LocalExecutor.Task("fold-" + f + "/teacher/seed-" + s, List.of(), true,
                        () -> FoldTargets.extraTeacher(c, fold, seed)));
            }
        }
        for (int f = 0; f < c.data().folds().size(); f++) {
            int fold = f;
            for (String name : BaselineTask.names(c)) {
                tasks.add(new LocalExecutor.Task("fold-" + f + "/baseline/" + name, List.of(), false,
                        () -> BaselineTask.run(c, fold, name)));
            }
        }
        return tasks;
    }

    /**
     * Student tasks in fold order; a student that needs targets depends on its fold's targets
     * task (included here unless {@code targetsPlanned}).
     */
    private List<LocalExecutor.Task> studentTasks(RunContext c, List<StudentVariant> variants,
            boolean targetsPlanned) {
        List<LocalExecutor.Task> tasks = new ArrayList<>();
        int seeds = c.config().distillation().seeds();
        for (int f = 0; f < c.data().folds().size(); f++) {
            int fold = f;
            boolean needed = false;
            for (StudentVariant v : variants) {
                for (int s = 0; s < seeds; s++) {
                    if (!v.strategy().isNone() && !StudentTask.done(c, f, v, s)) {
                        needed = true;
                    }
                }
            }
            if (needed && !targetsPlanned) {
                tasks.add(new LocalExecutor.Task(targetsTask(f), List.of(), true, () -> computeTargets(c, fold)));
            }
            for (StudentVariant v : variants) {
                for (int s = 0; s < seeds; s++) {
                    int seed = s;
                    boolean usesTargets = !v.strategy().isNone();
                    List<String> deps = usesTargets && (needed || targetsPlanned) ? List.of(targetsTask(f))
                            : List.of();
                    tasks.add(new LocalExecutor.Task("fold-" + f + "/student/" + v.name() + "/seed-" + s, deps,
                            false, () -> StudentTask.train(c, fold, v, seed,
                                    usesTargets ? targets(c, fold) : null)));
                }
            }
        }
        return tasks;
    }

    /**
     * Refuses to make a table from models made with other inputs than the run's config now gives
     * ({@link TaskKeys}: e.g. {@code config.yaml} edited after training, without {@code tsak distill}).
     */
    private void requireCurrent(RunContext c) throws IOException {
        List<String> stale = new ArrayList<>();
        RunLayout layout = c.layout();
        for (int f = 0; f < c.data().folds().size(); f++) {
            for (int s = 0; s < config.training().teacher().seeds(); s++) {
                addIfStale(stale, layout.teacher(f, s), TaskKeys.teacher(c, f, s));
            }
            addIfStale(stale, layout.semantic(f), TaskKeys.semantic(c, f));
            for (String name : BaselineTask.names(c)) {
                addIfStale(stale, layout.baseline(f, name), TaskKeys.baseline(c, f, name));
            }
            for (StudentVariant v : variants(c, c.strategies())) {
                for (int s = 0; s < config.distillation().seeds(); s++) {
                    addIfStale(stale, layout.student(f, v.name(), s), TaskKeys.student(c, f, v, s));
                }
            }
        }
        if (!stale.isEmpty()) {
            throw new IllegalStateException(stale.size() + " model(s) in " + runDir + " were made with other inputs"
                    + " than its config.yaml gives now (e.g. " + String.join(", ", stale.subList(0,
                    Math.min(3, stale.size()))) + "); train them again with `tsak experiment --resume " + runDir
                    + "` (or `tsak train` / `tsak distill --run " + runDir + "`)");
        }
    }

    private static void addIfStale(List<String> stale, Path dir, String key) throws IOException {
        if (Files.isRegularFile(RunLayout.metrics(dir)) && !TaskKeys.matches(dir, key)) {
            stale.add(dir.toString());
        }
    }

    private ExperimentOutcome evaluate(long elapsedMs) throws IOException {
        RunContext c = prepare();
        RunLayout layout = c.layout();
        int folds = c.data().folds().size();
        requireCurrent(c);
        ResultCollector results = new ResultCollector(heldOut(c.data()));
        for (int f = 0; f < folds; f++) {
            Path teacher = RunLayout.metrics(layout.teacher(f));
            if (!results.addIfPresent("teacher", "-", "teacher", f, 0, teacher)) {
                throw new IllegalStateException(teacher + ": missing; run `tsak train --run " + runDir
                        + "` (or `tsak experiment --resume " + runDir + "`) first");
            }
            for (int s = 1; s < config.training().teacher().seeds(); s++) {
                results.addIfPresent("teacher", "-", "teacher", f, s, RunLayout.metrics(layout.teacher(f, s)));
            }
            results.addIfPresent("semantic-classifier", "-", "semantic-classifier", f, 0,
                    RunLayout.metrics(layout.semantic(f)));
        }
        for (String name : BaselineTask.names(c)) {
            for (int f = 0; f < folds; f++) {
                results.addIfPresent("baseline", name, null, f, 0, RunLayout.metrics(layout.baseline(f, name)));
            }
        }
        for (StudentVariant v : variants(c, c.strategies())) {
            for (int f = 0; f < folds; f++) {
                for (int s = 0; s < config.distillation().seeds(); s++) {
                    results.addIfPresent("student", v.name(), "student", f, s,
                            RunLayout.metrics(layout.student(f, v.name(), s)));
                }
            }
        }
        for (String extra : extraStudents(c)) {
            for (int f = 0; f < folds; f++) {
                for (int s = 0; s < config.distillation().seeds(); s++) {
                    results.addIfPresent("student", extra, "student", f, s,
                            RunLayout.metrics(layout.student(f, extra, s)));
                }
            }
        }
        Map<String, List<String>> grids = new LinkedHashMap<>();
        for (StudentVariant v : variants(c, c.strategies())) {
            if (v.name().contains("@") && !v.name().equals(v.gridGroup())) {
                grids.computeIfAbsent(v.gridGroup(), k -> new ArrayList<>()).add(v.name());
            }
        }
        grids.forEach((group, points) -> {
            if (points.size() > 1) {
                results.addValidationSelected(group + (group.contains("@") ? "," : "@") + "validation-selected",
                        points);
            }
        });
        for (StudentVariant v : variants(c, c.strategies())) {
            results.studentWidth(v.name(), v.width());
        }
        Efficiency efficiency = EfficiencyMeter.measure(c);
        ComparisonTable table = results.table(config.name() + ": test macro-F1 (OpenPack rule) and cost, "
                + foldText(c.data()), efficiency, config.evaluation().throughputBatch());
        AtomicFiles.writeString(layout.table("md"), table.toMarkdown());
        AtomicFiles.writeString(layout.table("csv"), table.toCsv());
        AtomicFiles.writeString(layout.table("json"), table.toJson());
        AtomicFiles.writeString(layout.comparisonsCsv(), table.toComparisonsCsv());
        AtomicFiles.writeString(layout.foldsCsv(), table.toFoldsCsv());
        ContextSweepTable sweep = ContextSweepTable.read(layout, variants(c, c.strategies()).stream()
                .map(StudentVariant::name).toList(), folds, config.distillation().seeds());
        if (!sweep.isEmpty()) {
            AtomicFiles.writeString(layout.contextSweepTable("md"), sweep.toMarkdown());
            AtomicFiles.writeString(layout.contextSweepTable("csv"), sweep.toCsv());
        }
        Provenance provenance = Provenance.collect(config, c.data().fingerprint()).startedAt(layout.provenance());
        if (elapsedMs >= 0) {
            provenance = provenance.finished(elapsedMs);
        }
        ModelMetricsWriter.writeJson(layout.provenance(), provenance.toMap());
        return new ExperimentOutcome(runDir, table, results.stageThroughputs(), results.stageTimeShares());
    }

    /**
     * Students in the run folder whose strategy is not in the config's list (distilled with
     * {@code tsak distill --strategy X}): named by a strategy the registry knows, in name order.
     */
    private static List<String> extraStudents(RunContext c) throws IOException {
        Path students = c.layout().student(0, "x", 0).getParent().getParent();
        if (!Files.isDirectory(students)) {
            return List.of();
        }
        Set<String> known = variants(c, c.strategies()).stream().map(StudentVariant::name)
                .collect(Collectors.toSet());
        List<String> out = new ArrayList<>();
        try (var dirs = Files.list(students)) {
            for (Path d : dirs.sorted().toList()) {
                String name = d.getFileName().toString();
                if (!Files.isDirectory(d) || known.contains(name)) {
                    continue;
                }
                try {
                    DistillationStrategy.parse(name);
                    out.add(name);
                } catch (IllegalArgumentException e) {
                    c.progress().status(d + ": not a strategy this version knows, left out of the table");
                }
            }
        }
        return out;
    }

    private static String foldText(PreparedData data) {
        int n = data.folds().size();
        return n == 1 ? "one split" : n + " folds";
    }

    /** Per fold, the subjects (or recordings) its test part holds. */
    static List<String> heldOut(PreparedData data) {
        WindowSet windows = data.windows();
        List<String> out = new ArrayList<>();
        for (Split s : data.folds()) {
            Set<String> subjects = new LinkedHashSet<>();
            Set<String> keys = new LinkedHashSet<>();
            for (int i : s.test()) {
                var r = windows.recordings().get(windows.recordingOf(i));
                subjects.add(r.subjectId());
                keys.add(r.key());
            }
            out.add(String.join(", ", subjects.size() == keys.size() && keys.size() > 1 ? keys : subjects));
        }
        return out;
    }

    /** The run's prepared context (data read, specs built); for tests in this package. */
    RunContext context() throws IOException {
        return prepare();
    }

    private RunContext prepare() throws IOException {
        if (context != null) {
            return context;
        }
        List<DistillationStrategy> strategies = parse(config.distillation().strategies());
        Files.createDirectories(runDir);
        Path configFile = runDir.resolve("config.yaml");
        String yaml = ConfigLoader.toYaml(config);
        boolean writes = !taskProcess;
        if (resume && Files.isRegularFile(configFile)
                && !ConfigLoader.parse(Files.readString(configFile), configFile.toString()).equals(config)) {
            throw new IllegalStateException(configFile + ": the run folder was made with a different config;"
                    + " use another --out folder, or --force to start it afresh");
        }
        progress.status("reading data (" + config.data().source() + ")");
        PreparedData data = PreparedData.prepare(config.data(), Seeds.derive(config.seed(), "data"));
        // written once the data reads: a config whose data cannot be read leaves no run folder behind
        // that a corrected run would need --force to replace
        if (writes) {
            AtomicFiles.writeString(configFile, yaml);
        }
        WindowSet windows = data.windows();
        RunLayout layout = new RunLayout(runDir, data.folds().size());
        progress.status(String.format(Locale.ROOT, "%d recordings, %d windows of %d samples x %d channels"
                + " (student: %s), %d fold(s); %d windows dropped for gaps; %d worker(s)", data.recordings().size(),
                windows.size(), windows.windowSamples(), data.teacherView().size(), data.studentView().names(),
                data.folds().size(), windows.droppedForGaps(), workers));
        Path dataFile = layout.data();
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
        summary.put("heldOut", heldOut(data));
        if (writes) {
            ModelMetricsWriter.writeJson(dataFile, summary);
        }
        if (writes && !Files.isRegularFile(layout.provenance())) {
            ModelMetricsWriter.writeJson(layout.provenance(), Provenance.collect(config, data.fingerprint()).toMap());
        }
        TeacherSpec teacher = ModelSpecs.teacher(config.model(), data.teacherView().size(), windows.windowSamples());
        SemanticSpec semantic = ModelSpecs.semantic(config.model(), teacher);
        StudentSpec student = ModelSpecs.student(config.model().student(), data.studentView().size(),
                windows.windowSamples());
        KdWeights kd = new KdWeights(config.distillation().temperature(), config.distillation().alpha(),
                config.distillation().beta());
        ProgressListener listener = workers > 1 ? new ConcurrentProgress(progress) : progress;
        context = new RunContext(config, layout, data, teacher, semantic, student, kd, strategies, listener, resume);
        return context;
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
}
