package org.tsak.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run as another user by {@link AtomicFilesFaultTest}: writes {@code new} into the file
 * {@code args[0]} with {@link AtomicFiles} and prints {@code written} or the error's message
 * (exit code 3).
 */
public final class AtomicWriteProbe {

    private AtomicWriteProbe() {
    }

    public static void main(String[] args) {
        try {
            AtomicFiles.writeString(Path.of(args[0]), "new");
            System.out.println("written");
        } catch (IOException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
