package org.tsak.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors the commands print speak of files, commands and fields, not of Java classes
 * ({@code StudentArtifact.write}, {@code SubmissionWriter}) or commands that do not exist.
 */
class UserTermsMessagesTest {

    /** A Java-looking type name: two capitalised words run together, e.g. SubmissionWriter. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[A-Z][a-z]+[A-Z][a-z]+[A-Za-z]*\\b");

    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotAnArtifactNamesTheExportCommand() throws Exception {
        Path notModel = dir.resolve("model.tsak");
        Files.writeString(notModel, "hello");
        CommandRunner.Result r = CommandRunner.run("stream", "--model", notModel.toString(), "--input",
                notModel.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("tsak export --format tsak"), r.err());
        assertFalse(CLASS_NAME.matcher(r.err()).find(), r.err());
    }

    @Test
    void aMissingSubmissionFileSaysWherePredictionsLive() throws Exception {
        Path truth = dir.resolve("truth.json");
        Files.writeString(truth, "{}");
        CommandRunner.Result r = CommandRunner.run("evaluate", "--predictions", dir.resolve("none.json").toString(),
                "--truth", truth.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("predictions.json"), r.err());
        assertFalse(r.err().contains("tsak predict"), r.err());
        assertFalse(CLASS_NAME.matcher(r.err()).find(), r.err());
    }
}
