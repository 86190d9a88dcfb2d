package org.tsak.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tsak.distill.HandWorkedBatch.*;

import org.junit.jupiter.api.Test;

class ReferenceLossesTest {

    @Test
    void crossEntropyByHand() {
        assertEquals(CE, ReferenceLosses.crossEntropy(STUDENT, LABELS), 1e-9);
        assertEquals(1.5 * Math.log(3), ReferenceLosses.crossEntropy(STUDENT, LABELS), 1e-12);
    }

    @Test
    void klDivergenceByHand() {
        assertEquals(KL_TEACHER, ReferenceLosses.klDivergence(TEACHER, STUDENT, TEMPERATURE), 1e-9);
        assertEquals(KL_SC, ReferenceLosses.klDivergence(SC, STUDENT, TEMPERATURE), 1e-9);
        // KL of a distribution with itself is 0; KL is not symmetric
        assertEquals(0.0, ReferenceLosses.klDivergence(STUDENT, STUDENT, 3.0), 1e-12);
    }

    @Test
    void meanSquaredErrorByHand() {
        assertEquals(MSE, ReferenceLosses.meanSquaredError(PROJECTED, COMBI), 1e-12);
    }

    @Test
    void logSoftmaxIsStableForLargeLogits() {
        double[] out = ReferenceLosses.logSoftmax(new double[] {1000, 1000});
        assertEquals(-Math.log(2), out[0], 1e-12);
        assertEquals(-Math.log(2), out[1], 1e-12);
    }
}
