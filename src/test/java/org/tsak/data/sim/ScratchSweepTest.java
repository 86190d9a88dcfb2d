package org.tsak.data.sim;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tsak.data.Recording;

class ScratchSweepTest {
    @Test
    void sweep() {
        for (long seed = 1; seed <= 6; seed++) {
            long t0 = System.nanoTime();
            List<Recording> recs = new FactorySimulator(new SimulatorConfig(4, 2, 4, seed)).simulate();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            StringBuilder sb = new StringBuilder("seed " + seed + " (" + ms + " ms):");
            for (String held : List.of("W01", "W02", "W03", "W04")) {
                List<Recording> tr = recs.stream().filter(r -> !r.subjectId().equals(held)).toList();
                List<Recording> te = recs.stream().filter(r -> r.subjectId().equals(held)).toList();
                double a = SimulatedInformativenessTest.nearestCentroidAccuracy(tr, te, FactorySimulator.CHANNELS);
                double o = SimulatedInformativenessTest.nearestCentroidAccuracy(tr, te,
                        List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z"));
                sb.append(String.format(" %s all=%.2f one=%.2f;", held, a, o));
            }
            System.out.println(sb);
        }
        long t0 = System.nanoTime();
        new FactorySimulator(new SimulatorConfig(4, 2, 6, 3)).simulate();
        System.out.println("8x6: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
