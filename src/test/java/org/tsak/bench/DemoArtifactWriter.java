package org.tsak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentArtifactFile;
import org.tsak.model.StudentSpec;

import ai.djl.ndarray.NDManager;

/**
 * Writes the benchmarks' student ({@link DemoStudent}: the DJL-initialised demo student, seed 1,
 * identity normalisation) as an artifact file, so that a JVM which must not load PyTorch (the
 * ONNX Runtime benchmark, {@link StudentOrtBenchmark}) gets the same weights by reading the file.
 * Run by that benchmark in a child JVM: {@code java -cp ... org.tsak.bench.DemoArtifactWriter FILE}.
 */
public final class DemoArtifactWriter {

    private DemoArtifactWriter() {
    }

    /** Writes the artifact to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DemoArtifactWriter FILE (the artifact to write)");
        }
        StudentSpec spec = DemoStudent.spec();
        StudentArtifact artifact;
        try (NDManager m = NDManager.newBaseManager()) {
            artifact = DemoStudent.artifact(DemoStudent.block(spec, m, 1), spec);
        }
        Files.write(Path.of(args[0]), StudentArtifactFile.encode(artifact));
    }
}
