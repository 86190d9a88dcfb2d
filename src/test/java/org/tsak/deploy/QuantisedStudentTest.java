package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuantisedStudentTest {

    @Test
    void activationRoundingIsFloorOfXPlusHalfClamped() {
        assertEquals(64, QuantisedStudent.quantiseActivation(1f, 63.5f));   // floor(63.5 + 0.5) = 64
        assertEquals(-63, QuantisedStudent.quantiseActivation(-1f, 63.5f)); // floor(-63.5 + 0.5) = -63
        assertEquals(1, QuantisedStudent.quantiseActivation(0.5f, 1f));
        assertEquals(0, QuantisedStudent.quantiseActivation(-0.5f, 1f));
        assertEquals(-1, QuantisedStudent.quantiseActivation(-0.7f, 1f));   // floor(-0.2) = -1
        assertEquals(127, QuantisedStudent.quantiseActivation(200f, 1f));
        assertEquals(-127, QuantisedStudent.quantiseActivation(-200f, 1f));
        assertEquals(0f, QuantisedStudent.inverseScale(0f));
        assertEquals(127f, QuantisedStudent.inverseScale(1f));
    }

    @Test
    void weightsArePerOutputChannelSymmetric() {
        // row 0 [0.5, -1, 0.25]: scale 1/127, q = [round(63.5) = 64, -127, round(31.75) = 32]
        // row 1 [0, 0, 0]: scale 0, q = 0;  row 2 [2, 1, -0.01]: scale 2/127, q = [127, round(63.5) = 64, round(-0.635) = -1]
        ConvLayer c = ConvLayer.withIdentityNorm(1, 3, 3, new float[] {0.5f, -1f, 0.25f, 0, 0, 0, 2f, 1f, -0.01f},
                new float[3]);
        StudentWeights w = new StudentWeights(List.of(c), new LinearLayer(3, 1, new float[] {1, 2, -4}, new float[1]));
        QuantisedStudent q = QuantisedStudent.of(FoldedStudent.of(w, new float[1], new float[] {1}, 4));
        assertArrayEquals(new byte[] {64, -127, 32, 0, 0, 0, 127, 64, -1}, q.convWeight(0));
        // BN identity folds to a factor 1 / sqrt(1 - eps + eps), within a float ulp of 1
        assertArrayEquals(new float[] {1f / 127, 0f, 2f / 127}, q.convScales(0), 1e-8f);
        // linear [1, 2, -4]: scale 4/127, q = [round(31.75) = 32, round(63.5) = 64, -127]
        assertArrayEquals(new byte[] {32, 64, -127}, q.linearWeight());
    }
}
