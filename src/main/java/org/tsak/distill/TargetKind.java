package org.tsak.distill;

/** The cached outputs of the frozen teacher and semantic classifier a strategy can distil from. */
public enum TargetKind {
    /** The teacher classifier's logits. */
    TEACHER_LOGITS,
    /** The semantic classifier's logits. */
    SC_LOGITS,
    /** The teacher's attention representation. */
    ATTN_REP,
    /** The teacher's causal (LSTM) representation. */
    CAUSAL_REP,
    /** The teacher's combined representation. */
    COMBI_REP
}
