package org.tsak.model;

/**
 * A cached output of the frozen teacher or semantic classifier that a distillation term
 * reads. Logit targets are {@code N x K}; representation targets are {@code N x d} and are
 * matched through a projection of the student representation.
 */
public enum TargetKind {
    /** Teacher logits ({@code TeacherBlock.LOGITS}). */
    TEACHER_LOGITS("teacher-logits", true),
    /** Semantic classifier logits. */
    SC_LOGITS("sc-logits", true),
    /** Teacher Attn-Rep ({@code TeacherBlock.ATTN_REP}). */
    ATTN_REP("attn-rep", false),
    /** Teacher Causal-Rep ({@code TeacherBlock.CAUSAL_REP}). */
    CAUSAL_REP("causal-rep", false),
    /** Teacher Combi-Rep ({@code TeacherBlock.COMBI_REP}). */
    COMBI_REP("combi-rep", false);

    private final String key;
    private final boolean logits;

    TargetKind(String key, boolean logits) {
        this.key = key;
        this.logits = logits;
    }

    /** Stable kebab-case name, e.g. for cache files and messages. */
    public String key() {
        return key;
    }

    /** True for logit targets (matched by KL), false for representations (matched by MSE). */
    public boolean isLogits() {
        return logits;
    }
}
