package org.tsak.deploy;

/**
 * Runs a trained student in pure Java: no DJL, no native code, and no allocation per call after
 * construction (except the convenience methods that return a new logits array; with the Vector
 * API kernels, once warm: see below).
 *
 * <p>Input: one window in NCW order without the batch axis, {@code x[c * L + t]}, {@code C}
 * channels in the artifact's channel order and {@code L = windowSamples}. {@link #logits(float[])}
 * takes raw sensor units and applies the artifact's z-score first; {@link #logitsNormalised(float[])}
 * takes an already normalised window. {@link #logits(float[][], float[][])} and
 * {@link #logitsBatch(float[], int, float[])} run {@code N} windows (one per worker stream) in one
 * call and give each window exactly the logits of the single-window path.
 *
 * <p>Computation: batch norm folded into the conv weights ({@link FoldedStudent}); weights kept by
 * {@link PackedConv} as one array per input channel and tap ({@code [in * k + kk][out]}, output
 * channels contiguous; for kernel sizes 3 and 5, other sizes read the packed {@code [in][tap][out]}
 * array), and activations held channel-last in two reused ping-pong buffers with {@code P} (the
 * largest padding) zero time rows on each side. Per output time step the output channels are summed
 * in a scratch row, whose inner loop over output channels, every array indexed by the channel
 * alone, HotSpot C2 vectorises whatever the stride and dilation (see {@link PackedConv}). Conv layer l with stride {@code s}, dilation
 * {@code d} and padding {@code p = d (k - 1) / 2} writes {@code L_out = ceil(L_in / s)} samples.
 * Summation order (which the C export copies): per output channel, out starts at the folded
 * bias; for each input channel, the k taps {@code w[kk] * x[t * s + kk * d - p]} are summed left to
 * right and the sum is added to out; then ReLU. Pooling sums the last activation over its time in
 * order and divides by its length; the linear layer starts at the bias and adds
 * {@code w[o][j] * rep[j]} in order of {@code j}.
 *
 * <p>Two variants: {@link #of(StudentArtifact)} (float32) and {@link #quantised(StudentArtifact)}
 * (int8 weights per output channel, int8 activations re-quantised per layer per window, integer
 * accumulation; see {@link QuantisedStudent} and {@link PackedConv}). The same arithmetic, in the same
 * order, is what {@link CExporter} writes to C, so Java and C agree to the last bit on IEEE-754
 * hardware without fused multiply-add.
 *
 * <p>Conv kernels ({@link ConvKernels}): in a JVM started with {@code --add-modules
 * jdk.incubator.vector} the conv layers run explicit Vector API code ({@code VectorConvKernel}),
 * otherwise, or with {@code -Dtsak.vectorKernels=false} when the runtime is built, the scalar
 * loops of {@link PackedConv}. Both compute the order above, so the logits are the same bit for
 * bit; {@link #usesVectorKernels()} tells which runs. The vector kernels are fast only once
 * HotSpot C2 has compiled them: until then (the first one to two thousand windows in a JVM; less
 * when the JVM already ran them) the interpreter and C1 run the Vector API's Java fallbacks, which
 * allocate every vector (about 200 kB per window of the demo student) and take about 5 ms per
 * window at first; the first call also initialises the Vector API (about 0.08 s).
 *
 * <p>Temporal context. A student with a {@link ContextHead} adds, to its own logits, a layer over
 * the projections of the current window and the {@code S - 1} windows before it. The runtime
 * keeps those past projections as its <em>context state</em>: a ring of {@code S - 1} rows of
 * {@code H} floats, all zero (absent) after construction and {@link #resetContext()}.
 * {@link #logitsInContext(float[], float[])} is the stateful call: one per window, in order (one
 * per stride of a stream); it reads the state, then pushes the window's projection, dropping the
 * oldest. {@link #skipContextWindow()} pushes an absent window (a missing second: nothing to
 * classify, but the past moves on). {@link #logitsWithContext(float[], float[], float[], float[])}
 * takes the past projections explicitly and leaves the state alone (what the ONNX export does).
 * The stateless calls ({@link #logits(float[], float[])}, the batch calls, {@link #predictClass})
 * treat the past as absent: each window is classified as the first of a stream, and the state is
 * neither read nor changed. The int8 runtime computes the student in int8 and the head in float32.
 *
 * <p>Not thread-safe (it owns its scratch buffers and the context state): give each thread, or
 * each stream, its own {@link #copy()}.
 * Suitable as the subject of a JMH benchmark: construct in {@code @Setup}, call
 * {@link #logits(float[], float[])} in the benchmark method.
 */
