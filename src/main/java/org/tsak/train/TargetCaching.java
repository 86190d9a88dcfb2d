package org.tsak.train;

import java.security.MessageDigest;
import java.util.HexFormat;

import org.tsak.data.window.ChannelView;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.ZScore;
import org.tsak.distill.TeacherTargets;
import org.tsak.model.SemanticClassifierBlock;
import org.tsak.model.TeacherBlock;

import ai.djl.ndarray.NDManager;

/**
 * Computes the frozen teacher's outputs (logits, Attn-, Causal-, Combi-Rep) and the semantic
 * classifier's logits once for every window, and caches them on disk keyed by the weights and
 * the data fingerprint, so students and epochs never run the teacher again.
 */
public final class TargetCaching {

    private static final int BATCH = 256;

    private TargetCaching() {
    }

    /** The teacher's outputs for every window; SC logits left zero (filled by {@link #withSemantic}). */
    public static TeacherTargets teacherOutputs(TeacherBlock teacher, NDManager manager, WindowSet windows,
            ChannelView view, ZScore norm, String key) {
        int[] all = windows.allIndices();
        float[][] out = Inference.run(teacher, manager, Feeders.windows(windows, view, norm), all, BATCH,
                TeacherBlock.LOGITS, TeacherBlock.ATTN_REP, TeacherBlock.CAUSAL_REP, TeacherBlock.COMBI_REP);
        int n = all.length;
        int classes = out[0].length / n;
        int d = out[1].length / n;
        return new TeacherTargets(key, n, classes, d, out[0], out[1], out[2], out[3], new float[n * classes]);
    }

    /**
     * The teacher's outputs for {@code count} example ids {@code 0..count-1} fed by {@code feeder}
     * (e.g. the augmented views of {@link AugmentedViews}); SC logits left zero.
     */
    static TeacherTargets teacherOutputs(TeacherBlock teacher, NDManager manager, BatchFeeder feeder, int count,
            String key) {
        int[] all = new int[count];
        for (int i = 0; i < count; i++) {
            all[i] = i;
        }
        float[][] out = Inference.run(teacher, manager, feeder, all, BATCH,
                TeacherBlock.LOGITS, TeacherBlock.ATTN_REP, TeacherBlock.CAUSAL_REP, TeacherBlock.COMBI_REP);
        int classes = out[0].length / count;
        int d = out[1].length / count;
        return new TeacherTargets(key, count, classes, d, out[0], out[1], out[2], out[3], new float[count * classes]);
    }

    /** Adds the semantic classifier's logits for every window. */
    public static TeacherTargets withSemantic(TeacherTargets t, SemanticClassifierBlock sc, NDManager manager,
            String key) {
        int[] all = new int[t.windows()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        float[] sl = Inference.run(sc, manager, Feeders.representations(t), all, BATCH, 0)[0];
        return new TeacherTargets(key, t.windows(), t.classes(), t.repSize(), t.teacherLogits(), t.attnRep(),
                t.causalRep(), t.combiRep(), sl);
    }

    /** SHA-256 over the given weight blobs and strings: the cache key. */
    public static String key(String dataFingerprint, byte[]... weights) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(dataFingerprint.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (byte[] w : weights) {
                md.update(w);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
