package org.tsak.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.testing.TestJvm;

/** One writer per run folder: refused while held (same JVM or another), free again when the holder dies. */
class RunFolderLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondHolderInThisJvmIsRefusedUntilTheFirstCloses() throws Exception {
        Path run = dir.resolve("run");
        try (RunFolderLock first = RunFolderLock.acquire(run, "tsak experiment")) {
            assertEquals(run.resolve(".lock"), first.file());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> RunFolderLock.acquire(run, "tsak report"));
            assertTrue(e.getMessage().startsWith("run folder " + run + " is in use by another tsak process (pid "
                    + ProcessHandle.current().pid() + ", `tsak experiment`, since "), e.getMessage());
            assertTrue(e.getMessage().endsWith("; wait for it to finish or stop it, or write to another folder: two"
                    + " writers would mix their results"), e.getMessage());
        }
        try (RunFolderLock again = RunFolderLock.acquire(run, "tsak report")) {
            assertTrue(Files.readString(again.file()).startsWith("pid " + ProcessHandle.current().pid()
                    + ", `tsak report`"));
        }
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> RunFolderLock.acquireExisting(dir.resolve("typo"), "tsak report"));
        assertTrue(missing.getMessage().contains("no such run folder"), missing.getMessage());
        assertTrue(!Files.exists(dir.resolve("typo")), "nothing created for a mistyped run folder");
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedAndFreedWhenThatProcessIsKilled() throws Exception {
        Path run = dir.resolve("run");
        Process holder = TestJvm.start(LockHolder.class, List.of(), run.toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("locked"), "holder said: " + line);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> RunFolderLock.acquire(run, "tsak experiment"));
            assertTrue(e.getMessage().contains("(pid " + holder.pid() + ", `lock holder`, since "), e.getMessage());
            holder.destroyForcibly(); // SIGKILL: no chance to release anything
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
            assertTrue(Files.exists(run.resolve(".lock")), "the stale file stays");
            try (RunFolderLock mine = RunFolderLock.acquire(run, "tsak experiment --resume")) {
                assertTrue(Files.readString(mine.file()).startsWith("pid " + ProcessHandle.current().pid()));
            }
        } finally {
            holder.destroyForcibly();
        }
    }
}
