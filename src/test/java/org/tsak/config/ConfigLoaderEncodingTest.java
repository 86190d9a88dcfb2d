package org.tsak.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression test for a bug found by {@link ConfigLoaderFuzzTest}: a config holding bytes that
 * are not UTF-8 (a Latin-1 'é', a UTF-16 file) escaped from {@link ConfigLoader#load} as a bare
 * {@code MalformedInputException: Input length = 1}, naming neither file nor line, instead of the
 * documented {@link IllegalArgumentException}.
 */
class ConfigLoaderEncodingTest {

    @TempDir
    Path dir;

    @Test
    void aLatin1ByteFailsNamingFileAndLine() throws IOException {
        Path f = dir.resolve("latin1.yaml");
        byte[] text = "name: demo\nseed: 42\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(f, text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f));
        assertTrue(e.getMessage().startsWith(f + " line 3: bytes that are not UTF-8"), e.getMessage());
    }

    @Test
    void aUtf16FileFailsOnLineOne() throws IOException {
        Path f = dir.resolve("utf16.yaml");
        Files.write(f, "name: demo\n".getBytes(StandardCharsets.UTF_16));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f));
        assertTrue(e.getMessage().startsWith(f + " line 1: ") && e.getMessage().contains("UTF-16"), e.getMessage());
    }
}
