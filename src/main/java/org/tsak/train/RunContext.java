package org.tsak.train;

import java.util.List;

import org.tsak.config.ExperimentConfig;
import org.tsak.config.Seeds;
import org.tsak.config.TrainingConfig;
import org.tsak.data.PreparedData;
import org.tsak.distill.DistillationStrategy;
import org.tsak.distill.KdWeights;
import org.tsak.io.RunLayout;
import org.tsak.model.SemanticSpec;
import org.tsak.model.StudentSpec;
import org.tsak.model.TeacherSpec;

/**
 * What every task of one run reads: the config, the run folder's layout, the prepared data, the
 * model specs mapped from the config (in one place: {@link ModelSpecs}), where progress goes and
 * whether finished models of an earlier run are kept.
 *
 * @param config     the run's definition
 * @param layout     where each file lives
 * @param data       windows, folds and channel views
 * @param teacher    teacher spec
 * @param semantic   semantic-classifier spec
 * @param student    student spec
 * @param kd         temperature, alpha, beta
 * @param strategies the config's strategies, in order
 * @param progress   progress receiver (thread-safe)
 * @param resume     keep models whose metrics file exists
 */
record RunContext(ExperimentConfig config, RunLayout layout, PreparedData data, TeacherSpec teacher,
        SemanticSpec semantic, StudentSpec student, KdWeights kd, List<DistillationStrategy> strategies,
        ProgressListener progress, boolean resume, java.util.Map<Integer, AugmentedViews> viewsByFold) {

    /** A context whose augmented views are made once per fold and shared. */
    RunContext(ExperimentConfig config, RunLayout layout, PreparedData data, TeacherSpec teacher,
            SemanticSpec semantic, StudentSpec student, KdWeights kd, List<DistillationStrategy> strategies,
            ProgressListener progress, boolean resume) {
        this(config, layout, data, teacher, semantic, student, kd, strategies, progress, resume,
                new java.util.concurrent.ConcurrentHashMap<>());
    }

    /**
     * The augmented views of fold {@code f} ({@code distillation.augmentedViews}), or null when
     * off; the same views for the fold's targets and every student of the fold.
     */
    AugmentedViews views(int f) {
        int k = config.distillation().augmentedViews();
        if (k == 0) {
            return null;
        }
        return viewsByFold.computeIfAbsent(f, fold -> new AugmentedViews(data.windows(), data.teacherView(), data.studentView(),
                data.normalisation(data.folds().get(f)), config.training().student().augmentation(),
                seed("views", "fold-" + f), k));
    }

    /**
     * The student spec of one width of the size sweep ({@code model.student.widths}): the
     * configured student with every conv layer's channels times {@code width}.
     */
    StudentSpec student(double width) {
        return width == 1.0 ? student : ModelSpecs.student(config.model().student().scaled(width),
                student.inputChannels(), student.windowSamples());
    }

    /** Seed of a component, derived from the root seed and a path of names. */
    long seed(String... path) {
        return Seeds.derive(config.seed(), path);
    }

    /** Optimisation settings of a stage from its config section. */
    static StageSettings stage(String name, TrainingConfig.Stage s, long seed, boolean usesEngineRandomness) {
        return StageSettings.of(name, s, seed).withEngineRandomness(usesEngineRandomness);
    }
}
