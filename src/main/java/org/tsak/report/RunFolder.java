package org.tsak.report;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.tsak.eval.ComparisonTable;
import org.tsak.eval.TimedPredictions;

/**
 * Everything a finished run folder holds that a report shows (see docs/RUN_FOLDER.md), typed.
 *
 * @param dir         the run folder
 * @param table       table.json
 * @param provenance  provenance.json
 * @param configYaml  config.yaml, verbatim
 * @param data        data.json
 * @param groundTruth fold index to that fold's ground-truth.json (session key to 1 Hz truth)
 * @param models      every model's results: per fold, teacher, semantic classifier, then students
 *                    by strategy (table order) and seed
 */
public record RunFolder(Path dir, ComparisonTable table, RunProvenance provenance, String configYaml,
        DataSummary data, Map<Integer, Map<String, TimedPredictions>> groundTruth, List<ModelResult> models) {

    /** Copies. */
    public RunFolder {
        groundTruth = java.util.Collections.unmodifiableMap(new TreeMap<>(groundTruth));
        models = List.copyOf(models);
    }

    /** The teacher of fold 0. */
    public ModelResult teacher() {
        return first("teacher").orElseThrow();
    }

    /** The semantic classifier of fold 0. */
    public ModelResult semanticClassifier() {
        return first("semantic-classifier").orElseThrow();
    }

    /** Every student result (all folds, strategies and seeds). */
    public List<ModelResult> students() {
        return models.stream().filter(ModelResult::isStudent).toList();
    }

    /** Strategy names in the order the table lists them. */
    public List<String> strategies() {
        return students().stream().map(m -> m.metrics().strategy()).distinct().toList();
    }

    /** Results of one strategy, all folds and seeds. */
    public List<ModelResult> students(String strategy) {
        return students().stream().filter(m -> m.metrics().strategy().equals(strategy)).toList();
    }

    /** Mean test macro-F1 of a strategy over its folds and seeds. */
    public double meanMacroF1(String strategy) {
        return students(strategy).stream().mapToDouble(m -> m.metrics().macroF1()).average().orElse(Double.NaN);
    }

    /** The strategy with the highest mean macro-F1 (the first listed on a tie). */
    public String bestStrategy() {
        String best = null;
        for (String s : strategies()) {
            if (best == null || meanMacroF1(s) > meanMacroF1(best)) {
                best = s;
            }
        }
        return best;
    }

    /**
     * The best student's representative: among the fold-0 results of {@link #bestStrategy()},
     * the seed with the highest macro-F1 (the lowest seed on a tie).
     */
    public ModelResult bestStudent() {
        return students(bestStrategy()).stream().filter(m -> m.metrics().fold() == 0)
                .max(Comparator.comparingDouble((ModelResult m) -> m.metrics().macroF1())
                        .thenComparing(m -> -m.metrics().seed()))
                .orElseThrow();
    }

    private Optional<ModelResult> first(String model) {
        return models.stream().filter(m -> m.metrics().model().equals(model) && m.metrics().fold() == 0).findFirst();
    }
}
