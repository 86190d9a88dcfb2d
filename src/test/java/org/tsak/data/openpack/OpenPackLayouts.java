package org.tsak.data.openpack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.tsak.testing.ScratchDir;
import org.tsak.testing.SharedDatasets;

/**
 * Small OpenPack sessions held in memory as {@code relative path -> bytes}, for fuzz tests to
 * damage and write to a scratch folder: the synthetic {@link OpenPackFixture} session, and the
 * head of the real sample's U0209/S0500 (never written into the repository).
 */
final class OpenPackLayouts {

    /** User and session of both layouts. */
    static final String USER = "U0209";
    static final String SESSION = "S0500";

    private OpenPackLayouts() {
    }

    /** The synthetic fixture session: four ATRs of 100 rows, E4 streams, annotations. */
    static Map<String, byte[]> synthetic() {
        try (ScratchDir dir = ScratchDir.create("openpack-fixture")) {
            OpenPackFixture.writeSession(dir.root(), USER, SESSION);
            Map<String, byte[]> out = new LinkedHashMap<>();
            try (Stream<Path> s = Files.walk(dir.root())) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    out.put(dir.root().relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first {@code atrRows} rows of each ATR file of the real sample's U0209/S0500, the E4
     * rows and 1 Hz seconds up to one second past the last ATR time, and the operation segments
     * starting before it; empty when the sample is absent.
     */
    static Optional<Map<String, byte[]>> sampleHead(int atrRows) {
        Optional<Path> root = SharedDatasets.openPackSample();
        if (root.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path user = root.get().resolve(USER);
            String f = SESSION + ".csv";
            Map<String, byte[]> out = new LinkedHashMap<>();
            long endMs = Long.MIN_VALUE;
            for (int n = 1; n <= 4; n++) {
                List<String> lines = head(user.resolve("atr/atr0" + n).resolve(f), atrRows + 1);
                endMs = Math.max(endMs, Long.parseLong(lines.get(lines.size() - 1).split(",")[0]));
                out.put(USER + "/atr/atr0" + n + "/" + f, bytes(lines));
            }
            long until = endMs + 1000;
            for (String stream : List.of("acc", "bvp", "eda", "temp")) {
                out.put(USER + "/e4/e401/" + stream + "/" + f,
                        bytes(rowsUntil(user.resolve("e4/e401/" + stream).resolve(f), until)));
            }
            List<String> ops = Files.readAllLines(user.resolve("annotation/openpack-operations").resolve(f),
                    StandardCharsets.UTF_8);
            int start = CsvFields.split(ops.get(0)).indexOf("start");
            List<String> kept = new ArrayList<>(List.of(ops.get(0)));
            for (String line : ops.subList(1, ops.size())) {
                String t = CsvFields.split(line).get(start);
                if (OffsetDateTime.parse(t.replace(' ', 'T')).toInstant().toEpochMilli() <= endMs) {
                    kept.add(line);
                }
            }
            out.put(USER + "/annotation/openpack-operations/" + f, bytes(kept));
            out.put(USER + "/annotation/openpack-operations-1hz/" + f,
                    bytes(rowsUntil(user.resolve("annotation/openpack-operations-1hz").resolve(f), until)));
            return Optional.of(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> head(Path file, int lines) throws IOException {
        try (Stream<String> s = Files.lines(file, StandardCharsets.UTF_8)) {
            return s.limit(lines).toList();
        }
    }

    /** The header and the rows whose first field (a time in ms) is at most {@code untilMs}. */
    private static List<String> rowsUntil(Path file, long untilMs) throws IOException {
        try (Stream<String> s = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> out = new ArrayList<>();
            for (String line : (Iterable<String>) s::iterator) {
                if (!out.isEmpty() && Long.parseLong(line.substring(0, line.indexOf(','))) > untilMs) {
                    break;
                }
                out.add(line);
            }
            return out;
        }
    }

    private static byte[] bytes(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
