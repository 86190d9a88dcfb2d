package org.tsak.train;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.tsak.config.ExperimentConfig;

import ai.djl.engine.Engine;

/**
 * Where a run's numbers came from: seed, thread counts, versions (Java, DJL, PyTorch), git
 * commit, data fingerprint, machine, and timing. Written as {@code provenance.json}.
 *
 * @param fields ordered key/value pairs
 */
record Provenance(Map<String, Object> fields) {

    static Provenance collect(ExperimentConfig config, String dataFingerprint) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", config.name());
        m.put("seed", config.seed());
        m.put("started", Instant.now().toString());
        m.put("dataFingerprint", dataFingerprint);
        m.put("gitCommit", gitCommit());
        m.put("tsakVersion", String.valueOf(Provenance.class.getPackage().getImplementationVersion()));
        m.put("java", System.getProperty("java.version"));
        m.put("djl", Engine.getDjlVersion());
        m.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        m.put("pytorchThreads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        m.put("exclusiveStageThreads", LocalExecutor.exclusiveThreads());
        m.put("pytorchInteropThreads", System.getProperty("ai.djl.pytorch.num_interop_threads", "default"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        return new Provenance(m);
    }

    /** Keeps the start time recorded in an earlier provenance file of the run, if any. */
    Provenance startedAt(java.nio.file.Path earlier) {
        try {
            if (java.nio.file.Files.isRegularFile(earlier)) {
                String started = new com.fasterxml.jackson.databind.ObjectMapper().readTree(earlier.toFile())
                        .path("started").asText("");
                if (!started.isEmpty()) {
                    Map<String, Object> m = new LinkedHashMap<>(fields);
                    m.put("started", started);
                    return new Provenance(m);
                }
            }
        } catch (java.io.IOException e) {
            // an unreadable earlier file: keep this run's own start time
        }
        return this;
    }

    Provenance finished(long elapsedMs) {
        Map<String, Object> m = new LinkedHashMap<>(fields);
        m.put("finished", Instant.now().toString());
        m.put("elapsedSeconds", elapsedMs / 1000.0);
        return new Provenance(m);
    }

    Map<String, Object> toMap() {
        return fields;
    }

    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
                return out;
            }
        } catch (java.io.IOException e) {
            return "unknown (git not available)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown (not a git checkout)";
    }
}
