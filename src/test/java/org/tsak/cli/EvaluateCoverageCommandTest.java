package org.tsak.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.data.Operations;
import org.tsak.testing.SharedDatasets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue 11, kind 1: {@code tsak evaluate --predictions --truth} on the real OpenPack session's
 * ground truth. A perfect submission with unixtime in seconds (which scored macro-F1 0.0111 with
 * exit code 0) or shifted by +9 h (0.0000, exit 0) is an error naming the cause; one covering
 * 70% of the session is scored on its covered seconds with a warning stating the coverage.
 */
class EvaluateCoverageCommandTest {

    private static final String KEY = "U0209-S0500";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private long[] seconds;
    private int[] ids;
    private Path truth;

    @BeforeEach
    void groundTruth() throws IOException {
        Path csv = SharedDatasets.openPackSampleOrSkip().resolve("U0209/annotation/openpack-operations-1hz/S0500.csv");
        List<String> lines = Files.readAllLines(csv);
        seconds = new long[lines.size() - 1];
        ids = new int[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            String[] f = lines.get(i + 1).split(",");
            seconds[i] = Long.parseLong(f[0]);
            ids[i] = Integer.parseInt(f[4]);
        }
        truth = write("truth.json", seconds.length, t -> t);
    }

    /** A submission of the first seconds of the truth, times mapped (written by hand: it may not be ms). */
    private Path write(String name, int firstSeconds, LongUnaryOperator time) throws IOException {
        ObjectNode session = JSON.createObjectNode();
        ArrayNode t = session.putArray("unixtime");
        ArrayNode y = session.putArray("prediction");
        for (int i = 0; i < firstSeconds; i++) {
            t.add(time.applyAsLong(seconds[i]));
            y.add(ids[i]);
        }
        ObjectNode root = JSON.createObjectNode();
        root.set(KEY, session);
        return Files.writeString(dir.resolve(name), JSON.writeValueAsString(root));
    }

    private CommandRunner.Result evaluate(Path predictions) {
        return CommandRunner.run("evaluate", "--predictions", predictions.toString(), "--truth", truth.toString());
    }

    @Test
    void aPerfectSubmissionScoresOneWithFullCoverage() {
        CommandRunner.Result r = evaluate(truth);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("macro-F1 1.0000  accuracy 1.0000"), r.out());
        assertTrue(r.out().contains("predictions cover 100.0% of the ground truth"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void unixtimeInSecondsIsAnErrorNamingTheUnit() throws IOException {
        CommandRunner.Result r = evaluate(write("seconds.json", seconds.length, t -> t / 1000));
        assertEquals(1, r.exitCode(), r.out());
        assertEquals("", r.out(), "no score printed");
        assertTrue(r.err().contains("session U0209-S0500: predictions cover 0.0% (0 of " + seconds.length + " s)"),
                r.err());
        assertTrue(r.err().contains("likely cause: unixtime in seconds instead of milliseconds"), r.err());
    }

    @Test
    void aNineHourShiftIsAnErrorNamingATimeZoneOffset() throws IOException {
        CommandRunner.Result r = evaluate(write("jst.json", seconds.length, t -> t + 9 * 3_600_000L));
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.err().contains("predictions cover 0.0%"), r.err());
        assertTrue(r.err().contains("likely cause: a time-zone offset: the predictions are shifted by +9 h"), r.err());
    }

    @Test
    void seventyPercentIsScoredOnItsCoveredSecondsWithAWarning() throws IOException {
        int k = seconds.length * 7 / 10;
        CommandRunner.Result r = evaluate(write("part.json", k, t -> t));
        assertEquals(0, r.exitCode(), r.err());
        int covered = k + 5; // the last prediction fills the 5 seconds after it
        assertTrue(r.err().contains(String.format(java.util.Locale.ROOT, "predictions cover %.1f%% (%d of %d s)",
                100.0 * covered / seconds.length, covered, seconds.length)), r.err());
        assertTrue(r.err().contains("likely cause: the predictions end "), r.err());
        assertTrue(r.err().contains("its " + (seconds.length - covered) + " uncovered seconds are left out of the"
                + " score"), r.err());
        long scored = Arrays.stream(ids, 0, covered).filter(id -> id != Operations.NULL_ID).count();
        assertTrue(r.out().contains("(" + scored + " scored seconds, 1 sessions"), r.out());

        CommandRunner.Result below = evaluate(write("part40.json", seconds.length * 4 / 10, t -> t));
        assertEquals(1, below.exitCode(), below.out());
        assertTrue(below.err().contains("at least 50% of each session's seconds is needed"), below.err());
    }
}
