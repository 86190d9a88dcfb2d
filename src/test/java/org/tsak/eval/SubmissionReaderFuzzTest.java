package org.tsak.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

import org.opentest4j.AssertionFailedError;
import org.tsak.data.DataFormatException;
import org.tsak.data.Operations;
import org.tsak.testing.Corruption;
import org.tsak.testing.Corruptions;
import org.tsak.testing.FuzzOracle;
import org.tsak.testing.FuzzTally;
import org.tsak.testing.ScratchDir;

/**
 * Property-based fuzzing of {@link SubmissionReader}: a two-session OpenPack submission (one
 * session with an array element per line, one with each array on one line) is damaged by one to
 * three {@link Corruption}s. The read must fail with a {@link DataFormatException} naming the
 * file (and a line inside it), or return sessions whose times never go backwards, whose ids are
 * OpenPack ids and whose sizes fit the file; a file with a repeated key (ambiguous: which value
 * counts?) must fail. 200 tries with a fixed seed by default, 2,000 with a random seed under the
 * {@code fuzz} tag.
 */
class SubmissionReaderFuzzTest {

    private static final byte[] BASE = base();
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final FuzzTally TALLY = new FuzzTally("SubmissionReader", "different from the undamaged file");

    @AfterContainer
    static void printTally() {
        TALLY.print();
    }

    @Property(tries = 200, seed = "20261125")
    void damagedSubmissionFailsClearlyOrReadsValid(@ForAll("corruptions") List<Corruption> corruptions)
            throws IOException {
        readDamaged(corruptions);
    }

    @Property(tries = 2000)
    @Tag("fuzz")
    void damagedSubmissionFailsClearlyOrReadsValidFuzz(@ForAll("corruptions") List<Corruption> corruptions)
            throws IOException {
        readDamaged(corruptions);
    }

    @Provide
    Arbitrary<List<Corruption>> corruptions() {
        return Corruptions.forStructuredText();
    }

    private static void readDamaged(List<Corruption> corruptions) throws IOException {
        byte[] damaged = Corruptions.applyAll(corruptions, BASE);
        try (ScratchDir dir = ScratchDir.create("submission")) {
            Path file = dir.write("submission.json", damaged);
            FuzzOracle.Outcome<Map<String, TimedPredictions>> o = FuzzOracle.attempt(() -> SubmissionReader.read(file));
            if (o.error() != null) {
                FuzzOracle.assertClearError(o.error(), DataFormatException.class, file.toString(),
                        FuzzOracle.maxLines(damaged));
                TALLY.error();
                return;
            }
            assertTrue(!hasDuplicateKeys(damaged), "a submission with a repeated key was read without an error");
            long maxEntries = FuzzOracle.maxLines(damaged) + damaged.length;
            for (Map.Entry<String, TimedPredictions> e : o.value().entrySet()) {
                TimedPredictions p = e.getValue();
                if (p.size() > maxEntries) {
                    throw new AssertionFailedError(e.getKey() + " has " + p.size() + " predictions from "
                            + damaged.length + " bytes");
                }
                for (int i = 0; i < p.size(); i++) {
                    if ((i > 0 && p.timestampMs(i) < p.timestampMs(i - 1)) || !Operations.isKnownId(p.operationId(i))) {
                        throw new AssertionFailedError(e.getKey() + " prediction " + i + " at " + p.timestampMs(i)
                                + " ms is " + p.operationId(i));
                    }
                }
            }
            TALLY.valid(!o.value().equals(SubmissionReader.read(dir.write("whole.json", BASE))));
        }
    }

    private static boolean hasDuplicateKeys(byte[] json) {
        try {
            STRICT.readTree(json);
            return false;
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().startsWith("Duplicate field");
        }
    }

    /** Two sessions of 1 Hz predictions: U0209-S0500 one element per line, U0209-S0400 one array per line. */
    private static byte[] base() {
        Random r = new Random(5);
        StringBuilder sb = new StringBuilder("{\n  \"U0209-S0500\": {\n    \"unixtime\": [\n");
        int n = 40;
        for (int i = 0; i < n; i++) {
            sb.append("      ").append(1648531522000L + 1000L * i).append(i + 1 < n ? ",\n" : "\n");
        }
        sb.append("    ],\n    \"prediction\": [\n");
        for (int i = 0; i < n; i++) {
            sb.append("      ").append(id(r)).append(i + 1 < n ? ",\n" : "\n");
        }
        sb.append("    ]\n  },\n  \"U0209-S0400\": {\n    \"unixtime\": [");
        for (int i = 0; i < n; i++) {
            sb.append(1648531000000L + 1000L * i).append(i + 1 < n ? ", " : "");
        }
        sb.append("],\n    \"prediction\": [");
        for (int i = 0; i < n; i++) {
            sb.append(id(r)).append(i + 1 < n ? ", " : "");
        }
        sb.append("]\n  }\n}\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int id(Random r) {
        return Operations.idOf(r.nextInt(Operations.CLASS_COUNT));
    }
}
