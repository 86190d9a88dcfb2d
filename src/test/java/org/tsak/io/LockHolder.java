package org.tsak.io;

import java.nio.file.Path;

/**
 * Run in another JVM by the lock tests: takes the lock of the run folder {@code args[0]}, prints
 * {@code locked}, and holds it until killed.
 */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        RunFolderLock lock = RunFolderLock.acquire(Path.of(args[0]), "lock holder");
        System.out.println("locked " + lock.file());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
