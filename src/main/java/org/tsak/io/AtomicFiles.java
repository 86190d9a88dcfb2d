package org.tsak.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a crash or a full disk never leaves a half-written file in place of a
 * good one: write a temporary file in the same folder, force it to disk, then rename.
 *
 * <p>Failures are {@link IOException}s whose message names the file (never the temporary one)
 * and the cause in the user's words ({@link IoErrors}): {@code disk full while writing FILE:
 * N bytes needed, M free on FOLDER}, {@code cannot write FILE: permission denied (FOLDER is owned
 * by U, mode M; this process runs as V)}, a read-only file system; the temporary file is removed
 * and the earlier contents of the file, if any, are intact.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes bytes atomically, creating parent folders.
     *
     * @throws IOException naming {@code target} and the cause; earlier contents are intact
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = null;
        try {
            tmp = createTemp(target);
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            replace(tmp, target);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new IOException(IoErrors.describeWrite(e, target, bytes.length, -1)
                    + " (earlier contents, if any, are intact)", e);
        }
    }

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out} (not closed). */
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * Streams content into a temporary file beside {@code target}, forces it to disk and renames
     * it over {@code target}: for files too large to hold in memory.
     *
     * @throws IOException naming {@code target} and the cause; earlier contents are intact
     */
    public static void write(Path target, Content content) throws IOException {
        Path tmp = null;
        long[] written = {0};
        try {
            tmp = createTemp(target);
            try (java.io.FileOutputStream fos = new java.io.FileOutputStream(tmp.toFile());
                    OutputStream counted = counting(fos, written);
                    java.io.BufferedOutputStream out = new java.io.BufferedOutputStream(counted, 1 << 16)) {
                content.writeTo(out);
                out.flush();
                fos.getFD().sync();
            }
            replace(tmp, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            if (e instanceof IOException io) {
                throw new IOException(IoErrors.describeWrite(io, target, -1, written[0])
                        + " (earlier contents, if any, are intact)", io);
            }
            throw e;
        }
    }

    /** Writes text (UTF-8) atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Path createTemp(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            // temp files are created owner-only; results are meant to be shared
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the default permissions
        }
        return tmp;
    }

    private static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // the write failed already; its error is the one to report
        }
    }

    private static OutputStream counting(OutputStream out, long[] written) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                written[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                written[0] += len;
            }
        };
    }
}
