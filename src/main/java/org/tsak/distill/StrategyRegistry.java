package org.tsak.distill;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tsak.model.TargetKind;

/**
 * The one place where distillation strategy terms are registered (docs/METHOD.md,
 * "Distillation strategies"). Keys are stable kebab-case; an unknown key fails with the list
 * of valid keys.
 */
public final class StrategyRegistry {

    /** Key of the labels-only strategy. */
    public static final String NONE = "none";

    private static final Map<String, StrategyTerm> TERMS = fill();

    private StrategyRegistry() {
    }

    private static Map<String, StrategyTerm> fill() {
        Map<String, StrategyTerm> terms = new LinkedHashMap<>();
        add(terms, NONE, null, "labels only: CE");
        add(terms, "logit", TargetKind.TEACHER_LOGITS,
                "Hinton KD on the teacher's logits: (1-a)*CE + a*T^2*KL");
        add(terms, "sc-logit", TargetKind.SC_LOGITS,
                "TSAK: KD on the semantic classifier's logits: (1-a)*CE + a*T^2*KL");
        add(terms, "attn-rep", TargetKind.ATTN_REP, "CE + b*MSE(P(h_s), Attn-Rep)");
        add(terms, "causal-rep", TargetKind.CAUSAL_REP, "CE + b*MSE(P(h_s), Causal-Rep)");
        add(terms, "combi-rep", TargetKind.COMBI_REP, "CE + b*MSE(P(h_s), Combi-Rep)");
        return Collections.unmodifiableMap(terms);
    }

    private static void add(Map<String, StrategyTerm> terms, String key, TargetKind target,
            String description) {
        terms.put(key, new StrategyTerm(key, Optional.ofNullable(target), description));
    }

    /** All keys in registration order. */
    public static Set<String> keys() {
        return TERMS.keySet();
    }

    /**
     * The term registered under {@code key}.
     *
     * @throws IllegalArgumentException naming the key and listing the valid keys
     */
    public static StrategyTerm term(String key) {
        StrategyTerm term = TERMS.get(key);
        if (term == null) {
            throw new IllegalArgumentException("unknown distillation strategy '" + key
                    + "'; valid keys: " + String.join(", ", keys())
                    + " (combine with '+', e.g. sc-logit+combi-rep)");
        }
        return term;
    }
}
