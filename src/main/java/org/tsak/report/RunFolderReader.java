package org.tsak.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.tsak.data.DataFormatException;
import org.tsak.eval.ComparisonRow;
import org.tsak.eval.ComparisonTable;
import org.tsak.eval.FoldScores;
import org.tsak.eval.PairedComparison;
import org.tsak.eval.SubmissionReader;
import org.tsak.eval.TimedPredictions;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads a run folder written by {@code tsak experiment} (layout in docs/RUN_FOLDER.md) into a
 * {@link RunFolder}: table.json, provenance.json, config.yaml (as text), data.json,
 * ground-truth.json and every model's metrics.json and predictions.json, in the single-fold
 * layout or the {@code fold-<k>/} layout of leave-one-subject-out.
 *
 * <p>Every problem is a {@link DataFormatException} naming the file (and, for a JSON syntax
 * error, its line), the field at fault and what to do. A missing table.json usually means the
 * run is still going or failed: the table is written last, and the message says so.
 * ground-truth.json is optional (run folders written before it existed lack it); a fold
 * without it simply has no entry in {@link RunFolder#groundTruth()}.
 */
public final class RunFolderReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFolderReader() {
    }

    /**
     * Reads the whole run folder.
     *
     * @throws DataFormatException if the folder, a required file or a required field is missing or malformed
     */
    public static RunFolder read(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            throw new DataFormatException(runDir, "run folder not found; pass the folder `tsak experiment`"
                    + " wrote (runs/<name> or its --out)");
        }
        Path tableFile = runDir.resolve("table.json");
        if (!Files.exists(tableFile)) {
            throw new DataFormatException(tableFile, "table.json not found: the comparison table is written"
                    + " last, so this run is still going, or it stopped before finishing; wait for it to end or"
                    + " rerun `tsak experiment`");
        }
        ComparisonTable table = table(tableFile, json(tableFile));
        RunProvenance provenance = provenance(runDir.resolve("provenance.json"));
        String config = text(runDir.resolve("config.yaml"));
        DataSummary data = data(runDir.resolve("data.json"));
        List<String> strategyOrder = table.rows().stream().filter(r -> r.model().equals("student"))
                .map(ComparisonRow::strategy).toList();
        Map<Integer, Path> folds = foldDirs(runDir);
        Map<Integer, Map<String, TimedPredictions>> truth = new TreeMap<>();
        List<ModelResult> models = new ArrayList<>();
        for (Map.Entry<Integer, Path> fold : folds.entrySet()) {
            Path dir = fold.getValue();
            Path gt = dir.resolve("ground-truth.json");
            if (Files.exists(gt)) {
                truth.put(fold.getKey(), SubmissionReader.read(gt));
            }
            models.add(model(dir.resolve("teacher")));
            models.add(model(dir.resolve("semantic-classifier")));
            for (Path strategyDir : studentDirs(dir.resolve("students"), strategyOrder)) {
                for (Path seedDir : numbered(strategyDir, "seed-").values()) {
                    models.add(model(seedDir));
                }
            }
        }
        return new RunFolder(runDir, table, provenance, config, data, truth, models);
    }

    /**
     * Reads one model folder's metrics.json and predictions.json.
     *
     * @throws DataFormatException if either is missing or malformed
     */
    public static ModelResult model(Path dir) {
        Path metricsFile = dir.resolve("metrics.json");
        ModelMetrics metrics = metrics(metricsFile, json(metricsFile));
        Path predictionsFile = dir.resolve("predictions.json");
        if (!Files.exists(predictionsFile)) {
            throw new DataFormatException(predictionsFile, "predictions.json not found beside metrics.json;"
                    + " the model's results are incomplete: rerun `tsak experiment`");
        }
        return new ModelResult(dir, metrics, SubmissionReader.read(predictionsFile));
    }

    /**
     * Parses table.json. Cost fields may be {@code null} (classical baselines: params and FLOPs
     * become -1, the others NaN); {@code comparisons} and {@code folds} are optional (tables
     * written before they existed have neither).
     */
    static ComparisonTable table(Path file, JsonNode root) {
        List<ComparisonRow> rows = new ArrayList<>();
        JsonNode rowsNode = field(file, root, "rows");
        if (!rowsNode.isArray() || rowsNode.isEmpty()) {
            throw new DataFormatException(file, 0, "rows", rowsNode.toString(), "needs a non-empty array of rows");
        }
        for (int i = 0; i < rowsNode.size(); i++) {
            JsonNode r = rowsNode.get(i);
            String at = "rows[" + i + "].";
            rows.add(new ComparisonRow(string(file, r, "model", at), string(file, r, "strategy", at),
                    (int) number(file, r, "seeds", at), number(file, r, "macroF1", at),
                    number(file, r, "macroF1Std", at), number(file, r, "accuracy", at),
                    number(file, r, "accuracyStd", at), nullableCount(file, r, "params", at),
                    nullableCount(file, r, "flops", at), nullableNumber(file, r, "latencyP50Micros", at),
                    nullableNumber(file, r, "latencyP95Micros", at),
                    nullableNumber(file, r, "throughputPerSecond", at), nullableNumber(file, r, "speedUp", at),
                    nullableNumber(file, r, "paramRatio", at), nullableNumber(file, r, "flopRatio", at),
                    nullableNumber(file, r, "f1DeltaVsNoKd", at)));
        }
        List<PairedComparison> comparisons = new ArrayList<>();
        JsonNode cs = root.get("comparisons");
        if (cs != null && !cs.isNull()) {
            if (!cs.isArray()) {
                throw new DataFormatException(file, 0, "comparisons", cs.toString(), "expected an array");
            }
            for (int i = 0; i < cs.size(); i++) {
                JsonNode c = cs.get(i);
                String at = "comparisons[" + i + "].";
                comparisons.add(new PairedComparison(string(file, c, "candidate", at),
                        string(file, c, "reference", at), (int) number(file, c, "pairs", at),
                        nullableNumber(file, c, "meanDelta", at), nullableNumber(file, c, "stdDelta", at),
                        nullableNumber(file, c, "ciLow", at), nullableNumber(file, c, "ciHigh", at),
                        nullableNumber(file, c, "wilcoxonP", at), (int) number(file, c, "wins", at),
                        (int) number(file, c, "ties", at), (int) number(file, c, "losses", at)));
            }
        }
        List<FoldScores> folds = new ArrayList<>();
        JsonNode fs = root.get("folds");
        if (fs != null && !fs.isNull()) {
            if (!fs.isArray()) {
                throw new DataFormatException(file, 0, "folds", fs.toString(), "expected an array");
            }
            for (int i = 0; i < fs.size(); i++) {
                JsonNode f = fs.get(i);
                String at = "folds[" + i + "].";
                JsonNode byModel = f.get("macroF1ByModel");
                if (byModel == null || !byModel.isObject()) {
                    throw new DataFormatException(file, 0, at + "macroF1ByModel",
                            byModel == null ? null : byModel.toString(), "expected an object of model label to"
                                    + " macro-F1");
                }
                Map<String, Double> scores = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : byModel.properties()) {
                    scores.put(e.getKey(), nullableNumber(file, byModel, e.getKey(), at + "macroF1ByModel."));
                }
                folds.add(new FoldScores(string(file, f, "fold", at), string(file, f, "heldOut", at), scores));
            }
        }
        List<String> notes = new ArrayList<>();
        JsonNode notesNode = root.get("notes");
        if (notesNode != null && notesNode.isArray()) {
            notesNode.forEach(n -> notes.add(n.asText()));
        }
        return new ComparisonTable(string(file, root, "title", ""), rows, comparisons, folds, notes);
    }

    /** Parses one metrics.json. */
    static ModelMetrics metrics(Path file, JsonNode m) {
        String model = string(file, m, "model", "");
        boolean student = model.equals("student");
        Map<Integer, Double> perClass = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object(file, m, "perClassF1").properties()) {
            try {
                perClass.put(Integer.parseInt(e.getKey()), e.getValue().asDouble());
            } catch (NumberFormatException ex) {
                throw new DataFormatException(file, 0, "perClassF1", e.getKey(), "keys must be operation ids");
            }
        }
        Map<String, Double> perSession = new LinkedHashMap<>();
        JsonNode sessions = m.get("perSessionMacroF1");
        if (sessions != null && sessions.isObject()) {
            sessions.properties().forEach(e -> perSession.put(e.getKey(), e.getValue().asDouble()));
        }
        JsonNode confusion = object(file, m, "confusion");
        JsonNode rows = field(file, confusion, "rowsTruthColumnsPrediction");
        JsonNode ids = field(file, confusion, "classIds");
        if (!rows.isArray() || !ids.isArray() || rows.size() != ids.size()) {
            throw new DataFormatException(file, 0, "confusion", null, "rowsTruthColumnsPrediction and classIds"
                    + " must be arrays of equal length (one row per class)");
        }
        long[][] counts = new long[rows.size()][];
        List<Integer> classIds = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            if (!row.isArray() || row.size() != ids.size()) {
                throw new DataFormatException(file, 0, "confusion.rowsTruthColumnsPrediction[" + i + "]",
                        row.toString(), "each row needs " + ids.size() + " counts");
            }
            counts[i] = new long[row.size()];
            for (int j = 0; j < row.size(); j++) {
                counts[i][j] = row.get(j).asLong();
            }
            classIds.add(ids.get(i).asInt());
        }
        List<EpochPoint> history = new ArrayList<>();
        JsonNode h = field(file, m, "history");
        for (int i = 0; i < h.size(); i++) {
            JsonNode e = h.get(i);
            String at = "history[" + i + "].";
            history.add(new EpochPoint((int) number(file, e, "epoch", at), number(file, e, "trainLoss", at),
                    number(file, e, "validationF1", at), optionalNumber(e, "windowsPerSecond"),
                    optionalNumber(e, "seconds")));
        }
        return new ModelMetrics(model, m.path("fold").asInt(0), student ? string(file, m, "strategy", "") : "-",
                student ? (int) number(file, m, "seed", "") : -1, m.path("loss").asText(""),
                (int) number(file, m, "bestEpoch", ""), number(file, m, "bestValidationF1", ""),
                number(file, m, "macroF1", ""), number(file, m, "accuracy", ""), optionalNumber(m, "weightedF1"),
                (long) number(file, m, "scoredSeconds", ""), perClass, perSession, counts, classIds, history);
    }

    private static RunProvenance provenance(Path file) {
        JsonNode p = json(file);
        Map<String, String> all = new LinkedHashMap<>();
        p.properties().forEach(e -> all.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText()
                : e.getValue().toString()));
        return new RunProvenance(string(file, p, "name", ""), (long) number(file, p, "seed", ""),
                p.path("gitCommit").asText("unknown"), p.path("tsakVersion").asText(""), p.path("java").asText(""),
                p.path("djl").asText(""), p.path("engine").asText(""), string(file, p, "dataFingerprint", ""),
                p.path("started").asText(""), p.path("finished").asText(""), optionalNumber(p, "elapsedSeconds"),
                all);
    }

    private static DataSummary data(Path file) {
        JsonNode d = json(file);
        return new DataSummary(string(file, d, "fingerprint", ""), (int) number(file, d, "windows", ""),
                (int) number(file, d, "windowSamples", ""), strings(d.get("teacherChannels")),
                strings(d.get("studentChannels")), strings(d.get("folds")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** fold index to folder: the fold-<k> folders if any, else the run folder itself as fold 0. */
    private static Map<Integer, Path> foldDirs(Path runDir) {
        Map<Integer, Path> folds = numbered(runDir, "fold-");
        return folds.isEmpty() ? Map.of(0, runDir) : folds;
    }

    private static List<Path> studentDirs(Path studentsDir, List<String> strategyOrder) {
        if (!Files.isDirectory(studentsDir)) {
            throw new DataFormatException(studentsDir, "students folder not found; the table lists students"
                    + " " + strategyOrder + ", so the run folder is incomplete: rerun `tsak experiment`");
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(studentsDir)) {
            dirs = new ArrayList<>(s.filter(Files::isDirectory).toList());
        } catch (IOException e) {
            throw new DataFormatException(studentsDir, "cannot list: " + e.getMessage());
        }
        for (String strategy : strategyOrder) {
            if (dirs.stream().noneMatch(d -> d.getFileName().toString().equals(strategy))) {
                throw new DataFormatException(studentsDir.resolve(strategy), "the table lists strategy '"
                        + strategy + "' but its folder is missing: the run folder is incomplete");
            }
        }
        dirs.sort(Comparator.comparingInt((Path d) -> {
            int i = strategyOrder.indexOf(d.getFileName().toString());
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(d -> d.getFileName().toString()));
        return dirs;
    }

    /** Subfolders named prefix + number, by number. */
    private static Map<Integer, Path> numbered(Path dir, String prefix) {
        Map<Integer, Path> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isDirectory).forEach(p -> {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && n.substring(prefix.length()).matches("\\d+")) {
                    out.put(Integer.parseInt(n.substring(prefix.length())), p);
                }
            });
        } catch (IOException e) {
            throw new DataFormatException(dir, "cannot list: " + e.getMessage());
        }
        return out;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, "file not found; the run folder is incomplete: rerun"
                    + " `tsak experiment`");
        } catch (IOException e) {
            throw new DataFormatException(file, "cannot read: " + e.getMessage());
        }
    }

    private static JsonNode json(Path file) {
        String text = text(file);
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject()) {
                throw new DataFormatException(file, "expected a JSON object; the file is empty or damaged:"
                        + " rerun `tsak experiment`");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DataFormatException(file, at == null ? 0 : Math.max(at.getLineNr(), 0), null, null,
                    "not valid JSON" + (at == null ? "" : " (column " + at.getColumnNr() + ")") + ": "
                            + e.getOriginalMessage());
        }
    }

    private static JsonNode field(Path file, JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new DataFormatException(file, 0, name, null, "required field is missing");
        }
        return v;
    }

    private static JsonNode object(Path file, JsonNode node, String name) {
        JsonNode v = field(file, node, name);
        if (!v.isObject()) {
            throw new DataFormatException(file, 0, name, v.toString(), "expected a JSON object");
        }
        return v;
    }

    private static String string(Path file, JsonNode node, String name, String at) {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual()) {
            throw new DataFormatException(file, 0, at + name, v == null ? null : v.toString(),
                    v == null ? "required field is missing" : "expected a string");
        }
        return v.asText();
    }

    private static double number(Path file, JsonNode node, String name, String at) {
        JsonNode v = node.get(name);
        if (v == null || !v.isNumber()) {
            throw new DataFormatException(file, 0, at + name, v == null ? null : v.toString(),
                    v == null ? "required field is missing" : "expected a number");
        }
        return v.asDouble();
    }

    /** A number that may be null or absent (NaN then); anything else but a number is an error. */
    private static double nullableNumber(Path file, JsonNode node, String name, String at) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new DataFormatException(file, 0, at + name, v.toString(), "expected a number or null");
        }
        return v.asDouble();
    }

    /** A count that may be null (unknown: -1); anything else but a number is an error. */
    private static long nullableCount(Path file, JsonNode node, String name, String at) {
        JsonNode v = node.get(name);
        if (v != null && v.isNull()) {
            return -1;
        }
        return (long) number(file, node, name, at);
    }

    private static double optionalNumber(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }
}
