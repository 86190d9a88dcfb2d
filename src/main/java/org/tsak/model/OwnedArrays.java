package org.tsak.model;

import java.lang.reflect.Field;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Copies of arrays made from Java data into memory PyTorch allocates itself.
 *
 * <p>Why: DJL 0.36's {@code NDManager.create(float[])} and its parameter decoding wrap a Java
 * direct buffer of exactly the array's size ({@code torch::from_blob}, no copy). Computations over
 * such arrays gave results that depended on the contents of neighbouring freed native memory:
 * which direct buffers the JVM's garbage collector had freed, and glibc's {@code MALLOC_PERTURB_}
 * fill, changed a stage's weights for the same config and seed (a teacher and semantic classifier
 * trained after other work in the same JVM differed from the same stages in a fresh one). Arrays
 * PyTorch allocates (its 64-byte aligned, padded allocator) do not show it, so every array made
 * from Java data that a model computes with is copied into one (cost: one copy per batch).
 */
public final class OwnedArrays {

    private static final Field PARAMETER_ARRAY;

    static {
        try {
            PARAMETER_ARRAY = Parameter.class.getDeclaredField("array");
            PARAMETER_ARRAY.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError("DJL's Parameter has no field 'array' (DJL version changed?): " + e);
        }
    }

    private OwnedArrays() {
    }

    /** A PyTorch-allocated copy of {@code a}, in {@code a}'s manager; {@code a} is closed. */
    public static NDArray copy(NDArray a) {
        try (a) {
            return a.duplicate();
        }
    }

    /**
     * Replaces every initialised parameter array of {@code block} by a PyTorch-allocated copy
     * (after DJL decoded saved weights into Java-backed arrays); gradients are re-attached where
     * the parameter requires them. Call before any trainer caches the parameter arrays.
     */
    public static void own(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            NDArray old = parameter.getArray();
            if (old == null) {
                continue;
            }
            NDArray copy = old.duplicate();
            copy.setName(old.getName());
            try {
                PARAMETER_ARRAY.set(parameter, copy);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot replace the array of parameter " + p.getKey(), e);
            }
            if (parameter.requiresGradient()) {
                copy.setRequiresGradient(true);
            }
            old.close();
        }
    }
}
