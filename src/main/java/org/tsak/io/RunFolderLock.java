package org.tsak.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One writer per run folder: an exclusive OS lock ({@link FileChannel#tryLock()}) on
 * {@code <run>/.lock}, held while a command writes the folder and released on {@link #close()}.
 * A second process (or a second command in this one) that tries to take it is refused at once
 * with a message naming the folder and the holder (process id, command, start time, written
 * into the file for that purpose only). Stale-proof: the OS drops the lock when its process
 * ends, however it ends ({@code kill -9} included), so a leftover {@code .lock} file never blocks
 * anyone; the file itself is left in place (deleting it could let a third process lock a new
 * file while the second still holds the old one).
 */
public final class RunFolderLock implements AutoCloseable {

    /** The lock file's name in the run folder. */
    public static final String FILE_NAME = ".lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunFolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code runDir}, creating the folder if needed.
     *
     * @param runDir  the run folder
     * @param command what holds it, for the message another process gets (e.g. {@code tsak experiment})
     * @throws IllegalStateException if another process (or this one) holds it
     * @throws IOException           naming the lock file if it cannot be created or written
     *                               (permission denied, disk full, ...: {@link IoErrors})
     */
    public static RunFolderLock acquire(Path runDir, String command) throws IOException {
        Path file = runDir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            Files.createDirectories(runDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException(IoErrors.describeWrite(e, file, -1, -1) + "; the run folder cannot be written", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new IllegalStateException("run folder " + runDir + " is in use by another tsak process"
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + "; wait for it to finish or stop it, or write"
                    + " to another folder: two writers would mix their results");
        }
        try {
            byte[] who = ("pid " + ProcessHandle.current().pid() + ", `" + command + "`, since "
                    + Instant.now().toString() + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(who), 0);
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw new IOException(IoErrors.describeWrite(e, file, -1, -1), e);
        }
        return new RunFolderLock(file, channel, lock);
    }

    /**
     * Takes the lock of a run folder that must exist already (a run to resume, distil, evaluate,
     * report or export), so that a mistyped path does not leave an empty folder behind.
     *
     * @throws IllegalArgumentException if {@code runDir} is not a folder
     * @see #acquire(Path, String)
     */
    public static RunFolderLock acquireExisting(Path runDir, String command) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException(runDir + ": no such run folder; give the folder a `tsak experiment`"
                    + " or `tsak train` wrote (runs/<name> by default)");
        }
        return acquire(runDir, command);
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Releases the lock (the file stays). */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }

    /** What the holder wrote into the file, trimmed; empty if unreadable. */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(512);
            int n = channel.read(buf, 0);
            return n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
