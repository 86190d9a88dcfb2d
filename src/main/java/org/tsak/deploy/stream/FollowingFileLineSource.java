package org.tsak.deploy.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lines of a file that is still being written, like {@code tail -f}: at the end of the file it
 * polls for more every {@code pollMillis}. A line is returned only once its {@code \n} has been
 * written (a half-written last line waits). If the file shrinks (truncated or replaced) it is
 * read again from the start. Ends when the calling thread is interrupted, when {@link #close()}
 * is called from another thread, or after {@code idleTimeoutMillis} without new data (0 = wait
 * forever); a final line without {@code \n} is returned then.
 */
public final class FollowingFileLineSource implements LineSource {

    private final Path file;
    private final long pollMillis;
    private final long idleTimeoutMillis;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream(256);
    private SeekableByteChannel channel;
    private long position;
    private volatile boolean closed;

    /**
     * @param file              the file (must exist)
     * @param pollMillis        pause between polls at the end of the file, ms, &gt; 0
     * @param idleTimeoutMillis stop after this long without new data, ms; 0 = never
     */
    public FollowingFileLineSource(Path file, long pollMillis, long idleTimeoutMillis) throws IOException {
        if (pollMillis <= 0 || idleTimeoutMillis < 0) {
            throw new IllegalArgumentException("pollMillis must be > 0 and idleTimeoutMillis >= 0, got "
                    + pollMillis + " and " + idleTimeoutMillis);
        }
        this.file = file;
        this.pollMillis = pollMillis;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.channel = Files.newByteChannel(file);
        buffer.flip();
    }

    @Override
    public String nextLine() throws IOException {
        long idleSince = System.nanoTime();
        while (!closed) {
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    return takeLine();
                }
                partial.write(b);
            }
            buffer.clear();
            int n;
            try {
                n = channel.read(buffer);
            } catch (ClosedChannelException e) {
                if (closed) {
                    break;
                }
                throw e;
            } finally {
                buffer.flip();
            }
            if (n > 0) {
                position += n;
                idleSince = System.nanoTime();
                continue;
            }
            if (Files.size(file) < position) {
                channel.close();
                channel = Files.newByteChannel(file);
                position = 0;
                partial.reset();
                continue;
            }
            if (idleTimeoutMillis > 0 && (System.nanoTime() - idleSince) / 1_000_000 >= idleTimeoutMillis) {
                break;
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return partial.size() > 0 ? takeLine() : null;
    }

    private String takeLine() {
        byte[] bytes = partial.toByteArray();
        partial.reset();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            len--;
        }
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
    }
}
