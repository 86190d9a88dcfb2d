package org.tsak.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.tsak.config.Seeds;
import org.tsak.model.TargetKind;

/** Student and projection-head initialisation: Java-seeded, thread-independent, kept by DJL's trainer. */
class StudentInitializationTest {

    private static final StudentSpec SPEC = new StudentSpec(3, 60, new int[] {24, 32, 48}, 5, new int[] {1, 1, 1},
            new int[] {1, 2, 4}, 11);

    /** Every parameter's values by name, copied out of the engine. */
    private static Map<String, float[]> snapshot(Block block) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    private static void assertSameWeights(Map<String, float[]> expected, Map<String, float[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        for (String k : expected.keySet()) {
            assertArrayEquals(expected.get(k), actual.get(k), 0f, what + ": " + k);
        }
    }

    @Test
    void sameSpecAndSeedGiveIdenticalWeightsInParallelThreadsWhileTheEngineIsReseeded() throws Exception {
        Map<String, float[]> reference;
        try (NDManager m = NDManager.newBaseManager()) {
            reference = snapshot(StudentBlock.create(SPEC, m, 42));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong reseeds = new AtomicLong();
        try {
            Future<?> reseeder = pool.submit(() -> {
                try (NDManager m = NDManager.newBaseManager()) {
                    int i = 0;
                    while (!stop.get()) {
                        Engine.getInstance().setRandomSeed(i++);
                        m.randomNormal(new Shape(256)).close(); // draws like a dropout mask in a training thread
                        reseeds.incrementAndGet();
                    }
                }
            });
            List<Future<List<Map<String, float[]>>>> creators = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                creators.add(pool.submit(() -> {
                    List<Map<String, float[]>> got = new ArrayList<>();
                    for (int i = 0; i < 15; i++) {
                        try (NDManager m = NDManager.newBaseManager()) {
                            got.add(snapshot(StudentBlock.create(SPEC, m, 42)));
                        }
                    }
                    return got;
                }));
            }
            for (Future<List<Map<String, float[]>>> f : creators) {
                for (Map<String, float[]> w : f.get(5, TimeUnit.MINUTES)) {
                    assertSameWeights(reference, w, "concurrent create");
                }
            }
            stop.set(true);
            reseeder.get(1, TimeUnit.MINUTES);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        assertTrue(reseeds.get() > 0, "the engine was reseeded while the students were created");
    }

    @Test
    void otherSeedsGiveOtherWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, float[]> a = snapshot(StudentBlock.create(SPEC, m, 1));
            Map<String, float[]> b = snapshot(StudentBlock.create(SPEC, m, 2));
            for (String k : a.keySet()) {
                if (k.endsWith("weight")) {
                    assertFalse(Arrays.equals(a.get(k), b.get(k)), k);
                }
            }
        }
    }

    @Test
    void valuesFollowTheDocumentedDraws() {
        try (NDManager m = NDManager.newBaseManager()) {
            StudentBlock block = StudentBlock.create(SPEC, m, 42);
            int weights = 0;
            for (Pair<String, Parameter> p : block.getParameters()) {
                float[] v = p.getValue().getArray().toFloatArray();
                Shape shape = p.getValue().getArray().getShape();
                switch (p.getValue().getType()) {
                    case WEIGHT -> {
                        weights++;
                        double fanIn = (double) shape.size() / shape.get(0);
                        double mean = Arrays.stream(toDouble(v)).average().orElseThrow();
                        double sd = Math.sqrt(Arrays.stream(toDouble(v)).map(x -> (x - mean) * (x - mean)).sum()
                                / (v.length - 1));
                        double expected = Math.sqrt(2 / fanIn);
                        if (v.length >= 1000) {
                            assertEquals(expected, sd, 0.06 * expected, p.getKey() + " std (He: sqrt(2/fanIn))");
                            assertEquals(0, mean, 4 * expected / Math.sqrt(v.length), p.getKey() + " mean");
                        }
                    }
                    case BIAS, BETA, RUNNING_MEAN -> assertArrayEquals(new float[v.length], v, 0f, p.getKey());
                    case GAMMA, RUNNING_VAR -> {
                        float[] ones = new float[v.length];
                        Arrays.fill(ones, 1f);
                        assertArrayEquals(ones, v, 0f, p.getKey());
                    }
                    default -> throw new AssertionError(p.getKey());
                }
            }
            assertEquals(4, weights, "three conv weights and the classifier");
            // the first two values of the first parameter (conv 0 weight [24][3][5], fan-in 15), by the
            // documented rule: its seed is the first nextLong() of SplittableRandom(42); Box-Muller
            SplittableRandom draws = new SplittableRandom(new SplittableRandom(42).nextLong());
            double u1 = 1.0 - draws.nextDouble();
            double u2 = draws.nextDouble();
            double radius = StrictMath.sqrt(-2 * StrictMath.log(u1));
            double std = StrictMath.sqrt(2.0 / 15);
            float[] first = block.getParameters().get(0).getValue().getArray().toFloatArray();
            assertEquals((float) (std * radius * StrictMath.cos(2 * StrictMath.PI * u2)), first[0], 0f);
            assertEquals((float) (std * radius * StrictMath.sin(2 * StrictMath.PI * u2)), first[1], 0f);
        }
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    @Test
    void creatingAStudentLeavesTheEnginesGeneratorAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            float[] a = m.randomNormal(new Shape(64)).toFloatArray();
            Engine.getInstance().setRandomSeed(5);
            StudentBlock.create(SPEC, m, 3);
            ProjectionHead.create(48, 20, m, 4);
            float[] b = m.randomNormal(new Shape(64)).toFloatArray();
            assertArrayEquals(a, b, 0f, "a teacher's dropout stream in another thread would have shifted");
        }
    }

    /**
     * The lead's training path: the student created with its seed, the heads initialised with
     * theirs, then (as StageTrainer does) the engine reseeded, a trainer made and initialised.
     * DJL 0.36's Parameter.initialize only fills parameters without an array, so nothing is redrawn.
     */
    @Test
    void trainerInitializeKeepsTheSeededWeights() {
        try (Model model = Model.newInstance("student")) {
            StudentTrainingBlock block = new StudentTrainingBlock(StudentBlock.create(SPEC, model.getNDManager(), 42),
                    List.of(TargetKind.COMBI_REP, TargetKind.ATTN_REP), 20);
            assertEquals(2, ProjectionHead.initializeHeads(block, model.getNDManager(), 7));
            model.setBlock(block);
            Map<String, float[]> before = snapshot(block);
            Engine.getInstance().setRandomSeed(99);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optDevices(new Device[] {Device.cpu()}))) {
                trainer.initialize(new Shape(2, 3, 60));
                assertSameWeights(before, snapshot(block), "after Trainer.initialize");
                block.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(2, 3, 60));
                assertSameWeights(before, snapshot(block), "after Block.initialize");
            }
            // each head is seeded by its name, independent of the other heads
            try (NDManager m = NDManager.newBaseManager()) {
                Map<String, float[]> alone = snapshot(ProjectionHead.create(48, 20, m,
                        Seeds.derive(7, "projection-combi-rep")));
                float[] combi = before.get("02projection-combi-rep_01projection_weight");
                float[] attn = before.get("03projection-attn-rep_01projection_weight");
                assertEquals(20 * 48, combi.length, before.keySet().toString());
                assertArrayEquals(alone.get("01projection_weight"), combi, 0f);
                assertFalse(Arrays.equals(combi, attn));
            }
            assertThrows(IllegalStateException.class,
                    () -> ProjectionHead.initializeHeads(block, model.getNDManager(), 7), "initialised twice");
        }
    }
}
