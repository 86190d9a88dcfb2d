package org.tsak.io;

import java.nio.file.Path;

/**
 * The one place that knows where a run folder keeps each file (docs/RUN_FOLDER.md). A run with
 * one fold keeps the fold's files at the root; a run with several folds keeps them in
 * {@code fold-0}, {@code fold-1}, ... Every writer and reader of a run folder asks this class.
 *
 * @param root  the run folder
 * @param folds number of folds (at least 1)
 */
public record RunLayout(Path root, int folds) {

    /** Name of a stage's epoch checkpoint file (deleted once the model is finished). */
    public static final String CHECKPOINT = "checkpoint.bin";
    /** Name of the file whose presence marks a model as finished. */
    public static final String METRICS = "metrics.json";

    /** Validates. */
    public RunLayout {
        if (folds < 1) {
            throw new IllegalArgumentException("a run has at least one fold, got " + folds);
        }
    }

    /** The config the run was made with. */
    public Path config() {
        return root.resolve("config.yaml");
    }

    /** The data summary (fingerprint, windows, channels, folds). */
    public Path data() {
        return root.resolve("data.json");
    }

    /** Versions, commit, seeds, times. */
    public Path provenance() {
        return root.resolve("provenance.json");
    }

    /** The comparison table as {@code table.md}, {@code table.csv} or {@code table.json}. */
    public Path table(String extension) {
        return root.resolve("table." + extension);
    }

    /** The paired comparisons as CSV. */
    public Path comparisonsCsv() {
        return root.resolve("comparisons.csv");
    }

    /** Mean test macro-F1 per fold and model as CSV. */
    public Path foldsCsv() {
        return root.resolve("folds.csv");
    }

    /** Folder of fold {@code f} (the root for a one-fold run). */
    public Path fold(int f) {
        if (f < 0 || f >= folds) {
            throw new IllegalArgumentException("fold " + f + " is not in 0.." + (folds - 1));
        }
        return folds == 1 ? root : root.resolve("fold-" + f);
    }

    /** The fold's z-score parameters. */
    public Path normalisation(int f) {
        return fold(f).resolve("normalisation.json");
    }

    /** The fold's test ground truth in the OpenPack submission format. */
    public Path groundTruth(int f) {
        return fold(f).resolve("ground-truth.json");
    }

    /** The fold's cached teacher and semantic-classifier outputs. */
    public Path targets(int f) {
        return fold(f).resolve("targets.bin");
    }

    /** The fold's teacher folder. */
    public Path teacher(int f) {
        return fold(f).resolve("teacher");
    }

    /**
     * Folder of the fold's teacher of seed {@code seed} ({@code training.teacher.seeds}): seed 0
     * is {@link #teacher(int)}, the one the semantic classifier and students learn from; seed
     * {@code k > 0} is {@code teacher-seed-k}, trained and scored only for the teacher's spread.
     *
     * @throws IllegalArgumentException if {@code seed} is negative
     */
    public Path teacher(int f, int seed) {
        if (seed < 0) {
            throw new IllegalArgumentException("teacher seed " + seed + " is negative");
        }
        return seed == 0 ? teacher(f) : fold(f).resolve("teacher-seed-" + seed);
    }

    /** The fold's semantic-classifier folder. */
    public Path semantic(int f) {
        return fold(f).resolve("semantic-classifier");
    }

    /** Folder of one student: fold, variant (strategy and grid point), seed. */
    public Path student(int f, String variant, int seed) {
        return fold(f).resolve("students").resolve(variant).resolve("seed-" + seed);
    }

    /** Folder of one classical baseline of the fold. */
    public Path baseline(int f, String name) {
        return fold(f).resolve("baselines").resolve(name);
    }

    /**
     * A model folder's task key file ({@code task.json}: the SHA-256 of the inputs the model was
     * made with; docs/RUN_FOLDER.md, "Task keys").
     */
    public static Path taskKey(Path modelDir) {
        return modelDir.resolve("task.json");
    }

    /** A model folder's weights file name for the teacher and SC. */
    public static Path weights(Path modelDir) {
        return modelDir.resolve("weights.params");
    }

    /** A student folder's weights file. */
    public static Path studentWeights(Path studentDir) {
        return studentDir.resolve("student.params");
    }

    /** The run's macro-F1 against context length table ({@code md} or {@code csv}). */
    public Path contextSweepTable(String extension) {
        return root.resolve("context-sweep." + extension);
    }

    /** A student folder's temporal context head weights (model.context), next to the student's. */
    public static Path contextHeadWeights(Path studentDir) {
        return studentDir.resolve("context-head.params");
    }

    /** A student folder's context-length sweep: test macro-F1 per context length (JSON). */
    public static Path contextSweep(Path studentDir) {
        return studentDir.resolve("context-sweep.json");
    }

    /** A student folder's epoch checkpoint of the context head of {@code pastWindows} windows. */
    public static Path contextCheckpoint(Path studentDir, int pastWindows) {
        return studentDir.resolve("context-" + pastWindows + ".checkpoint");
    }

    /** A model folder's metrics file (its presence marks the model finished). */
    public static Path metrics(Path modelDir) {
        return modelDir.resolve(METRICS);
    }

    /** A model folder's epoch checkpoint. */
    public static Path checkpoint(Path modelDir) {
        return modelDir.resolve(CHECKPOINT);
    }

    /** A model folder's test predictions in the OpenPack submission format. */
    public static Path predictions(Path modelDir) {
        return modelDir.resolve("predictions.json");
    }
}