public final class StudentRuntime {

    /**
     * System property that, set to {@code false}, makes new runtimes use the scalar conv kernels
     * even when the JVM has {@code jdk.incubator.vector} (side-by-side benchmarks, bisecting);
     * {@code true} or unset: the vector kernels when available. Read when a runtime is built.
     */
    public static final String VECTOR_KERNELS_PROPERTY = "tsak.vectorKernels";

    private final FoldedStudent folded;
    private final QuantisedStudent quantised;
    private final int c0;
    private final int lengthSamples;
    private final int padSamples;
    private final float[] means;
    private final float[] invStds;
    private final PackedConv[] layers;
    /** What runs the conv layers: {@link #layers} themselves or their vector kernels. */
    private final ConvKernels convKernels;
    private final ConvKernel[] kernels;
    private final int repSize;
    private final int classes;
    /** Linear weight transposed to {@code [rep][class]}. */
    private final float[] linearWeightT;
    private final float[] linearBias;
    /** Int8 linear weight transposed to {@code [rep][class]}, or null. */
    private final byte[] qLinearWeightT;
    private final float[] qLinearScales;
    private final float[] bufferA;
    private final float[] bufferB;
    private final float[] qActivation;
    private final float[] channelScratch;
    private final float[] scaleScratch;
    private final int[] intScratch;
    private final float[] rep;
    private final float[] scratchLogits;
    /** The context head, or null. */
    private final ContextHead head;
    /** Context state: {@code S - 1} past projections of {@code H}, a ring whose oldest row is {@link #contextFirst}. */
    private final float[] contextState;
    /** All-zero past: what the stateless calls use. */
    private final float[] absentPast;
    /** The current window's projection. */
    private final float[] projection;
    private int contextFirst;

    private StudentRuntime(FoldedStudent f, QuantisedStudent q, ConvKernels convKernels) {
        this.folded = f;
        this.quantised = q;
        this.convKernels = convKernels;
        this.c0 = f.inputChannels();
        this.lengthSamples = f.windowSamples();
        this.padSamples = f.maxPadSamples();
        this.means = f.inputMeans();
        this.invStds = f.inputInvStds();
        int n = f.convLayerCount();
        layers = new PackedConv[n];
        kernels = new ConvKernel[n];
        int maxActivation = 0;
        int maxChannels = 0;
        for (int a = 0; a <= n; a++) {
            maxActivation = Math.max(maxActivation, (f.length(a) + 2 * padSamples) * f.channels(a));
            maxChannels = Math.max(maxChannels, f.channels(a));
        }
        int maxScratch = maxChannels;
        for (int l = 0; l < n; l++) {
            layers[l] = new PackedConv(f, q, l);
            kernels[l] = convKernels.kernel(layers[l]);
            maxScratch = Math.max(maxScratch, kernels[l].scratchFloats());
        }
        repSize = f.representationSize();
        classes = f.classCount();
        linearWeightT = transpose(f.linearWeight(), classes, repSize);
        linearBias = f.linearBias();
        bufferA = new float[maxActivation];
        bufferB = new float[maxActivation];
        channelScratch = new float[maxScratch];
        scaleScratch = new float[maxChannels];
        intScratch = new int[Math.max(maxChannels, classes)];
        rep = new float[repSize];
        scratchLogits = new float[classes];
        head = f.contextHead();
        contextState = new float[head == null ? 0 : head.stateFloats()];
        absentPast = new float[contextState.length];
        projection = new float[head == null ? 0 : head.projectionSize()];
        if (q != null) {
            byte[] lw = q.linearWeight();
            qLinearWeightT = new byte[lw.length];
            for (int o = 0; o < classes; o++) {
                for (int j = 0; j < repSize; j++) {
                    qLinearWeightT[j * classes + o] = lw[o * repSize + j];
                }
            }
            qLinearScales = q.linearScales();
            qActivation = new float[maxActivation];
        } else {
            qLinearWeightT = null;
            qLinearScales = null;
            qActivation = null;
        }
    }

