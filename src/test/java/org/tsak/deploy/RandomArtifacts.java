package org.tsak.deploy;

import java.util.List;
import java.util.Map;

/** Random-weight artifacts for tests outside this package (wraps {@link StudentFixtures}). */
public final class RandomArtifacts {

    private RandomArtifacts() {
    }

    /**
     * A random OpenPack student (3 -> 16 -> 32 channels, k = 5, 11 classes) on the right wrist's
     * accelerometer with realistic normalisation.
     */
    public static StudentArtifact rightWristAcc(long seed, double samplingRateHz, int windowSamples,
            int strideSamples) {
        return rightWristAcc(seed, samplingRateHz, windowSamples, strideSamples, StudentFixtures.DEFAULT_CONV_CHANNELS);
    }

    /** As {@link #rightWristAcc(long, double, int, int)} with chosen conv widths (small = fast). */
    public static StudentArtifact rightWristAcc(long seed, double samplingRateHz, int windowSamples,
            int strideSamples, int[] convChannels) {
        StudentWeights w = StudentFixtures.randomWeights(seed, 3, convChannels, StudentFixtures.DEFAULT_KERNEL, 11);
        return StudentArtifact.forOperations(w, List.of("right_wrist/acc_x", "right_wrist/acc_y", "right_wrist/acc_z"),
                samplingRateHz, windowSamples, strideSamples, StudentFixtures.MEANS_G, StudentFixtures.STDS_G,
                Map.of(StudentArtifact.PROVENANCE_RUN, "stream-test"));
    }

    /** {@code a} with a random temporal context head of {@code steps} windows and projection {@code h}. */
    public static StudentArtifact withContextHead(StudentArtifact a, long seed, int steps, int h) {
        return StudentFixtures.withHead(a, StudentFixtures.randomHead(seed, steps, a.weights().representationSize(), h,
                a.weights().classCount()));
    }
}
