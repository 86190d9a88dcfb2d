package org.tsak.deploy.stream;

import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP listener on a loopback address ({@link LoopbackEndpoint}) that serves one client at a
 * time: {@link #accept()} waits for the next client and gives its lines. Clients from other
 * addresses cannot connect, since nothing listens on other interfaces.
 */
public final class LoopbackServer implements Closeable {

    private final ServerSocket socket;

    private LoopbackServer(ServerSocket socket) {
        this.socket = socket;
    }

    /**
     * Binds the endpoint (backlog 1).
     *
     * @throws IOException if the port is taken or cannot be bound
     */
    public static LoopbackServer open(LoopbackEndpoint endpoint) throws IOException {
        ServerSocket s = new ServerSocket(endpoint.port(), 1, endpoint.address());
        return new LoopbackServer(s);
    }

    /** The endpoint actually bound (with the ephemeral port filled in). */
    public LoopbackEndpoint endpoint() {
        return new LoopbackEndpoint(socket.getInetAddress(), socket.getLocalPort());
    }

    /** Waits for the next client; closing the returned source closes its connection. */
    public LineSource accept() throws IOException {
        Socket client = socket.accept();
        ReaderLineSource lines = ReaderLineSource.utf8(client.getInputStream());
        return new LineSource() {
            @Override
            public String nextLine() throws IOException {
                return lines.nextLine();
            }

            @Override
            public void close() throws IOException {
                client.close();
            }
        };
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
