package org.tsak.deploy.stream;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Feeds every line of a source to a session and then finishes it, with the one rule both
 * sessions keep: when reading fails after samples were used, the session still finishes (the
 * results so far are reported); a refused stream ({@link StreamFormatException}) or a failure
 * before any sample ends without a final line.
 */
final class LineDrain {

    private LineDrain() {
    }

    static void run(LineSource source, Consumer<String> feed, Runnable finish, LongSupplier samplesAccepted)
            throws IOException {
        boolean completed = false;
        boolean refused = false;
        try {
            for (String line = source.nextLine(); line != null; line = source.nextLine()) {
                feed.accept(line);
            }
            completed = true;
        } catch (StreamFormatException e) {
            refused = true;
            throw e;
        } finally {
            if (completed || !refused && samplesAccepted.getAsLong() > 0) {
                finish.run();
            }
        }
    }
}
