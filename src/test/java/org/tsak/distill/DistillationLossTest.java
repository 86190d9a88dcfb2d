package org.tsak.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tsak.distill.HandWorkedBatch.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;

import java.util.Map;
import java.util.Random;

import org.tsak.model.TargetKind;

import org.junit.jupiter.api.Test;

class DistillationLossTest {

    private static final double TOL = 1e-5; // float32

    private static NDArray array(NDManager m, double[][] values) {
        float[][] f = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            f[i] = new float[values[i].length];
            for (int j = 0; j < values[i].length; j++) {
                f[i][j] = (float) values[i][j];
            }
        }
        return m.create(f);
    }

    private static DistillationTargets targets(NDManager m) {
        return new DistillationTargets(m.create(LABELS), Map.of(
                TargetKind.TEACHER_LOGITS, array(m, TEACHER), TargetKind.SC_LOGITS, array(m, SC),
                TargetKind.COMBI_REP, array(m, COMBI)));
    }

    private static double loss(String strategy, KdWeights w) {
        try (NDManager m = NDManager.newBaseManager()) {
            StudentOutputs out = new StudentOutputs(array(m, STUDENT),
                    Map.of(TargetKind.COMBI_REP, array(m, PROJECTED)));
            NDArray value = new DistillationLoss(DistillationStrategy.parse(strategy), w)
                    .evaluate(out, targets(m));
            assertEquals(DataType.FLOAT32, value.getDataType()); // no silent float64 promotion
            assertEquals(0, value.getShape().dimension());
            return value.getFloat();
        }
    }

    @Test
    void noneIsCrossEntropy() {
        // CE = 1.5 ln 3 = 1.6479184330 (see HandWorkedBatch); alpha plays no part
        assertEquals(CE, loss("none", new KdWeights(2, 0.5, 1)), TOL);
    }

    @Test
    void labelSmoothingByHand() {
        // smoothed targets (1 - e) one-hot + e/3: row 0 has uniform logits, CE ln 3 whatever the
        // targets; row 1's p = (4, 1, 4)/9 gives ln 9 - (2e/3) ln 4; mean 1.5 ln 3 - (e/3) ln 4
        double e = 0.3;
        assertEquals(CE - e / 3 * Math.log(4), loss("none", new KdWeights(2, 0.5, 1, e)), TOL);
        assertEquals(1.5092889969, loss("none", new KdWeights(2, 0.5, 1, e)), TOL);
        assertTrue(new DistillationLoss(DistillationStrategy.parse("none"), new KdWeights(2, 0.5, 1, e)).toString()
                .contains("label smoothing 0.30"));
        assertThrows(IllegalArgumentException.class, () -> new KdWeights(2, 0.5, 1, 0.6));
    }

    @Test
    void logitKdByHand() {
        // 0.5 * CE + 0.5 * T^2 * KL = 0.5 * 1.6479184330 + 0.5 * 4 * 0.0985346264
        //                           = 0.8239592165 + 0.1970692528 = 1.0210284693
        assertEquals(1.0210284693, loss("logit", new KdWeights(TEMPERATURE, 0.5, 1)), TOL);
        // alpha 0.7: 0.3 * 1.6479184330 + 0.7 * 4 * 0.0985346264 = 0.4943755299 + 0.2758969539
        assertEquals(0.7702724838, loss("logit", new KdWeights(TEMPERATURE, 0.7, 1)), TOL);
    }

    @Test
    void scLogitUsesScTargets() {
        // 0.5 * 1.6479184330 + 0.5 * 4 * 0.0243637517 = 0.8239592165 + 0.0487275034
        assertEquals(0.8726867199, loss("sc-logit", new KdWeights(TEMPERATURE, 0.5, 1)), TOL);
    }

    @Test
    void logitAndScLogitAverageTheirKlTerms() {
        // 0.5 * CE + 0.25 * 4 * (KL_t + KL_sc) = 0.8239592165 + (0.0985346264 + 0.0243637517)
        assertEquals(0.9468575946, loss("logit+sc-logit", new KdWeights(TEMPERATURE, 0.5, 1)),
                TOL);
    }

    @Test
    void featureTermAddsBetaMse() {
        // combi-rep alone: CE + 0.5 * 3.25 = 1.6479184330 + 1.625
        assertEquals(3.2729184330, loss("combi-rep", new KdWeights(TEMPERATURE, 0.5, 0.5)), TOL);
        // logit + combi-rep: 1.0210284693 + 0.5 * 3.25
        assertEquals(2.6460284693, loss("logit+combi-rep", new KdWeights(TEMPERATURE, 0.5, 0.5)),
                TOL);
    }

    @Test
    void termsMatchPureJavaReferenceOnRandomLogits() {
        Random random = new Random(3);
        double[][] t = new double[5][4];
        double[][] s = new double[5][4];
        int[] y = new int[5];
        for (int i = 0; i < 5; i++) {
            y[i] = random.nextInt(4);
            for (int c = 0; c < 4; c++) {
                t[i][c] = 3 * random.nextGaussian();
                s[i][c] = 3 * random.nextGaussian();
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray st = array(m, s);
            NDArray te = array(m, t);
            assertEquals(ReferenceLosses.crossEntropy(s, y),
                    DistillationLoss.crossEntropy(st, m.create(y)).getFloat(), TOL);
            assertEquals(ReferenceLosses.klDivergence(t, s, 3.5),
                    DistillationLoss.klDivergence(te, st, 3.5).getFloat(), TOL);
            assertEquals(ReferenceLosses.meanSquaredError(t, s),
                    DistillationLoss.meanSquaredError(te, st).getFloat(), 1e-4);
            // labels as float (as DJL datasets often deliver them) give the same CE
            assertEquals(ReferenceLosses.crossEntropy(s, y), DistillationLoss.crossEntropy(st,
                    m.create(y).toType(DataType.FLOAT32, false)).getFloat(), TOL);
        }
    }

    @Test
    void gradientReachesStudentLogitsOnly() {
        // d CE / d z = (softmax(z) - onehot(y)) / N. Row 1: ([1/3, 1/3, 1/3] - [1, 0, 0]) / 2
        // = [-1/3, 1/6, 1/6]; row 2: ([4/9, 1/9, 4/9] - [0, 1, 0]) / 2 = [2/9, -4/9, 2/9].
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z = array(m, STUDENT);
            z.setRequiresGradient(true);
            NDArray teacher = array(m, TEACHER);
            teacher.setRequiresGradient(true);
            DistillationLoss none = new DistillationLoss(DistillationStrategy.none(),
                    KdWeights.DEFAULTS);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(none.evaluate(StudentOutputs.of(z), DistillationTargets.of(
                        m.create(LABELS))));
            }
            float[] g = z.getGradient().toFloatArray();
            float[] expected = {-1f / 3, 1f / 6, 1f / 6, 2f / 9, -4f / 9, 2f / 9};
            for (int i = 0; i < 6; i++) {
                assertEquals(expected[i], g[i], 1e-6, "gradient " + i);
            }
            // with KD the target is detached: no gradient flows into the teacher logits
            z.setRequiresGradient(true);
            DistillationLoss logit = new DistillationLoss(DistillationStrategy.parse("logit"),
                    new KdWeights(TEMPERATURE, 0.5, 1));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(logit.evaluate(StudentOutputs.of(z), new DistillationTargets(
                        m.create(LABELS), Map.of(TargetKind.TEACHER_LOGITS, teacher))));
            }
            assertEquals(0f, teacher.getGradient().abs().sum().getFloat(), 0f);
            assertTrue(z.getGradient().abs().sum().getFloat() > 0);
        }
    }

    @Test
    void packedDjlLayoutGivesTheSameValue() {
        try (NDManager m = NDManager.newBaseManager()) {
            DistillationLoss loss = new DistillationLoss(
                    DistillationStrategy.parse("sc-logit+combi-rep"), new KdWeights(2, 0.5, 0.5));
            // labels: [classes, targets in term order]; predictions: [logits, projected reps]
            NDArray value = loss.evaluate(
                    new NDList(m.create(LABELS), array(m, SC), array(m, COMBI)),
                    new NDList(array(m, STUDENT), array(m, PROJECTED)));
            // 0.8726867199 (sc-logit, a = 0.5) + 0.5 * 3.25
            assertEquals(2.4976867199, value.getFloat(), TOL);
            assertThrows(IllegalArgumentException.class, () -> loss.evaluate(
                    new NDList(m.create(LABELS)), new NDList(array(m, STUDENT))));
        }
    }

    @Test
    void missingTargetOrProjectionIsNamed() {
        try (NDManager m = NDManager.newBaseManager()) {
            DistillationLoss loss = new DistillationLoss(
                    DistillationStrategy.parse("sc-logit+combi-rep"), KdWeights.DEFAULTS);
            IllegalArgumentException noTarget = assertThrows(IllegalArgumentException.class,
                    () -> loss.evaluate(StudentOutputs.of(array(m, STUDENT)),
                            DistillationTargets.of(m.create(LABELS))));
            assertTrue(noTarget.getMessage().contains("'sc-logits'"), noTarget.getMessage());
            IllegalArgumentException noProjection = assertThrows(IllegalArgumentException.class,
                    () -> loss.evaluate(StudentOutputs.of(array(m, STUDENT)), targets(m)));
            assertTrue(noProjection.getMessage().contains("'combi-rep'"),
                    noProjection.getMessage());
        }
    }

    @Test
    void toStringPrintsTheWeightsUsed() {
        assertEquals("1.00*CE", new DistillationLoss(DistillationStrategy.none(),
                KdWeights.DEFAULTS).toString());
        assertEquals("0.30*CE + 0.70*16.0*KL(logit, T=4.0)", new DistillationLoss(
                DistillationStrategy.parse("logit"), KdWeights.DEFAULTS).toString());
        assertEquals("0.30*CE + 0.70*16.0*KL(sc-logit, T=4.0) + 1.00*MSE(combi-rep)",
                new DistillationLoss(DistillationStrategy.parse("sc-logit+combi-rep"),
                        KdWeights.DEFAULTS).toString());
        assertEquals("0.30*CE + 0.35*16.0*KL(logit, T=4.0) + 0.35*16.0*KL(sc-logit, T=4.0)",
                new DistillationLoss(DistillationStrategy.parse("logit+sc-logit"),
                        KdWeights.DEFAULTS).toString());
        assertEquals("1.00*CE + 0.50*MSE(attn-rep) + 0.50*MSE(causal-rep)",
                new DistillationLoss(DistillationStrategy.parse("attn-rep+causal-rep"),
                        new KdWeights(2, 0.75, 0.5)).toString());
        assertEquals("0.25*CE + 0.375*6.25*KL(logit, T=2.5) + 0.375*6.25*KL(sc-logit, T=2.5)",
                new DistillationLoss(DistillationStrategy.parse("logit+sc-logit"),
                        new KdWeights(2.5, 0.75, 0.5)).toString());
    }
}
