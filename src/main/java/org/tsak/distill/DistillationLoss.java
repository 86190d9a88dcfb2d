package org.tsak.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tsak.model.TargetKind;

/**
 * The student's training loss for a {@link DistillationStrategy}, after Hinton et al. (2015)
 * for the logit terms and TSAK (Bello et al., arXiv 2408.14146) for the semantic-classifier
 * logits and the representation terms:
 *
 * <pre>
 *   L = (1 - a) * CE(z_s, y) + sum_k (a / n) * T^2 * KL(softmax(z_k / T) || softmax(z_s / T))
 *       + sum_j b * MSE(P_j(h_s), r_j)
 * </pre>
 *
 * where k runs over the n logit terms ({@code logit}: teacher logits, {@code sc-logit}: SC
 * logits) and j over the feature terms ({@code attn-rep}, {@code causal-rep},
 * {@code combi-rep}). With no logit term the CE weight is 1. With both {@code logit} and
 * {@code sc-logit} the KL losses are averaged (each gets {@code a/2}), so CE keeps its share
 * {@code 1 - a}. Reductions: CE is the batch mean of softmax cross-entropy with integer labels;
 * KL is batchmean (sum over classes and batch, divided by N); MSE is the mean over all
 * {@code N x d} values (PyTorch's default). Targets are wrapped in {@code stopGradient}, so no
 * gradient reaches the teacher or the SC.
 *
 * <p>Use in a {@code GradientCollector} loop: call {@link #evaluate(StudentOutputs,
 * DistillationTargets)} and {@code backward} the scalar. The DJL {@link Loss} entry point
 * {@link #evaluate(NDList, NDList)} reads a packed layout: predictions =
 * {@code [studentLogits, P_j(h_s) for each of strategy.featureTargets()]}, labels =
 * {@code [classLabels, target for each of strategy.requiredTargets()]}, both in term order.
 */
public final class DistillationLoss extends Loss {

    private final DistillationStrategy strategy;
    private final KdWeights weights;

    /** A loss for {@code strategy} with {@code weights}. */
    public DistillationLoss(DistillationStrategy strategy, KdWeights weights) {
        super("distillation");
        this.strategy = strategy;
        this.weights = weights;
    }

    /** The strategy. */
    public DistillationStrategy strategy() {
        return strategy;
    }

    /** The weights. */
    public KdWeights weights() {
        return weights;
    }

    /** Weight of the CE term: {@code 1 - a} with logit terms, else 1. */
    public double crossEntropyWeight() {
        return strategy.logitTargets().isEmpty() ? 1.0 : 1.0 - weights.alpha();
    }

    /** Weight of each KL term before the {@code T^2} factor: {@code a / n}. */
    public double klWeight() {
        int n = strategy.logitTargets().size();
        return n == 0 ? 0.0 : weights.alpha() / n;
    }

    /** The total loss, a scalar to call {@code backward} on. */
    public NDArray evaluate(StudentOutputs outputs, DistillationTargets targets) {
        NDArray total = null;
        for (Term term : weightedTerms(outputs, targets)) {
            // a float scalar: a double would promote the 0-dim float32 term to float64
            NDArray weighted = term.value().mul((float) term.weight());
            total = total == null ? weighted : total.add(weighted);
        }
        return total;
    }

    /**
     * The unweighted terms, in formula order, keyed {@code CE}, {@code KL(<term key>)},
     * {@code MSE(<term key>)}, e.g. {@code KL(sc-logit)}; for logging.
     */
    public Map<String, NDArray> terms(StudentOutputs outputs, DistillationTargets targets) {
        Map<String, NDArray> terms = new LinkedHashMap<>();
        for (Term term : weightedTerms(outputs, targets)) {
            terms.put(term.label(), term.value());
        }
        return terms;
    }

    private record Term(String label, double weight, NDArray value) {
    }

    private List<Term> weightedTerms(StudentOutputs outputs, DistillationTargets targets) {
        NDArray logits = outputs.logits();
        if (logits.getShape().dimension() != 2) {
            throw new IllegalArgumentException("student logits must be N x K, got "
                    + logits.getShape());
        }
        double t = weights.temperature();
        List<Term> terms = new ArrayList<>();
        terms.add(new Term("CE", crossEntropyWeight(), weights.labelSmoothing() == 0
                ? crossEntropy(logits, targets.labels())
                : crossEntropy(logits, targets.labels(), weights.labelSmoothing())));
        for (StrategyTerm term : strategy.terms()) {
            if (!term.isLogitTerm()) {
                continue;
            }
            TargetKind kind = term.target().orElseThrow();
            NDArray target = targets.get(kind).stopGradient();
            requireSameShape(kind, target.getShape(), logits.getShape(), "student logits");
            terms.add(new Term("KL(" + term.key() + ")", klWeight() * t * t,
                    klDivergence(target, logits, t)));
        }
        for (StrategyTerm term : strategy.terms()) {
            if (!term.needsProjection()) {
                continue;
            }
            TargetKind kind = term.target().orElseThrow();
            NDArray projected = outputs.projectedReps().get(kind);
            if (projected == null) {
                throw new IllegalArgumentException("strategy '" + strategy + "' needs the "
                        + "projected student representation for '" + kind.key()
                        + "'; run the projection head for each feature target");
            }
            NDArray target = targets.get(kind).stopGradient();
            requireSameShape(kind, target.getShape(), projected.getShape(),
                    "projected student representation");
            terms.add(new Term("MSE(" + term.key() + ")", weights.beta(),
                    meanSquaredError(projected, target)));
        }
        return terms;
    }

