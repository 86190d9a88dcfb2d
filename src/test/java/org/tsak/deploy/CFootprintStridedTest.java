package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The C export's footprint for a strided student, worked by hand: rows shrink with the strides. */
class CFootprintStridedTest {

    @Test
    void demoStudentFootprintByHand() {
        // conv [16, 32, 32, 48], k 5, stride 2 everywhere, 3 x 60, 11 classes; padding 2 per side.
        FoldedStudent f = FoldedStudent.of(StudentFixtures.artifact(3, new int[] {16, 32, 32, 48}, 5,
                new int[] {2, 2, 2, 2}, new int[] {1, 1, 1, 1}, 60));
        // activation rows (len + 4): 64, 34, 19, 12, 8 -> channels x row: 192, 544, 608, 384, 384
        assertEquals(608, CConvKernels.bufferFloats(f, 0)); // a0, a2, a4
        assertEquals(544, CConvKernels.bufferFloats(f, 1)); // a1, a3
        assertEquals(608, CConvKernels.quantisedActivationBytes(f));
        assertEquals(60, CConvKernels.accumulatorLength(f)); // max(L = 60, widest layer 48)
        // float flash: norm 24 + conv (960 + 64) + (10240 + 128) + (20480 + 128) + (30720 + 192)
        // + linear 2112 + 44 = 65092; RAM 4 * (608 + 544) + rep 4 * 48 + logits 4 * 11 = 4844
        CFootprint fp = CExporter.footprint(f, CExporter.Precision.FLOAT32);
        assertEquals(65_092, fp.flashWeightBytes());
        assertEquals(4_844, fp.ramActivationBytes());
        // int8 flash: 24 + (240 + 128) + (2560 + 256) + (5120 + 256) + (7680 + 384) + (528 + 88) = 17264;
        // RAM adds the quantised activation 608, the int32 accumulator 4 * 60, the int8 rep 48 -> 5740
        CFootprint q = CExporter.footprint(f, CExporter.Precision.INT8);
        assertEquals(17_264, q.flashWeightBytes());
        assertEquals(5_740, q.ramActivationBytes());
    }

    @Test
    void tapMajorReordersOutInKToInKOut() {
        FoldedStudent f = FoldedStudent.of(StudentFixtures.artifact(4, new int[] {2}, 3, new int[] {1},
                new int[] {1}, 8));
        // layer 0: 3 in, 2 out, k 3; w[(o * 3 + i) * 3 + kk] = 100 o + 10 i + kk
        float[] w = new float[18];
        for (int o = 0; o < 2; o++) {
            for (int i = 0; i < 3; i++) {
                for (int kk = 0; kk < 3; kk++) {
                    w[(o * 3 + i) * 3 + kk] = 100 * o + 10 * i + kk;
                }
            }
        }
        float[] t = CConvKernels.tapMajor(w, f, 0);
        assertEquals(0f, t[0]);    // i 0, kk 0, o 0
        assertEquals(100f, t[1]);  // i 0, kk 0, o 1
        assertEquals(1f, t[2]);    // i 0, kk 1, o 0
        assertEquals(121f, t[(2 * 3 + 1) * 2 + 1]); // i 2, kk 1, o 1
    }
}
