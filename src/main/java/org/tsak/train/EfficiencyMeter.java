package org.tsak.train;

import java.io.IOException;
import java.util.function.BiFunction;

import org.tsak.config.EvaluationConfig;
import org.tsak.eval.CostModel;
import org.tsak.eval.LatencyMeter;
import org.tsak.eval.LatencyStats;
import org.tsak.io.RunLayout;
import org.tsak.model.SemanticClassifierBlock;
import org.tsak.model.ContextHeadBlock;
import org.tsak.model.StudentBlock;
import org.tsak.model.TeacherBlock;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * Parameters and FLOPs (from layer shapes) and measured latency (batch 1) and throughput of the
 * teacher, the semantic classifier (which needs the teacher's representations, so it is timed
 * as teacher + SC) and the student, in DJL on this machine. Run while nothing else trains.
 */
final class EfficiencyMeter {

    private EfficiencyMeter() {
    }

    static Efficiency measure(RunContext c) throws IOException {
        EvaluationConfig ec = c.config().evaluation();
        c.progress().status("measuring latency (batch 1) and throughput (batch " + ec.throughputBatch() + ")");
        RunLayout layout = c.layout();
        Efficiency e = new Efficiency();
        try (TrainedModel<TeacherBlock> teacher = FoldTargets.loadTeacher(c, RunLayout.weights(layout.teacher(0)));
                TrainedModel<SemanticClassifierBlock> sc = FoldTargets.loadSemantic(c,
                        RunLayout.weights(layout.semantic(0)));
                Model studentModel = Model.newInstance("student")) {
            Shape input = new Shape(1, c.teacher().inputChannels(), c.teacher().windowSamples());
            StudentBlock student = StudentBlock.create(c.student(), studentModel.getNDManager(), 0);
            Shape studentInput = new Shape(1, c.student().inputChannels(), c.student().windowSamples());
            TeacherBlock tb = teacher.block();
            SemanticClassifierBlock sb = sc.block();
            BiFunction<NDManager, NDList, NDList> scForward = (m, in) -> {
                NDList t = tb.forward(new ParameterStore(m, false), in, false);
                return sb.forward(new ParameterStore(m, false), new NDList(t.get(TeacherBlock.ATTN_REP),
                        t.get(TeacherBlock.CAUSAL_REP), t.get(TeacherBlock.COMBI_REP)), false);
            };
            e.teacher = latency(ec, LatencyMeter.inference(teacher.block()), teacher.model(), input);
            e.sc = latency(ec, scForward, teacher.model(), input);
            e.student = latency(ec, LatencyMeter.inference(student), studentModel, studentInput);
            for (double w : c.config().model().student().widths()) {
                if (w == 1.0) {
                    continue;
                }
                try (Model sized = Model.newInstance("student-w" + w)) {
                    StudentBlock b = StudentBlock.create(c.student(w), sized.getNDManager(), 0);
                    e.studentByWidth.put(w, latency(ec, LatencyMeter.inference(b), sized, studentInput));
                }
                long[] head = contextCost(c, c.student(w));
                e.studentCostByWidth.put(w, new long[] {CostModel.studentParams(c.student(w)) + head[0],
                    CostModel.studentFlops(c.student(w)) + head[1]});
            }
        }
        e.teacherParams = CostModel.teacherParams(c.teacher());
        e.teacherFlops = CostModel.teacherFlops(c.teacher());
        e.scParams = CostModel.teacherParams(c.teacher()) + CostModel.semanticParams(c.semantic());
        e.scFlops = CostModel.semanticWithTeacherFlops(c.teacher(), c.semantic());
        long[] head = contextCost(c, c.student());
        e.studentParams = CostModel.studentParams(c.student()) + head[0];
        e.studentFlops = CostModel.studentFlops(c.student()) + head[1];
        return e;
    }

    /** Parameters and FLOPs per window of the student's context head (model.context); zeros when off. */
    static long[] contextCost(RunContext c, org.tsak.model.StudentSpec student) {
        org.tsak.config.ModelConfig.Context cx = c.config().model().context();
        if (!cx.enabled()) {
            return new long[] {0, 0};
        }
        int steps = org.tsak.config.ModelConfig.Context.pastWindows(cx.seconds(),
                c.config().data().window().strideSeconds()) + 1;
        int e = student.representationSize();
        int k = student.classes();
        return new long[] {ContextHeadBlock.parameterCount(steps, e, cx.projection(), k),
            ContextHeadBlock.flopsPerWindow(steps, e, cx.projection(), k)};
    }

    private static Efficiency.Measured latency(EvaluationConfig ec, BiFunction<NDManager, NDList, NDList> fwd,
            Model model, Shape input) {
        LatencyMeter meter = new LatencyMeter(ec.warmupRuns(), ec.latencyRuns());
        LatencyStats stats = LatencyStats.fromNanos(meter.measure(fwd, model.getNDManager(), input));
        long[] dims = input.getShape().clone(); // Shape hands out its own array
        dims[0] = ec.throughputBatch();
        return new Efficiency.Measured(stats, meter.throughput(fwd, model.getNDManager(), new Shape(dims)));
    }
}
