package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tsak.testing.TestJvm;

/**
 * The scalar fallback of the conv kernels ({@link ConvKernels}): {@code -Dtsak.vectorKernels=false}
 * gives scalar runtimes; a misspelt value is an error naming the property; a JVM without
 * {@code jdk.incubator.vector} runs the scalar kernels, never loads {@code VectorConvKernel}, and
 * gives the logits this JVM gives.
 */
class ConvKernelsFallbackTest {

    @Test
    void thePropertyTurnsTheVectorKernelsOff() {
        assumeTrue(ConvKernels.vectorAvailable(), "JVM without jdk.incubator.vector");
        StudentArtifact a = ScalarFallbackProbe.student();
        String saved = System.getProperty(ConvKernels.PROPERTY);
        try {
            System.clearProperty(ConvKernels.PROPERTY);
            assertTrue(StudentRuntime.of(a).usesVectorKernels(), "default: vector when the module is there");
            System.setProperty(ConvKernels.PROPERTY, "false");
            StudentRuntime off = StudentRuntime.of(a);
            StudentRuntime offInt8 = StudentRuntime.quantised(a);
            assertFalse(off.usesVectorKernels());
            assertFalse(offInt8.usesVectorKernels());
            assertFalse(off.copy().usesVectorKernels(), "a copy keeps its kernels");
            System.setProperty(ConvKernels.PROPERTY, "true");
            assertTrue(StudentRuntime.quantised(a).usesVectorKernels());
            System.setProperty(ConvKernels.PROPERTY, "flase");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StudentRuntime.of(a));
            assertEquals("-Dtsak.vectorKernels is 'flase': expected true or false", e.getMessage());
        } finally {
            if (saved == null) {
                System.clearProperty(ConvKernels.PROPERTY);
            } else {
                System.setProperty(ConvKernels.PROPERTY, saved);
            }
        }
    }

    @Test
    void aJvmWithoutTheModuleRunsTheScalarKernels() throws Exception {
        Process p = TestJvm.start(ScalarFallbackProbe.class, List.of("-Xlog:class+load=info"));
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("module=false vector=false"), out);
        assertFalse(out.contains("VectorConvKernel"), "the vector kernel class was loaded");
        assertFalse(out.contains("jdk.incubator.vector"), "an incubator class was loaded");
        StudentArtifact a = ScalarFallbackProbe.student();
        float[] window = ScalarFallbackProbe.window(a);
        assertTrue(out.contains("float " + ScalarFallbackProbe.bits(StudentRuntime.of(a).logits(window)) + "\n"),
                out);
        assertTrue(out.contains("int8 " + ScalarFallbackProbe.bits(StudentRuntime.quantised(a).logits(window)) + "\n"),
                out);
    }
}
