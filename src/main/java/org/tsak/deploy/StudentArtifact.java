package org.tsak.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsak.data.Operations;

/**
 * Everything a deployment needs to run a trained student on a live sensor stream: the weights,
 * which channels in which order, how to window them, how to normalise them, what the outputs
 * mean, and where the model came from.
 *
 * <p>Stored as a versioned, checksummed binary file ({@link #write(Path)}, {@link #read(Path)});
 * the format is described in {@link StudentArtifactFile}. Immutable.
 *
 * @param weights        the student's parameters (batch norm not folded)
 * @param channelNames   input channels in model order, e.g. {@code right_wrist/acc_x, _y, _z}
 * @param samplingRateHz sampling rate the model was trained at, Hz
 * @param windowSamples  window length {@code L}, samples
 * @param strideSamples  stride between consecutive windows, samples
 * @param channelMeans   z-score mean per input channel, raw units
 * @param channelStds    z-score standard deviation per input channel, raw units, each &gt; 0
 * @param classIds       operation id of each output (e.g. {@link Operations#OPERATION_IDS} then Null)
 * @param classNames     human-readable name of each output
 * @param provenance     run name, seed, git commit, data fingerprint, creation time (see PROVENANCE_*)
 */
public record StudentArtifact(StudentWeights weights, List<String> channelNames, double samplingRateHz,
        int windowSamples, int strideSamples, float[] channelMeans, float[] channelStds, List<Integer> classIds,
        List<String> classNames, Map<String, String> provenance) {

    /** Provenance key: name of the training run. */
    public static final String PROVENANCE_RUN = "run";
    /** Provenance key: root seed of the run. */
    public static final String PROVENANCE_SEED = "seed";
    /** Provenance key: git commit of the code that trained the model. */
    public static final String PROVENANCE_GIT_COMMIT = "gitCommit";
    /** Provenance key: fingerprint of the training data. */
    public static final String PROVENANCE_DATA_FINGERPRINT = "dataFingerprint";
    /** Provenance key: ISO-8601 creation instant. */
    public static final String PROVENANCE_CREATED = "created";

    /**
     * Validates that the parts agree with each other.
     *
     * @throws IllegalArgumentException naming the part that does not fit
     */
    public StudentArtifact {
        if (weights == null) {
            throw new IllegalArgumentException("artifact needs weights");
        }
        channelNames = List.copyOf(channelNames);
        classIds = List.copyOf(classIds);
        classNames = List.copyOf(classNames);
        int c = weights.inputChannels();
        if (channelNames.size() != c) {
            throw new IllegalArgumentException("artifact lists " + channelNames.size() + " channel names "
                    + channelNames + " but the student takes " + c + " input channels");
        }
        if (!(samplingRateHz > 0) || !Double.isFinite(samplingRateHz)) {
            throw new IllegalArgumentException("samplingRateHz must be finite and > 0, got " + samplingRateHz);
        }
        if (windowSamples < 1 || strideSamples < 1) {
            throw new IllegalArgumentException("windowSamples and strideSamples must be >= 1, got "
                    + windowSamples + " and " + strideSamples);
        }
        channelMeans = Checks.copy("channelMeans", channelMeans, c);
        channelStds = Checks.copy("channelStds", channelStds, c);
        for (int i = 0; i < c; i++) {
            if (!(channelStds[i] > 0)) {
                throw new IllegalArgumentException("channelStds[" + i + "] (" + channelNames.get(i) + ") is "
                        + channelStds[i] + "; a z-score std must be > 0 (a constant training channel "
                        + "cannot be normalised)");
            }
        }
        int k = weights.classCount();
        if (classIds.size() != k || classNames.size() != k) {
            throw new IllegalArgumentException("student has " + k + " outputs but the artifact lists "
                    + classIds.size() + " class ids and " + classNames.size() + " class names");
        }
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /**
     * An artifact whose outputs are the OpenPack operations in class-index order
     * ({@link Operations#OPERATION_IDS}, then Null).
     */
    public static StudentArtifact forOperations(StudentWeights weights, List<String> channelNames,
            double samplingRateHz, int windowSamples, int strideSamples, float[] channelMeans,
            float[] channelStds, Map<String, String> provenance) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < Operations.CLASS_COUNT; i++) {
            ids.add(Operations.idOf(i));
        }
        return new StudentArtifact(weights, channelNames, samplingRateHz, windowSamples, strideSamples,
                channelMeans, channelStds, ids, Operations.NAMES, provenance);
    }

    /** Number of input channels. */
    public int inputChannels() {
        return channelNames.size();
    }

    /** The student's temporal context head, or null if it has none. */
    public ContextHead contextHead() {
        return weights.contextHead();
    }

    /**
     * Writes the artifact atomically (temporary file in the same folder, then rename).
     *
     * @throws IOException if the file cannot be written; earlier contents stay intact
     */
    public void write(Path file) throws IOException {
        StudentArtifactFile.write(this, file);
    }

    /**
     * Reads and verifies an artifact.
     *
     * @throws ArtifactFormatException naming the file and what is wrong (wrong magic, unsupported
     *                                 version, truncated, checksum mismatch, inconsistent content)
     * @throws IOException             if the file cannot be read
     */
    public static StudentArtifact read(Path file) throws IOException {
        return StudentArtifactFile.read(file);
    }

    @Override
    public float[] channelMeans() {
        return channelMeans.clone();
    }

    @Override
    public float[] channelStds() {
        return channelStds.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StudentArtifact a && weights.equals(a.weights) && channelNames.equals(a.channelNames)
                && Double.compare(samplingRateHz, a.samplingRateHz) == 0 && windowSamples == a.windowSamples
                && strideSamples == a.strideSamples && Arrays.equals(channelMeans, a.channelMeans)
                && Arrays.equals(channelStds, a.channelStds) && classIds.equals(a.classIds)
                && classNames.equals(a.classNames) && provenance.equals(a.provenance);
    }

    @Override
    public int hashCode() {
        int h = weights.hashCode();
        h = 31 * h + channelNames.hashCode();
        h = 31 * h + Double.hashCode(samplingRateHz);
        h = 31 * h + 31 * windowSamples + strideSamples;
        h = 31 * h + Arrays.hashCode(channelMeans);
        h = 31 * h + Arrays.hashCode(channelStds);
        h = 31 * h + classIds.hashCode();
        h = 31 * h + classNames.hashCode();
        return 31 * h + provenance.hashCode();
    }

    @Override
    public String toString() {
        return "StudentArtifact[" + channelNames + ", " + samplingRateHz + " Hz, window " + windowSamples
                + ", stride " + strideSamples + ", " + weights.convLayers() + ", " + weights.linear() + ", "
                + (weights.hasContextHead() ? weights.contextHead() + ", " : "") + provenance + "]";
    }
}
