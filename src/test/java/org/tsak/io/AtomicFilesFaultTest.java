package org.tsak.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.testing.TmpfsMount;
import org.tsak.testing.Unprivileged;

/**
 * The machine's faults, for real: a full disk (a 300 kB tmpfs) and a folder the writing user
 * may not write (the write runs as nobody). The error names the file and the cause in plain
 * words; the file's earlier contents are intact and no temporary file is left behind.
 */
class AtomicFilesFaultTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskNamesTheFileAndTheBytesNeededAndKeepsTheEarlierFile() throws Exception {
        Path mnt = Files.createDirectory(dir.resolve("small"));
        try (TmpfsMount tmpfs = TmpfsMount.mountOrSkip(mnt, "300k")) {
            Path file = mnt.resolve("weights.params");
            byte[] good = new byte[1024];
            java.util.Arrays.fill(good, (byte) 7);
            AtomicFiles.write(file, good);
            IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, new byte[400 * 1024]));
            Matcher m = Pattern.compile(Pattern.quote("disk full while writing " + file + ": 409,600 bytes needed, ")
                    + "([0-9,]+)" + Pattern.quote(" free on " + mnt + "; free some space and run the command again"
                    + " (with --resume for a run) (earlier contents, if any, are intact)")).matcher(e.getMessage());
            assertTrue(m.matches(), e.getMessage());
            assertTrue(Long.parseLong(m.group(1).replace(",", "")) < 300 * 1024, e.getMessage());
            assertArrayEquals(good, Files.readAllBytes(file), "earlier contents intact");
            assertEquals(List.of(file), list(mnt), "no temporary file left");

            Path streamed = mnt.resolve("targets.bin");
            IOException s = assertThrows(IOException.class, () -> AtomicFiles.write(streamed, out -> {
                byte[] chunk = new byte[8192];
                for (int i = 0; i < 64; i++) {
                    out.write(chunk);
                }
            }));
            assertTrue(s.getMessage().startsWith("disk full while writing " + streamed + ": more than "), s.getMessage());
            assertTrue(s.getMessage().contains(" bytes needed"), s.getMessage());
            assertEquals(List.of(file), list(mnt));

            tmpfs.resize("2m");
            AtomicFiles.write(file, new byte[400 * 1024]);
            assertEquals(400 * 1024, Files.size(file), "once space is back the same write succeeds");
        }
    }

    @Test
    void aFolderTheUserMayNotWriteNamesTheFileTheOwnerAndTheMode() throws Exception {
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.setPosixFilePermissions(results, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = results.resolve("table.md");
        Files.writeString(file, "old");
        Unprivileged.Result r = Unprivileged.run(AtomicWriteProbe.class, 60, file.toString());
        assertEquals(3, r.exitCode(), r.out());
        assertEquals(String.format(Locale.ROOT, "cannot write %s: permission denied (%s is owned by root, mode"
                + " rwxr-xr-x; this process runs as nobody) (earlier contents, if any, are intact)", file, results),
                r.out().trim());
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), list(results));
    }

    private static List<Path> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }
}
