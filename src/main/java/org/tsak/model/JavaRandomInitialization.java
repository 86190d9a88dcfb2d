package org.tsak.model;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;

/**
 * Initialises a block's parameters from a Java {@link SplittableRandom}, never from the deep
 * learning engine's global generator: the same (block layout, seed) gives bit-identical weights
 * in any thread, whatever other threads do with {@code Engine.setRandomSeed} or dropout at the
 * same time, and initialising does not disturb their random streams either.
 *
 * <p>Order: the parameters in {@link Block#getParameters()} order (the block's fixed child and
 * parameter order). Parameter {@code j} gets its own seed, the {@code j}-th {@code nextLong()} of
 * {@code new SplittableRandom(seed)}, and draws its values from {@code new SplittableRandom(thatSeed)}
 * in row-major order. Values by parameter type:
 * <ul>
 *   <li>weights: He/Kaiming normal, {@code N(0, 2 / fanIn)} with {@code fanIn} = the product of
 *       all dimensions but the first ({@code in * k} for a Conv1d weight {@code [out][in][k]},
 *       {@code in} for a Linear weight {@code [out][in]}); He et al., "Delving Deep into
 *       Rectifiers", ICCV 2015, eq. 10. This is the distribution of DJL's default weight
 *       initialiser (Xavier, Gaussian, factor "in", magnitude 2), drawn from another generator.
 *       Normal deviates come from the Box-Muller transform with {@link StrictMath}, so they are
 *       the same on every JVM and platform;</li>
 *   <li>biases and BatchNorm beta: 0; BatchNorm gamma: 1;</li>
 *   <li>BatchNorm running mean: 0; running variance: 1.</li>
 * </ul>
 * Parameters of any other type are refused (their initialisation would be a guess).
 */
public final class JavaRandomInitialization {

    private JavaRandomInitialization() {
    }

    /**
     * Initialises every parameter of {@code block} (none may be initialised yet) as float32 for
     * {@code inputShapes}, with arrays in {@code manager}; returns the block.
     *
     * @throws IllegalStateException    if a parameter is already initialised
     * @throws IllegalArgumentException if a parameter has a type this class does not initialise
     */
    public static <B extends Block> B initialize(B block, NDManager manager, long seed,
            Shape... inputShapes) {
        SplittableRandom seeds = new SplittableRandom(seed);
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter.isInitialized()) {
                throw new IllegalStateException("parameter " + p.getKey() + " of "
                        + block.getClass().getSimpleName() + " is already initialised; "
                        + "seeded initialisation needs a fresh block");
            }
            parameter.setInitializer(initializer(p.getKey(), parameter.getType(), seeds.nextLong()));
        }
        block.initialize(manager, DataType.FLOAT32, inputShapes);
        return block;
    }

    private static Initializer initializer(String name, Parameter.Type type, long parameterSeed) {
        return switch (type) {
            case WEIGHT -> (m, shape, dataType) -> heNormal(m, shape, dataType, name, parameterSeed);
            case BIAS, BETA, RUNNING_MEAN -> (m, shape, dataType) -> filled(m, shape, dataType, name, 0f);
            case GAMMA, RUNNING_VAR -> (m, shape, dataType) -> filled(m, shape, dataType, name, 1f);
            default -> throw new IllegalArgumentException("parameter " + name + " has type " + type
                    + ", which JavaRandomInitialization does not initialise (weights, biases, "
                    + "BatchNorm gamma/beta/running statistics only)");
        };
    }

    private static NDArray heNormal(NDManager m, Shape shape, DataType dataType, String name, long seed) {
        checkFloat(dataType, name);
        if (shape.dimension() < 2) {
            throw new IllegalArgumentException("weight " + name + " has shape " + shape
                    + "; He initialisation needs [out][in...]");
        }
        long fanIn = shape.size() / shape.get(0);
        double std = StrictMath.sqrt(2.0 / fanIn);
        float[] values = new float[Math.toIntExact(shape.size())];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < values.length; i += 2) {
            // Box-Muller: u1 in (0, 1] keeps the logarithm finite
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
            double angle = 2.0 * StrictMath.PI * u2;
            values[i] = (float) (std * radius * StrictMath.cos(angle));
            if (i + 1 < values.length) {
                values[i + 1] = (float) (std * radius * StrictMath.sin(angle));
            }
        }
        return OwnedArrays.copy(m.create(values, shape));
    }

    private static NDArray filled(NDManager m, Shape shape, DataType dataType, String name, float value) {
        checkFloat(dataType, name);
        float[] values = new float[Math.toIntExact(shape.size())];
        java.util.Arrays.fill(values, value);
        return OwnedArrays.copy(m.create(values, shape));
    }

    private static void checkFloat(DataType dataType, String name) {
        if (dataType != DataType.FLOAT32) {
            throw new IllegalArgumentException("parameter " + name + ": only float32 is initialised, got "
                    + dataType);
        }
    }
}