    /** Packed-layout entry point for DJL; see the class comment for the layout. */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        List<TargetKind> required = strategy.requiredTargets();
        List<TargetKind> features = strategy.featureTargets();
        if (labels.size() != 1 + required.size() || predictions.size() != 1 + features.size()) {
            throw new IllegalArgumentException("strategy '" + strategy + "' expects labels "
                    + "[classLabels, " + required + "] and predictions [logits, projected "
                    + features + "], got " + labels.size() + " labels and " + predictions.size()
                    + " predictions");
        }
        Map<TargetKind, NDArray> targets = new LinkedHashMap<>();
        for (int i = 0; i < required.size(); i++) {
            targets.put(required.get(i), labels.get(i + 1));
        }
        Map<TargetKind, NDArray> projected = new LinkedHashMap<>();
        for (int i = 0; i < features.size(); i++) {
            projected.put(features.get(i), predictions.get(i + 1));
        }
        return evaluate(new StudentOutputs(predictions.get(0), projected),
                new DistillationTargets(labels.get(0), targets));
    }

    /** Batch mean of softmax cross-entropy; {@code labels} hold class indices, shape N. */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        long n = logits.getShape().get(0);
        long classes = logits.getShape().get(1);
        NDArray flat = labels.reshape(-1);
        if (flat.size() != n) {
            throw new IllegalArgumentException(n + " logit rows but " + flat.size() + " labels");
        }
        NDArray oneHot = flat.toType(DataType.INT64, false).oneHot((int) classes)
                .toType(logits.getDataType(), false);
        return logits.logSoftmax(1).mul(oneHot).sum().neg().div(n);
    }

    /**
     * Batch mean of softmax cross-entropy against smoothed targets {@code (1 - e) * one-hot + e / K}
     * (label smoothing, Szegedy et al., "Rethinking the Inception Architecture", CVPR 2016,
     * Section 7); {@code labels} hold class indices, shape N; {@code e = 0} is
     * {@link #crossEntropy(NDArray, NDArray)}.
     */
    public static NDArray crossEntropy(NDArray logits, NDArray labels, double e) {
        long n = logits.getShape().get(0);
        long classes = logits.getShape().get(1);
        NDArray flat = labels.reshape(-1);
        if (flat.size() != n) {
            throw new IllegalArgumentException(n + " logit rows but " + flat.size() + " labels");
        }
        NDArray smoothed = flat.toType(DataType.INT64, false).oneHot((int) classes)
                .toType(logits.getDataType(), false).mul((float) (1 - e)).add((float) (e / classes));
        return logits.logSoftmax(1).mul(smoothed).sum().neg().div(n);
    }

    /**
     * {@code KL(softmax(teacher/T) || softmax(student/T))}, summed over classes and divided by
     * the batch size (batchmean); not scaled by {@code T^2}.
     */
    public static NDArray klDivergence(NDArray teacherLogits, NDArray studentLogits,
            double temperature) {
        long n = studentLogits.getShape().get(0);
        NDArray logP = teacherLogits.div((float) temperature).logSoftmax(1);
        NDArray logQ = studentLogits.div((float) temperature).logSoftmax(1);
        return logP.exp().mul(logP.sub(logQ)).sum().div(n);
    }

    /** Mean over all values of the squared difference. */
    public static NDArray meanSquaredError(NDArray predicted, NDArray target) {
        return predicted.sub(target).square().mean();
    }

    private static void requireSameShape(TargetKind kind, Shape target, Shape student,
            String what) {
        if (!target.equals(student)) {
            throw new IllegalArgumentException("cached '" + kind.key() + "' target has shape "
                    + target + " but the " + what + " has " + student);
        }
    }

    /**
     * The weighted sum actually used, e.g.
     * {@code 0.30*CE + 0.70*16.0*KL(sc-logit, T=4.0) + 1.00*MSE(combi-rep)}.
     */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(number(crossEntropyWeight()) + "*CE" + (weights.labelSmoothing() == 0 ? ""
                : "(label smoothing " + number(weights.labelSmoothing()) + ")"));
        double t = weights.temperature();
        for (StrategyTerm term : strategy.terms()) {
            if (term.isLogitTerm()) {
                parts.add(number(klWeight()) + "*" + t * t + "*KL(" + term.key() + ", T=" + t
                        + ")");
            }
        }
        for (StrategyTerm term : strategy.terms()) {
            if (term.needsProjection()) {
                parts.add(number(weights.beta()) + "*MSE(" + term.key() + ")");
            }
        }
        return String.join(" + ", parts);
    }

    /** At least two decimals, up to four, without trailing zeros beyond two. */
    private static String number(double value) {
        String four = String.format(Locale.ROOT, "%.4f", value);
        BigDecimal stripped = new BigDecimal(four).stripTrailingZeros();
        return stripped.scale() <= 2 ? String.format(Locale.ROOT, "%.2f", value)
                : stripped.toPlainString();
    }
}
