package org.tsak.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Words the machine's write failures for the user, naming the file: a full disk
 * ({@code disk full while writing FILE: N bytes needed, M free on its file system}), a denied
 * permission ({@code cannot write FILE: permission denied (FOLDER is owned by root, mode
 * rwxr-xr-x; this process runs as nobody)}), a read-only file system; anything else keeps the
 * system's own reason.
 */
public final class IoErrors {

    private IoErrors() {
    }

    /** True if {@code e} (or a cause) says the device or the quota is full (ENOSPC, EDQUOT). */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t instanceof FileSystemException f ? f.getReason() : t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The user's message for a failed write of {@code file}.
     *
     * @param e            what the write threw
     * @param file         the file being written (its final name, not a temporary one)
     * @param bytesNeeded  bytes the file needs, or -1 if unknown
     * @param bytesWritten bytes written before the failure, or -1 if unknown (a lower bound of
     *                     the need when the whole size is unknown)
     */
    public static String describeWrite(IOException e, Path file, long bytesNeeded, long bytesWritten) {
        if (isDiskFull(e)) {
            String need = bytesNeeded >= 0 ? String.format(Locale.ROOT, "%,d bytes needed", bytesNeeded)
                    : bytesWritten >= 0 ? String.format(Locale.ROOT, "more than %,d bytes needed", bytesWritten)
                    : "more space needed";
            return "disk full while writing " + file + ": " + need + freeSpace(file)
                    + "; free some space and run the command again (with --resume for a run)";
        }
        if (e instanceof AccessDeniedException || String.valueOf(e.getMessage()).contains("Permission denied")) {
            return "cannot write " + file + ": permission denied" + ownership(file);
        }
        if (String.valueOf(e instanceof FileSystemException f ? f.getReason() : e.getMessage())
                .contains("Read-only file system")) {
            return "cannot write " + file + ": the file system is read-only";
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return "could not write " + file + ": " + reason;
    }

    /**
     * The user's message for an I/O failure that did not come through {@link AtomicFiles} (a
     * bare {@link FileSystemException} names only a path): permission denied, no such file, disk
     * full, each naming the file; other exceptions keep their message.
     */
    public static String describe(IOException e) {
        if (!(e instanceof FileSystemException f) || f.getFile() == null) {
            return String.valueOf(e.getMessage());
        }
        Path file = Path.of(f.getFile());
        if (e instanceof java.nio.file.NoSuchFileException) {
            return file + ": no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read or write " + file + ": permission denied" + ownership(file);
        }
        if (isDiskFull(e)) {
            return describeWrite(e, file, -1, -1);
        }
        return file + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": "
                + (f.getReason() == null ? e.getClass().getSimpleName() : f.getReason());
    }

    /** {@code " (FOLDER is owned by U, mode M; this process runs as V)"} for the nearest existing folder. */
    static String ownership(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        while (dir != null && !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return "";
        }
        try {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(dir));
            return " (" + dir + " is owned by " + Files.getOwner(dir).getName() + ", mode " + mode
                    + "; this process runs as " + System.getProperty("user.name") + ")";
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return " (" + dir + "; this process runs as " + System.getProperty("user.name") + ")";
        }
    }

    private static String freeSpace(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        try {
            return dir == null ? "" : String.format(Locale.ROOT, ", %,d free on %s", Files.getFileStore(dir)
                    .getUsableSpace(), dir);
        } catch (IOException e) {
            return "";
        }
    }
}
