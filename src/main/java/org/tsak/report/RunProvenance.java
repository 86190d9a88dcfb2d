package org.tsak.report;

import java.util.Map;

/**
 * The run's provenance.json: what produced the results.
 *
 * @param name            run name
 * @param seed            root seed
 * @param gitCommit       git commit of the code, or {@code unknown}
 * @param tsakVersion     TSAK version
 * @param javaVersion     Java version
 * @param djl             DJL version
 * @param engine          deep-learning engine and its version
 * @param dataFingerprint SHA-256 of the prepared data
 * @param started         ISO-8601 start time
 * @param finished        ISO-8601 end time, empty if absent
 * @param elapsedSeconds  wall-clock seconds, NaN if absent
 * @param all             every field of the file, in file order, as text
 */
public record RunProvenance(String name, long seed, String gitCommit, String tsakVersion, String javaVersion, String djl,
        String engine, String dataFingerprint, String started, String finished, double elapsedSeconds,
        Map<String, String> all) {

    /** Copies. */
    public RunProvenance {
        all = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(all));
    }
}
