package org.tsak.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fold's test scores: the mean test macro-F1 (OpenPack rule) of each model over the fold's
 * seeds, so that a reader sees which held-out person or session is hard.
 *
 * @param fold           the fold's name, e.g. {@code fold-0}
 * @param heldOut        the subjects or sessions the fold tests on, as text, e.g. {@code W03}
 * @param macroF1ByModel model label (e.g. {@code teacher}, {@code student [none]},
 *                       {@code baseline [random-forest, student channels]}) to its mean test
 *                       macro-F1 in this fold, in table order; a model without a result in the
 *                       fold is absent
 */
public record FoldScores(String fold, String heldOut, Map<String, Double> macroF1ByModel) {

    /** Copies, keeping the order. */
    public FoldScores {
        macroF1ByModel = Collections.unmodifiableMap(new LinkedHashMap<>(macroF1ByModel));
    }
}
