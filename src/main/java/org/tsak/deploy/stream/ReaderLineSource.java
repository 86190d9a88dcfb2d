package org.tsak.deploy.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** Lines of a character stream ({@code \n}, {@code \r\n} or {@code \r} ends), ending at its end. */
public final class ReaderLineSource implements LineSource {

    private final BufferedReader reader;

    /** Lines of a reader (closed by {@link #close()}). */
    public ReaderLineSource(Reader reader) {
        this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    }

    /** Lines of a UTF-8 byte stream (closed by {@link #close()}). */
    public static ReaderLineSource utf8(InputStream in) {
        return new ReaderLineSource(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    @Override
    public String nextLine() throws IOException {
        return reader.readLine();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
