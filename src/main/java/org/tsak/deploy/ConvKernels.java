package org.tsak.deploy;

/**
 * Which {@link ConvKernel} runs a {@link StudentRuntime}'s conv layers: the scalar loops of
 * {@link PackedConv}, or {@code VectorConvKernel}, the same arithmetic written with the Java 17
 * Vector API ({@code jdk.incubator.vector}). Both give the same logits bit for bit.
 *
 * <p>The incubator module is optional: it is in the JVM only with
 * {@code --add-modules jdk.incubator.vector} (set by {@code ./tsak}, {@code ./bench} and the
 * build's test JVMs; the JVM then prints {@code WARNING: Using incubator modules:
 * jdk.incubator.vector} on stderr). Without it every runtime runs the scalar kernels and no class
 * that refers to the module is ever loaded: {@code VectorConvKernel} is reached only through
 * {@link #kernel}, and only for {@link #VECTOR}.
 */
enum ConvKernels {

    /** {@link PackedConv}'s own loops (C2 auto-vectorisation). */
    SCALAR,
    /** {@code VectorConvKernel}: explicit {@code FloatVector} code of the preferred species. */
    VECTOR;

    /**
     * System property that turns the vector kernels off ({@code -Dtsak.vectorKernels=false}), for
     * side-by-side benchmarks and for bisecting; {@code true} or unset means "when available". Read
     * each time a runtime is built.
     */
    static final String PROPERTY = StudentRuntime.VECTOR_KERNELS_PROPERTY;

    /** The module whose presence makes {@link #VECTOR} available. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final boolean VECTOR_AVAILABLE = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();

    /** True when the JVM has {@value #VECTOR_MODULE} (started with {@code --add-modules jdk.incubator.vector}). */
    static boolean vectorAvailable() {
        return VECTOR_AVAILABLE;
    }

    /**
     * The kernels a new runtime uses: {@link #VECTOR} when the module is in the JVM and
     * {@value #PROPERTY} is not {@code false}, else {@link #SCALAR}.
     *
     * @throws IllegalArgumentException if {@value #PROPERTY} is set to anything but true or false
     */
    static ConvKernels configured() {
        String v = System.getProperty(PROPERTY);
        if (v != null && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("-D" + PROPERTY + " is '" + v + "': expected true or false");
        }
        boolean wanted = v == null || v.equalsIgnoreCase("true");
        return wanted && VECTOR_AVAILABLE ? VECTOR : SCALAR;
    }

    /**
     * The kernel of this kind for {@code layer}.
     *
     * @throws IllegalStateException for {@link #VECTOR} in a JVM without {@value #VECTOR_MODULE}
     */
    ConvKernel kernel(PackedConv layer) {
        if (this == SCALAR) {
            return layer;
        }
        if (!VECTOR_AVAILABLE) {
            throw new IllegalStateException("vector kernels need the JVM option --add-modules " + VECTOR_MODULE);
        }
        return VectorConvKernel.of(layer);
    }
}
