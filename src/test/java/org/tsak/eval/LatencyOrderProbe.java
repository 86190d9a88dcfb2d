package org.tsak.eval;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import org.tsak.model.SemanticClassifierBlock;
import org.tsak.model.SemanticSpec;
import org.tsak.model.TeacherBlock;
import org.tsak.model.TeacherSpec;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * Run in a fresh JVM by {@link LatencyWarmupTest}: the demo's teacher (16 channels x 60 samples,
 * default sizes) and its semantic classifier, timed the way a run times them, teacher first, in
 * a JVM where nothing has warmed the engine yet. Prints one line
 * {@code teacher <p50 µs> sc <p50 µs> warmup <teacher calls> <sc calls>}.
 *
 * <p>Modes: {@code sequential WARMUP RUNS} ({@link LatencyMeter#measure}, one model after the
 * other, as the runner does), {@code turns WARMUP RUNS} ({@link LatencyMeter#measureInTurns}),
 * {@code unguarded WARMUP RUNS} (the meter before issue 11: a fixed warm-up, no minimum, no
 * steady-state check; for the figure in the report only).
 */
public final class LatencyOrderProbe {

    private LatencyOrderProbe() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        int warmup = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        TeacherSpec ts = TeacherSpec.defaults(16, 60);
        try (NDManager manager = NDManager.newBaseManager()) {
            TeacherBlock teacher = TeacherBlock.create(ts, manager, 1);
            SemanticClassifierBlock sc = SemanticClassifierBlock.create(SemanticSpec.defaults(ts), manager, 2);
            BiFunction<NDManager, NDList, NDList> teacherForward = LatencyMeter.inference(teacher);
            BiFunction<NDManager, NDList, NDList> scForward = (m, in) -> {
                NDList t = teacher.forward(new ParameterStore(m, false), in, false);
                return sc.forward(new ParameterStore(m, false), new NDList(t.get(TeacherBlock.ATTN_REP),
                        t.get(TeacherBlock.CAUSAL_REP), t.get(TeacherBlock.COMBI_REP)), false);
            };
            Shape input = new Shape(1, 16, 60);
            double t;
            double s;
            String warmups = "";
            switch (mode) {
                case "sequential" -> {
                    LatencyMeter meter = new LatencyMeter(warmup, runs);
                    t = LatencyStats.fromNanos(meter.measure(teacherForward, manager, input)).p50Micros();
                    s = LatencyStats.fromNanos(meter.measure(scForward, manager, input)).p50Micros();
                }
                case "turns" -> {
                    List<LatencyMeter.Timings> all = new LatencyMeter(warmup, runs).measureInTurns(List.of(
                            new LatencyMeter.Subject("teacher", teacherForward, manager, input),
                            new LatencyMeter.Subject("semantic-classifier", scForward, manager, input)));
                    t = all.get(0).stats().p50Micros();
                    s = all.get(1).stats().p50Micros();
                    warmups = " warmup " + all.get(0).warmupCalls() + " " + all.get(1).warmupCalls();
                }
                case "unguarded" -> {
                    t = LatencyStats.fromNanos(unguarded(teacherForward, manager, input, warmup, runs)).p50Micros();
                    s = LatencyStats.fromNanos(unguarded(scForward, manager, input, warmup, runs)).p50Micros();
                }
                default -> throw new IllegalArgumentException("mode " + mode);
            }
            System.out.printf(Locale.ROOT, "teacher %.1f sc %.1f%s%n", t, s, warmups);
        }
    }

    /** The meter as it was: a fixed number of warm-up calls, then the timed ones. */
    private static long[] unguarded(BiFunction<NDManager, NDList, NDList> forward, NDManager manager, Shape shape,
            int warmup, int runs) {
        float[] data = new float[(int) shape.size()];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) rnd.nextGaussian();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < warmup + runs; i++) {
            try (NDManager sub = manager.newSubManager()) {
                long t0 = System.nanoTime();
                forward.apply(sub, new NDList(sub.create(data, shape))).get(0).toFloatArray();
                if (i >= warmup) {
                    nanos[i - warmup] = System.nanoTime() - t0;
                }
            }
        }
        return nanos;
    }
}
