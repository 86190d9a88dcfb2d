package org.tsak.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tsak.data.Recording;
import org.tsak.data.sim.FactorySimulator;
import org.tsak.data.sim.SimulatorConfig;
import org.tsak.data.window.ChannelView;
import org.tsak.data.window.Split;
import org.tsak.data.window.SubjectSplitter;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.WindowSpec;
import org.tsak.data.window.Windower;
import org.tsak.eval.WindowScoring;

/**
 * The forest with temporal context: on the simulated line, operation pairs that look alike to
 * one wrist within a window follow different operations, so the statistics of the past windows
 * must lift the one-wrist forest's macro-F1 on a held-out worker.
 */
class ContextForestTest {

    @Test
    void lagBlocksDoubleAndStopAtThePast() {
        assertArrayEquals(new int[] {1, 1}, RandomForestBaseline.lagBlocks(5).get(0));
        assertArrayEquals(new int[] {2, 3}, RandomForestBaseline.lagBlocks(5).get(1));
        assertArrayEquals(new int[] {4, 5}, RandomForestBaseline.lagBlocks(5).get(2));
        assertTrue(RandomForestBaseline.lagBlocks(0).isEmpty());
        assertTrue(RandomForestBaseline.lagBlocks(32).size() == 6);
    }

    @Test
    void thePastLiftsTheOneWristForestOnAnotherWorker() {
        List<Recording> recs = new FactorySimulator(new SimulatorConfig(3, 1, 3, 11L)).simulate();
        WindowSet windows = new Windower(new WindowSpec(2.0, 1.0)).window(recs);
        Split split = new SubjectSplitter(List.of("W01", "W03"), List.of(), List.of("W02")).split(windows);
        ChannelView wrist = ChannelView.wristAccelerometer(windows.channels(), "right");
        RandomForestBaseline forest = new RandomForestBaseline(60, 7L);
        int[] test = split.test();
        double plain = WindowScoring.score(windows, test, forest.fitPredict(windows, wrist, split.train(), test))
                .macroF1();
        double context = WindowScoring.score(windows, test,
                forest.fitPredict(windows, wrist, split.train(), test, 32)).macroF1();
        System.out.printf("one-wrist forest on W02: macro-F1 %.3f without context, %.3f with 32 past windows%n",
                plain, context);
        assertTrue(context > plain + 0.05, "context " + context + " vs none " + plain);
        assertThrows(IllegalArgumentException.class, () -> forest.fitPredict(windows, wrist, split.train(), test, -1));
    }
}
