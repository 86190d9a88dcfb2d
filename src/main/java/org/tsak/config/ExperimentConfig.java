package org.tsak.config;

/**
 * The one definition of a run, loaded from YAML by {@link ConfigLoader}: data, model sizes,
 * training, distillation and evaluation, and the root seed from which every stage's seed is
 * derived. It is written into the run folder beside the results.
 *
 * @param name         run name (default {@code experiment})
 * @param seed         root seed (default 42)
 * @param data         data source, windows and split
 * @param model        model sizes
 * @param training     optimisation per stage
 * @param distillation students and strategies
 * @param evaluation   efficiency measurements
 */
public record ExperimentConfig(String name, Long seed, DataConfig data, ModelConfig model,
        TrainingConfig training, DistillationConfig distillation, EvaluationConfig evaluation) {

    /** Applies defaults. */
    public ExperimentConfig {
        name = name == null ? "experiment" : name;
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name: use letters, digits, '.', '_' and '-' only, got '" + name + "'");
        }
        seed = seed == null ? 42L : seed;
        data = data == null ? new DataConfig(null, null, null, null, null, null, null) : data;
        model = model == null ? new ModelConfig(null, null, null) : model;
        training = training == null ? new TrainingConfig(null, null, null) : training;
        distillation = distillation == null ? new DistillationConfig(null, null, null, null, null) : distillation;
        evaluation = evaluation == null ? new EvaluationConfig(null, null, null) : evaluation;
        if (distillation.augmentedViews() > 0 && training.student().augmentation().isOff()) {
            throw new IllegalArgumentException("distillation.augmentedViews: " + distillation.augmentedViews()
                    + " augmented views, but training.student.augmentation is off; set its rotationDegrees, scale,"
                    + " jitter or shiftSamples, or augmentedViews: 0");
        }
        checkContextLengths(model.context(), data.window().strideSeconds());
        evaluation.baselinesFor(model.context().enabled());
    }

    /**
     * Context lengths are whole window strides: a length between strides would be rounded
     * silently (0.4 s at a 1 s stride to no context at all); whole strides also keep two
     * different lengths of a sweep from becoming one row.
     */
    private static void checkContextLengths(ModelConfig.Context cx, double stride) {
        java.util.List<Double> lengths = new java.util.ArrayList<>(cx.sweepSeconds());
        lengths.add(0, cx.seconds());
        for (int i = 0; i < lengths.size(); i++) {
            double sec = lengths.get(i);
            double windows = sec / stride;
            if (Math.abs(windows - Math.rint(windows)) > 1e-9) {
                String key = i == 0 ? "model.context.seconds" : "model.context.sweepSeconds[" + (i - 1) + "]";
                throw new IllegalArgumentException(key + ": " + sec + " s is not a whole number of window strides ("
                        + stride + " s, data.window.strideSeconds); use a multiple of " + stride + " s");
            }
        }
    }
}