    private static float[] transpose(float[] w, int rows, int cols) {
        float[] t = new float[w.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = w[r * cols + c];
            }
        }
        return t;
    }

    /** A float32 runtime for the artifact's student. */
    public static StudentRuntime of(StudentArtifact artifact) {
        return of(FoldedStudent.of(artifact));
    }

    /**
     * A float32 runtime for a folded student, with the configured conv kernels ({@link ConvKernels#configured()}).
     *
     * @throws IllegalArgumentException if {@code -Dtsak.vectorKernels} is neither true nor false
     */
    public static StudentRuntime of(FoldedStudent folded) {
        return of(folded, ConvKernels.configured());
    }

    /** A float32 runtime with the given conv kernels (tests: both kinds in one JVM). */
    static StudentRuntime of(FoldedStudent folded, ConvKernels convKernels) {
        return new StudentRuntime(folded, null, convKernels);
    }

    /** An int8 runtime (post-training quantisation, see {@link QuantisedStudent}) for the artifact's student. */
    public static StudentRuntime quantised(StudentArtifact artifact) {
        return quantised(FoldedStudent.of(artifact));
    }

    /**
     * An int8 runtime for a folded student, with the configured conv kernels.
     *
     * @throws IllegalArgumentException if {@code -Dtsak.vectorKernels} is neither true nor false
     */
    public static StudentRuntime quantised(FoldedStudent folded) {
        return quantised(folded, ConvKernels.configured());
    }

    /** An int8 runtime with the given conv kernels (tests: both kinds in one JVM). */
    static StudentRuntime quantised(FoldedStudent folded, ConvKernels convKernels) {
        return new StudentRuntime(folded, QuantisedStudent.of(folded), convKernels);
    }

    /**
     * A fresh runtime with the same model and conv kernels, its own buffers and an empty context
     * state, for another thread or stream.
     */
    public StudentRuntime copy() {
        return new StudentRuntime(folded, quantised, convKernels);
    }

    /**
     * True when the conv layers run the Vector API kernels (the JVM has {@code jdk.incubator.vector}
     * and {@code -Dtsak.vectorKernels} was not false when this runtime was built); the logits are
     * the same either way.
     */
    public boolean usesVectorKernels() {
        return convKernels == ConvKernels.VECTOR;
    }

    /** True for the int8 variant. */
    public boolean isQuantised() {
        return quantised != null;
    }

    /** Input channels {@code C}. */
    public int inputChannels() {
        return c0;
    }

    /** Window length {@code L}, samples. */
    public int windowSamples() {
        return lengthSamples;
    }

    /** Expected input array length, {@code C * L}. */
    public int inputLength() {
        return c0 * lengthSamples;
    }

    /** Number of logits. */
    public int classCount() {
        return classes;
    }

    /** True when the student has a temporal context head (and this runtime a context state). */
    public boolean hasContextHead() {
        return head != null;
    }

    /** The student's context head, or null. */
    public ContextHead contextHead() {
        return head;
    }

    /** Size of the pooled representation {@code E}. */
    public int representationSize() {
        return repSize;
    }

    /** Multiply-adds per window (the folded student's, {@link FoldedStudent#multiplyAddsPerWindow()}; not the context head's). */
    public long multiplyAddsPerWindow() {
        return folded.multiplyAddsPerWindow();
    }

    /** Logits of one raw window ({@code C * L} values, NCW), as a new array. */
    public float[] logits(float[] rawWindow) {
        float[] out = new float[classCount()];
        logits(rawWindow, out);
        return out;
    }

    /** Logits of one raw window into {@code logitsOut} (length {@link #classCount()}); allocates nothing. */
    public void logits(float[] rawWindow, float[] logitsOut) {
        checkInput(rawWindow, logitsOut);
        loadWindow(rawWindow, 0, true);
        forward(logitsOut, 0);
        headAbsentPast(logitsOut, 0);
    }

    /**
     * The stateful call: logits of the next raw window of a stream into {@code logitsOut}, with the
     * context state as its past; then the window's projection is pushed into the state (the oldest
     * row dropped). Without a context head it is {@link #logits(float[], float[])}. Allocates nothing.
     */
    public void logitsInContext(float[] rawWindow, float[] logitsOut) {
        checkInput(rawWindow, logitsOut);
        loadWindow(rawWindow, 0, true);
        forward(logitsOut, 0);
        if (head != null) {
            head.project(rep, projection);
            head.addTemporal(contextState, contextFirst, projection, logitsOut, 0);
            pushContext(projection);
        }
    }

    /**
     * An absent window (a missing second): pushes an all-zero projection into the context state,
     * so later windows see that window as absent. Does nothing without a context head.
     */
    public void skipContextWindow() {
        if (head != null) {
            pushContext(absentPast);
        }
    }

    /** Clears the context state: every past window absent, as at the start of a stream. */
    public void resetContext() {
        java.util.Arrays.fill(contextState, 0f);
        contextFirst = 0;
    }

    /**
     * The context state, oldest first, as {@code (S - 1) x H} floats (row-major) into {@code out}:
     * the {@code context} input the ONNX export wants for the next window.
     *
     * @throws IllegalStateException    without a context head
     * @throws IllegalArgumentException if {@code out} is not {@code (S - 1) x H} long
     */
    public void contextState(float[] out) {
        requireHead("contextState");
        checkLength("context state", out, contextState.length);
        int hs = head.projectionSize();
        int rows = head.pastSteps();
        for (int s = 0; s < rows; s++) {
            System.arraycopy(contextState, ((contextFirst + s) % rows) * hs, out, s * hs, hs);
        }
    }

    /**
     * Logits of one raw window with an explicit past, leaving the context state alone: the
     * function the ONNX export computes.
     *
     * @param pastProjections {@code (S - 1) x H} projections of the past windows, oldest first, zeros
     *                        for an absent window
     * @param logitsOut       {@code K} logits, written
     * @param projectionOut   the window's projection {@code p} ({@code H}), written unless null
     * @throws IllegalStateException    without a context head
     * @throws IllegalArgumentException on a wrong array length
     */
    public void logitsWithContext(float[] rawWindow, float[] pastProjections, float[] logitsOut,
            float[] projectionOut) {
        requireHead("logitsWithContext");
        checkInput(rawWindow, logitsOut);
        checkLength("past projections (S - 1) x H", pastProjections, contextState.length);
        if (projectionOut != null) {
            checkLength("projection", projectionOut, projection.length);
        }
        loadWindow(rawWindow, 0, true);
        forward(logitsOut, 0);
        head.project(rep, projection);
        head.addTemporal(pastProjections, 0, projection, logitsOut, 0);
        if (projectionOut != null) {
            System.arraycopy(projection, 0, projectionOut, 0, projection.length);
        }
    }

    /**
     * The student's pooled representation {@code h} of one raw window ({@code E} values) into
     * {@code out}: what the context head projects. Allocates nothing.
     */
    public void representation(float[] rawWindow, float[] out) {
        checkInput(rawWindow, scratchLogits);
        checkLength("representation", out, repSize);
        loadWindow(rawWindow, 0, true);
        forward(scratchLogits, 0);
        System.arraycopy(rep, 0, out, 0, repSize);
    }

    private void pushContext(float[] row) {
        int rows = head.pastSteps();
        int hs = head.projectionSize();
        System.arraycopy(row, 0, contextState, contextFirst * hs, hs);
        contextFirst = (contextFirst + 1) % rows;
    }

    /** With a head: applies it to the base logits at {@code from} with every past window absent. */
    private void headAbsentPast(float[] logitsOut, int from) {
        if (head != null) {
            head.project(rep, projection);
            head.addTemporal(absentPast, 0, projection, logitsOut, from);
        }
    }

    private void requireHead(String call) {
        if (head == null) {
            throw new IllegalStateException(call + " needs a student with a temporal context head; this one has "
                    + "none (use logits)");
        }
    }

    private static void checkLength(String what, float[] a, int expected) {
        if (a.length != expected) {
            throw new IllegalArgumentException(what + " has " + a.length + " values, expected " + expected);
        }
    }

    /**
     * Logits of {@code N = windows.length} raw windows (one per worker stream, each {@code C * L}
     * values, NCW) into {@code logitsOut[n]} (each of length {@link #classCount()}); window {@code n}
     * gets exactly what {@link #logits(float[], float[])} gives it. Allocates nothing.
     *
     * @throws IllegalArgumentException if the two arrays differ in length or a row has the wrong size
     */
    public void logits(float[][] windows, float[][] logitsOut) {
        if (windows.length != logitsOut.length) {
            throw new IllegalArgumentException("batch of " + windows.length + " windows but " + logitsOut.length
                    + " logits rows");
        }
        for (int n = 0; n < windows.length; n++) {
            logits(windows[n], logitsOut[n]);
        }
    }

    /**
     * Logits of a batch of {@code n} raw windows in one flat NCW array, {@code x[(b * C + c) * L + t]},
     * into {@code logitsOut[b * K + k]} ({@code K} = {@link #classCount()}); window {@code b} gets
     * exactly what {@link #logits(float[], float[])} gives it. Allocates nothing.
     *
     * @param windows   at least {@code n * C * L} values
     * @param n         batch size {@code N >= 0}
     * @param logitsOut at least {@code n * K} values
     * @throws IllegalArgumentException if {@code n} is negative or an array is too short
     */
    public void logitsBatch(float[] windows, int n, float[] logitsOut) {
        int in = inputLength();
        if (n < 0 || (long) n * in > windows.length || (long) n * classes > logitsOut.length) {
            throw new IllegalArgumentException("batch of " + n + " windows (NCW, N x " + c0 + " x " + lengthSamples
                    + ") needs " + (long) n * in + " input and " + (long) n * classes + " output values, got "
                    + windows.length + " and " + logitsOut.length);
        }
        for (int b = 0; b < n; b++) {
            loadWindow(windows, b * in, true);
            forward(logitsOut, b * classes);
            headAbsentPast(logitsOut, b * classes);
        }
    }

    /** Logits of one already normalised window, as a new array. */
    public float[] logitsNormalised(float[] normalisedWindow) {
        float[] out = new float[classCount()];
        logitsNormalised(normalisedWindow, out);
        return out;
    }

    /** Logits of one already normalised window into {@code logitsOut}; allocates nothing. */
    public void logitsNormalised(float[] normalisedWindow, float[] logitsOut) {
        checkInput(normalisedWindow, logitsOut);
        loadWindow(normalisedWindow, 0, false);
        forward(logitsOut, 0);
        headAbsentPast(logitsOut, 0);
    }

    /** Class index with the largest logit for one raw window (lowest index on ties); allocates nothing. */
    public int predictClass(float[] rawWindow) {
        logits(rawWindow, scratchLogits);
        return argmax(scratchLogits);
    }

    /** Class index with the largest logit for one normalised window (lowest index on ties). */
    public int predictClassNormalised(float[] normalisedWindow) {
        logitsNormalised(normalisedWindow, scratchLogits);
        return argmax(scratchLogits);
    }

    /** Index of the largest value, lowest index on ties. */
    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private void checkInput(float[] window, float[] logitsOut) {
        if (window.length != c0 * lengthSamples) {
            throw new IllegalArgumentException("window has " + window.length + " values, expected channels x "
                    + "samples = " + c0 + " x " + lengthSamples + " = " + c0 * lengthSamples + " (NCW, one window)");
        }
        if (logitsOut.length != classes) {
            throw new IllegalArgumentException("logits array has length " + logitsOut.length + ", expected "
                    + classes);
        }
    }

    /** NCW window at {@code from} into buffer A, channel-last with zero pad rows; z-scored if {@code raw}. */
    private void loadWindow(float[] x, int from, boolean raw) {
        int len = lengthSamples;
        int c = c0;
        int p = padSamples;
        float[] a = bufferA;
        PackedConv.zeroPadRows(a, p, len, c);
        for (int ch = 0; ch < c; ch++) {
            int src = from + ch * len;
            int dst = p * c + ch;
            if (raw) {
                float m = means[ch];
                float s = invStds[ch];
                for (int t = 0; t < len; t++) {
                    a[dst + t * c] = (x[src + t] - m) * s;
                }
            } else {
                for (int t = 0; t < len; t++) {
                    a[dst + t * c] = x[src + t];
                }
            }
        }
    }

    private void forward(float[] logitsOut, int outBase) {
        float[] in = bufferA;
        float[] out = bufferB;
        for (int l = 0; l < layers.length; l++) {
            ConvKernel kernel = kernels[l];
            if (quantised == null) {
                kernel.forwardFloat(in, out, padSamples, channelScratch);
            } else {
                // a layer's input after the first is the ReLU output of the one before
                float sx = kernel.quantiseInput(in, qActivation, padSamples, l > 0);
                kernel.forwardInt8(qActivation, out, padSamples, sx, channelScratch, intScratch, scaleScratch);
            }
            float[] t = in;
            in = out;
            out = t;
        }
        pool(in, layers[layers.length - 1].outLength);
        if (quantised == null) {
            linearFloat(logitsOut, outBase);
        } else {
            linearInt8(logitsOut, outBase);
        }
    }

    /** Global average pool of the last activation (channel-last) into {@link #rep}, per channel in time order. */
    private void pool(float[] act, int len) {
        int c = repSize;
        java.util.Arrays.fill(rep, 0f);
        for (int t = 0; t < len; t++) {
            int rb = (padSamples + t) * c;
            for (int i = 0; i < c; i++) {
                rep[i] += act[rb + i];
            }
        }
        float n = len;
        for (int i = 0; i < c; i++) {
            rep[i] = rep[i] / n;
        }
    }

    private void linearFloat(float[] logitsOut, int ob) {
        int k = classes;
        System.arraycopy(linearBias, 0, logitsOut, ob, k);
        for (int j = 0; j < repSize; j++) {
            float x = rep[j];
            int wb = j * k;
            for (int o = 0; o < k; o++) {
                logitsOut[ob + o] += linearWeightT[wb + o] * x;
            }
        }
    }

    private void linearInt8(float[] logitsOut, int ob) {
        int r = repSize;
        int k = classes;
        float amax = 0f;
        for (int j = 0; j < r; j++) {
            float a = Math.abs(rep[j]);
            amax = a > amax ? a : amax;
        }
        float inv = QuantisedStudent.inverseScale(amax);
        float sx = amax / QuantisedStudent.QMAX;
        int[] acc = intScratch;
        java.util.Arrays.fill(acc, 0, k, 0);
        for (int j = 0; j < r; j++) {
            int q = QuantisedStudent.quantiseActivation(rep[j], inv);
            int wb = j * k;
            for (int o = 0; o < k; o++) {
                acc[o] += qLinearWeightT[wb + o] * q;
            }
        }
        for (int o = 0; o < k; o++) {
            logitsOut[ob + o] = acc[o] * (qLinearScales[o] * sx) + linearBias[o];
        }
    }
}
