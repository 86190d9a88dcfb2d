package org.tsak.distill;

/**
 * A 2-sample, 3-class batch whose losses are worked out by hand (used by the loss tests).
 *
 * <pre>
 * T = 2.
 * Teacher logits  row 1: [2 ln 3, 0, 0] -> /T = [ln 3, 0, 0]   -> p = [3/5, 1/5, 1/5]
 *                 row 2: [0, 0, 0]                              -> p = [1/3, 1/3, 1/3]
 * Student logits  row 1: [0, 0, 0]                              -> q = [1/3, 1/3, 1/3]
 *                 row 2: [2 ln 2, 0, 2 ln 2] -> /T = [ln 2, 0, ln 2] -> q = [2/5, 1/5, 2/5]
 * SC logits       both rows [0, 0, 0]                            -> uniform
 * Labels [0, 1].
 *
 * KL row 1 = 3/5 ln((3/5)/(1/3)) + 2 * 1/5 ln((1/5)/(1/3)) = 0.6 ln 1.8 + 0.4 ln 0.6
 *          = 0.6 * 0.5877866649 - 0.4 * 0.5108256238 = 0.1483417494
 * KL row 2 = 1/3 (2 ln((1/3)/(2/5)) + ln((1/3)/(1/5))) = 1/3 (2 ln(5/6) + ln(5/3))
 *          = 1/3 (-0.3646431136 + 0.5108256238) = 0.0487275034
 * KL(teacher) batchmean = (0.1483417494 + 0.0487275034) / 2 = 0.0985346264
 * KL(SC) rows: 0 (uniform vs uniform) and 0.0487275034 (as row 2 above) -> batchmean 0.0243637517
 *
 * CE (unscaled student logits): row 1 softmax uniform -> -ln(1/3) = ln 3 = 1.0986122887;
 *   row 2 [ln 4, 0, ln 4] -> softmax [4/9, 1/9, 4/9], label 1 -> -ln(1/9) = ln 9 = 2.1972245773
 *   CE = (ln 3 + ln 9) / 2 = 1.5 ln 3 = 1.6479184330
 *
 * Projected student rep [[1, 2], [3, 4]], Combi-Rep target [[1, 0], [0, 4]]:
 *   squared differences 0, 4, 9, 0 -> MSE = 13 / 4 = 3.25
 * </pre>
 */
final class HandWorkedBatch {

    static final double LN2 = Math.log(2);
    static final double LN3 = Math.log(3);

    static final double[][] TEACHER = {{2 * LN3, 0, 0}, {0, 0, 0}};
    static final double[][] STUDENT = {{0, 0, 0}, {2 * LN2, 0, 2 * LN2}};
    static final double[][] SC = {{0, 0, 0}, {0, 0, 0}};
    static final int[] LABELS = {0, 1};
    static final double[][] PROJECTED = {{1, 2}, {3, 4}};
    static final double[][] COMBI = {{1, 0}, {0, 4}};
    static final double TEMPERATURE = 2.0;

    static final double KL_TEACHER = 0.0985346264;
    static final double KL_SC = 0.0243637517;
    static final double CE = 1.6479184330;
    static final double MSE = 3.25;

    private HandWorkedBatch() {
    }
}
