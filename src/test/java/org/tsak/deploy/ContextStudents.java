package org.tsak.deploy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Random;
import org.tsak.export.StudentExporter;
import org.tsak.model.ContextHeadBlock;
import org.tsak.model.StudentBlock;
import org.tsak.model.StudentSpec;

/**
 * A DJL student with a temporal context head, both with seeded random non-trivial weights (no
 * training: BatchNorm statistics, biases and the head's temporal weights, which start at zero in
 * training, are all set to random values), its artifact, and the DJL reference of a stream of
 * windows with gaps: the subject of the context parity tests.
 *
 * @param block    the DJL student
 * @param head     the DJL context head
 * @param artifact the exported student with its head
 */
record ContextStudents(StudentBlock block, ContextHeadBlock head, StudentArtifact artifact) {

    /** A strided student (3 -> 16 -> 24 -> 32, k 5, stride 2) on 2 s windows of 60 samples. */
    static StudentSpec spec() {
        return new StudentSpec(3, 60, new int[] {16, 24, 32}, 5, new int[] {2, 2, 1}, new int[] {1, 1, 1}, 11);
    }

    /** Student and head of {@code steps} windows and projection {@code h}, arrays in {@code manager}. */
    static ContextStudents create(NDManager manager, StudentSpec spec, int steps, int h, long seed) {
        StudentBlock block = StudentBlock.create(spec, manager, seed);
        perturb(block, seed + 1, false);
        ContextHeadBlock head = ContextHeadBlock.create(steps, spec.representationSize(), h, spec.classes(), manager,
                seed + 2);
        perturb(head, seed + 3, true);
        StudentWeights w = StudentExporter.weightsOf(block)
                .withContextHead(StudentExporter.contextHeadOf(head, spec.classes()));
        return new ContextStudents(block, head, StudentFixtures.artifact(w, spec.windowSamples(), seed));
    }

    /**
     * Sets biases, BatchNorm parameters and statistics to random non-trivial values; with
     * {@code weightsToo} the weights as well (uniform, scale 0.4).
     */
    static void perturb(ai.djl.nn.Block block, long seed, boolean weightsToo) {
        Random r = new Random(seed);
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter param = p.getValue();
            int n = Math.toIntExact(param.getArray().size());
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                float u = r.nextFloat() * 2 - 1;
                v[i] = switch (param.getType()) {
                    case BIAS, BETA -> 0.2f * u;
                    case GAMMA -> 1f + 0.5f * u;
                    case RUNNING_MEAN -> 0.3f * u;
                    case RUNNING_VAR -> 1.25f + 0.75f * u;
                    case WEIGHT -> 0.4f * u;
                    default -> Float.NaN;
                };
            }
            if (param.getType() != Parameter.Type.WEIGHT || weightsToo) {
                param.getArray().set(v);
            }
        }
    }

    /**
     * The DJL logits of a stream of windows: window {@code i} is second {@code i}; a null window is
     * a missing second (no prediction, absent in later windows' past). Each present window's past
     * is the {@code S - 1} seconds before it, present where that second's window exists.
     *
     * @return logits per second, null for a missing one
     */
    float[][] djlStream(NDManager manager, float[][] raw) {
        int n = raw.length;
        int c = artifact.inputChannels();
        int len = artifact.windowSamples();
        int k = artifact.classIds().size();
        int e = block.spec().representationSize();
        int steps = head.steps();
        float[] means = artifact.channelMeans();
        float[] stds = artifact.channelStds();
        float[] normalised = new float[n * c * len];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c && raw[i] != null; ch++) {
                for (int t = 0; t < len; t++) {
                    normalised[(i * c + ch) * len + t] = (raw[i][ch * len + t] - means[ch]) / stds[ch];
                }
            }
        }
        ParameterStore ps = new ParameterStore(manager, false);
        NDList out = block.forward(ps, new NDList(manager.create(normalised, new Shape(n, c, len))), false);
        float[] logits = out.get(StudentBlock.LOGITS).toFloatArray();
        float[] rep = out.get(StudentBlock.REP).toFloatArray();
        float[] context = new float[n * steps * e];
        float[] present = new float[n * steps];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < steps; j++) {
                int src = i - (steps - 1 - j);
                if (src >= 0 && raw[src] != null) {
                    present[i * steps + j] = 1f;
                    System.arraycopy(rep, src * e, context, (i * steps + j) * e, e);
                }
            }
        }
        NDArray result = head.forward(ps, new NDList(manager.create(context, new Shape(n, steps, e)),
                manager.create(present, new Shape(n, steps)), manager.create(logits, new Shape(n, k))), false)
                .get(ContextHeadBlock.LOGITS);
        float[] all = result.toFloatArray();
        float[][] perSecond = new float[n][];
        for (int i = 0; i < n; i++) {
            if (raw[i] != null) {
                perSecond[i] = java.util.Arrays.copyOfRange(all, i * k, (i + 1) * k);
            }
        }
        return perSecond;
    }

    /** {@code n} seeded raw windows, null at the {@code gaps} indices. */
    static float[][] windows(StudentArtifact a, int n, long seed, int... gaps) {
        Random r = new Random(seed);
        float[][] raw = new float[n][];
        for (int i = 0; i < n; i++) {
            raw[i] = StudentFixtures.rawWindow(r, a);
        }
        for (int g : gaps) {
            raw[g] = null;
        }
        return raw;
    }
}
