package org.tsak.distill;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.tsak.io.AtomicFiles;
import org.tsak.model.TargetKind;

/**
 * The frozen teacher's and semantic classifier's outputs for every window, computed once and
 * reused by every student and every epoch (docs/METHOD.md, "Distillation strategies"). Rows
 * are windows (the window index of the run's window set), row-major.
 *
 * <p>The cache is valid only for the teacher weights and windows it was computed from: its
 * {@code key} hashes both, and {@link #load} returns empty when the key differs.
 *
 * @param key           hash of teacher + SC weights and the data fingerprint
 * @param windows       number of windows (rows)
 * @param classes       logit width
 * @param repSize       representation width d
 * @param teacherLogits {@code windows x classes}
 * @param attnRep       {@code windows x d}
 * @param causalRep     {@code windows x d}
 * @param combiRep      {@code windows x d}
 * @param scLogits      {@code windows x classes}
 */
public record TeacherTargets(String key, int windows, int classes, int repSize, float[] teacherLogits,
        float[] attnRep, float[] causalRep, float[] combiRep, float[] scLogits) {

    private static final int MAGIC = 0x54534B54; // "TSKT"
    private static final int VERSION = 1;

    /** Validates sizes. */
    public TeacherTargets {
        check("teacherLogits", teacherLogits, windows * classes);
        check("attnRep", attnRep, windows * repSize);
        check("causalRep", causalRep, windows * repSize);
        check("combiRep", combiRep, windows * repSize);
        check("scLogits", scLogits, windows * classes);
    }

    private static void check(String name, float[] a, int expected) {
        if (a.length != expected) {
            throw new IllegalArgumentException(name + " has " + a.length + " values, expected " + expected);
        }
    }

    /** The rows of one target for a batch, row-major, in the order of {@code examples[from..from+count)}. */
    public float[] rows(TargetKind kind, int[] examples, int from, int count) {
        float[] src = source(kind);
        int width = width(kind);
        float[] out = new float[count * width];
        for (int i = 0; i < count; i++) {
            System.arraycopy(src, examples[from + i] * width, out, i * width, width);
        }
        return out;
    }

    /** Width of one row of a target. */
    public int width(TargetKind kind) {
        return kind == TargetKind.TEACHER_LOGITS || kind == TargetKind.SC_LOGITS ? classes : repSize;
    }

    private float[] source(TargetKind kind) {
        return switch (kind) {
            case TEACHER_LOGITS -> teacherLogits;
            case SC_LOGITS -> scLogits;
            case ATTN_REP -> attnRep;
            case CAUSAL_REP -> causalRep;
            case COMBI_REP -> combiRep;
        };
    }

    /** Writes the cache atomically. */
    public void save(Path file) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bos)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(key);
            out.writeInt(windows);
            out.writeInt(classes);
            out.writeInt(repSize);
            for (float[] a : new float[][] {teacherLogits, attnRep, causalRep, combiRep, scLogits}) {
                for (float v : a) {
                    out.writeFloat(v);
                }
            }
        }
        AtomicFiles.write(file, bos.toByteArray());
    }

    /** Loads the cache if the file exists and was computed for {@code expectedKey}. */
    public static Optional<TeacherTargets> load(Path file, String expectedKey) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return Optional.empty();
            }
            String key = in.readUTF();
            if (!key.equals(expectedKey)) {
                return Optional.empty();
            }
            int n = in.readInt();
            int k = in.readInt();
            int d = in.readInt();
            float[][] arrays = {new float[n * k], new float[n * d], new float[n * d], new float[n * d], new float[n * k]};
            for (float[] a : arrays) {
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readFloat();
                }
            }
            return Optional.of(new TeacherTargets(key, n, k, d, arrays[0], arrays[1], arrays[2], arrays[3],
                    arrays[4]));
        } catch (java.io.EOFException e) {
            return Optional.empty();
        }
    }
}
