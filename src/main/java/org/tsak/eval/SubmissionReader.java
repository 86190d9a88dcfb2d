package org.tsak.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tsak.data.DataFormatException;
import org.tsak.data.Operations;

/**
 * Reads a submission file in the OpenPack format written by {@link SubmissionWriter} (or by
 * the official toolkit): {@code {"<session key>": {"unixtime": [ms...], "prediction": [id...]}}}.
 * Other entries in a session object are ignored, as the toolkit does.
 *
 * <p>Errors are {@link DataFormatException}s naming the file and, in the column slot, the place
 * in the JSON ({@code U0209-S0500.prediction[12]}) with the offending value; a JSON syntax
 * error or a repeated key (a session, or an array within a session, given twice) names its line
 * and column. Nothing half-read is returned.
 */
public final class SubmissionReader {

    /** Refuses repeated keys: with them the file is ambiguous (Jackson would keep the last silently). */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SubmissionReader() {
    }

    /**
     * Reads every session of the file, in file order.
     *
     * @throws DataFormatException if the file is missing, not JSON or not in the submission format
     */
    public static Map<String, TimedPredictions> read(Path file) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = MAPPER.readTree(in);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, "submission file not found; check the path (a run folder holds each model's test"
                    + " predictions in this format: <model folder>/predictions.json, e.g."
                    + " fold-0/students/none/seed-0/predictions.json)");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String why = String.valueOf(e.getOriginalMessage());
            throw new DataFormatException(file, at == null ? 0 : Math.max(at.getLineNr(), 0), null, null,
                    (why.startsWith("Duplicate field") ? "a key repeats, so the file is ambiguous; keep one"
                            : "not valid JSON") + (at == null ? "" : " (column " + at.getColumnNr() + ")")
                            + ": " + why);
        } catch (IOException e) {
            throw new DataFormatException(file, "cannot read submission file: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DataFormatException(file, "a submission must be a JSON object of sessions, like"
                    + " {\"U0209-S0500\": {\"unixtime\": [...], \"prediction\": [...]}}");
        }
        Map<String, TimedPredictions> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            out.put(e.getKey(), readSession(file, e.getKey(), e.getValue()));
        }
        if (out.isEmpty()) {
            throw new DataFormatException(file, "the submission holds no sessions");
        }
        return out;
    }

    private static TimedPredictions readSession(Path file, String key, JsonNode session) {
        if (!session.isObject()) {
            throw new DataFormatException(file, 0, key, session.toString(),
                    "a session must be an object with arrays 'unixtime' and 'prediction'");
        }
        JsonNode times = array(file, key, session, "unixtime");
        JsonNode ids = array(file, key, session, "prediction");
        if (times.size() != ids.size()) {
            throw new DataFormatException(file, 0, key, null, "'unixtime' has " + times.size()
                    + " entries but 'prediction' has " + ids.size() + "; they must be parallel");
        }
        long[] timestampsMs = new long[times.size()];
        int[] operationIds = new int[ids.size()];
        for (int i = 0; i < timestampsMs.length; i++) {
            JsonNode t = times.get(i);
            if (!t.isIntegralNumber() || !t.canConvertToLong()) {
                throw new DataFormatException(file, 0, key + ".unixtime[" + i + "]", t.toString(),
                        "not an integer unixtime in ms");
            }
            timestampsMs[i] = t.longValue();
            if (i > 0 && timestampsMs[i] < timestampsMs[i - 1]) {
                throw new DataFormatException(file, 0, key + ".unixtime[" + i + "]", t.toString(),
                        "earlier than the previous time " + timestampsMs[i - 1] + "; times must be ascending");
            }
            JsonNode y = ids.get(i);
            if (!y.isIntegralNumber() || !y.canConvertToInt() || !Operations.isKnownId(y.intValue())) {
                throw new DataFormatException(file, 0, key + ".prediction[" + i + "]", y.toString(),
                        "not an OpenPack operation id; valid ids are " + Operations.OPERATION_IDS + " and "
                                + Operations.NULL_ID + " (Null)");
            }
            operationIds[i] = y.intValue();
        }
        return new TimedPredictions(timestampsMs, operationIds);
    }

    private static JsonNode array(Path file, String key, JsonNode session, String field) {
        JsonNode a = session.get(field);
        if (a == null) {
            throw new DataFormatException(file, 0, key, null, "missing array '" + field + "'");
        }
        if (!a.isArray()) {
            throw new DataFormatException(file, 0, key + "." + field, a.toString(), "must be an array");
        }
        return a;
    }
}
