package org.tsak.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.tsak.model.TargetKind;

import org.junit.jupiter.api.Test;

class DistillationStrategyTest {

    @Test
    void registryHoldsTheSixStrategiesInTableOrder() {
        assertEquals(List.of("none", "logit", "sc-logit", "attn-rep", "causal-rep", "combi-rep"),
                List.copyOf(StrategyRegistry.keys()));
    }

    @Test
    void singleTermsKnowTheirTargetAndProjection() {
        assertTrue(DistillationStrategy.parse("none").isNone());
        assertEquals(List.of(), DistillationStrategy.parse("none").requiredTargets());
        assertEquals(List.of(TargetKind.TEACHER_LOGITS),
                DistillationStrategy.parse("logit").requiredTargets());
        assertEquals(List.of(TargetKind.SC_LOGITS),
                DistillationStrategy.parse("sc-logit").requiredTargets());
        assertFalse(DistillationStrategy.parse("sc-logit").needsProjection());
        assertEquals(List.of(TargetKind.ATTN_REP),
                DistillationStrategy.parse("attn-rep").featureTargets());
        assertEquals(List.of(TargetKind.CAUSAL_REP),
                DistillationStrategy.parse("causal-rep").featureTargets());
        assertTrue(DistillationStrategy.parse("combi-rep").needsProjection());
        assertEquals(List.of(), DistillationStrategy.parse("combi-rep").logitTargets());
    }

    @Test
    void sumsKeepTermOrderAndTrimSpaces() {
        DistillationStrategy s = DistillationStrategy.parse(" sc-logit + combi-rep+attn-rep ");
        assertEquals("sc-logit+combi-rep+attn-rep", s.name());
        assertEquals(List.of(TargetKind.SC_LOGITS, TargetKind.COMBI_REP, TargetKind.ATTN_REP),
                s.requiredTargets());
        assertEquals(List.of(TargetKind.SC_LOGITS), s.logitTargets());
        assertEquals(List.of(TargetKind.COMBI_REP, TargetKind.ATTN_REP), s.featureTargets());
        assertTrue(s.needsProjection());
        assertEquals(s, DistillationStrategy.parse("sc-logit+combi-rep+attn-rep"));
    }

    @Test
    void unknownKeyListsValidKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DistillationStrategy.parse("sc-logit+combi"));
        assertEquals("unknown distillation strategy 'combi'; valid keys: none, logit, sc-logit, "
                + "attn-rep, causal-rep, combi-rep (combine with '+', e.g. sc-logit+combi-rep) "
                + "in 'sc-logit+combi'", e.getMessage());
    }

    @Test
    void rejectsMalformedSums() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DistillationStrategy.parse("logit+")).getMessage().contains("empty part"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DistillationStrategy.parse("logit+logit")).getMessage().contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DistillationStrategy.parse("none+logit")).getMessage()
                .contains("cannot be combined"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DistillationStrategy.parse(" ")).getMessage().contains("valid keys"));
        // keys are case-sensitive kebab-case
        assertThrows(IllegalArgumentException.class, () -> DistillationStrategy.parse("SC-Logit"));
    }

    @Test
    void kdWeightsValidateRanges() {
        assertEquals(new KdWeights(4.0, 0.7, 1.0), KdWeights.DEFAULTS);
        assertThrows(IllegalArgumentException.class, () -> new KdWeights(0, 0.7, 1));
        assertThrows(IllegalArgumentException.class, () -> new KdWeights(4, 1.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new KdWeights(4, 0.5, -1));
        assertThrows(IllegalArgumentException.class, () -> new KdWeights(Double.NaN, 0.5, 1));
    }
}
