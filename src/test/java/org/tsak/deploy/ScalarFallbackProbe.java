package org.tsak.deploy;

import java.util.Random;

/**
 * Run by {@link ConvKernelsFallbackTest} in a child JVM started without
 * {@code --add-modules jdk.incubator.vector}: builds a float32 and an int8 runtime of a fixed random
 * student and prints whether the module is there, whether the runtimes use the vector kernels, and
 * the logits of one window as float bits ({@code float <bits...>}, {@code int8 <bits...>}).
 */
public final class ScalarFallbackProbe {

    private ScalarFallbackProbe() {
    }

    /** The student and window the probe and the test share. */
    static StudentArtifact student() {
        return StudentFixtures.artifact(11, new int[] {5, 17, 33}, 5, new int[] {2, 1, 2}, new int[] {1, 2, 1}, 50);
    }

    static float[] window(StudentArtifact a) {
        return StudentFixtures.rawWindow(new Random(12), a);
    }

    public static void main(String[] args) {
        StudentArtifact a = student();
        StudentRuntime f = StudentRuntime.of(a);
        StudentRuntime q = StudentRuntime.quantised(a);
        System.out.println("module=" + ConvKernels.vectorAvailable() + " vector=" + (f.usesVectorKernels()
                || q.usesVectorKernels()));
        System.out.println("float " + bits(f.logits(window(a))));
        System.out.println("int8 " + bits(q.logits(window(a))));
    }

    static String bits(float[] v) {
        StringBuilder s = new StringBuilder();
        for (float x : v) {
            s.append(s.length() == 0 ? "" : " ").append(Float.floatToIntBits(x));
        }
        return s.toString();
    }
}
