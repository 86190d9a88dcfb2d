package org.tsak.deploy.stream;

import java.io.Closeable;
import java.io.IOException;

/** Text lines from some input (stdin, a file, a followed file, a socket), one at a time. */
public interface LineSource extends Closeable {

    /**
     * The next line without its line terminator, blocking until one is available.
     *
     * @return the line, or null at the end of the input
     */
    String nextLine() throws IOException;
}
