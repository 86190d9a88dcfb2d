package org.tsak.deploy.stream;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A {@code tcp://HOST:PORT} input address, restricted to the loopback interface: the stream
 * command listens only on this machine, never on a network interface. HOST must be
 * {@code localhost}, an IPv4 address in 127.0.0.0/8 or {@code [::1]}; host names are refused
 * without a DNS lookup. PORT 0 asks for an ephemeral port.
 *
 * @param address the loopback address to bind
 * @param port    TCP port, 0..65535
 */
public record LoopbackEndpoint(InetAddress address, int port) {

    /** URI scheme of a TCP input. */
    public static final String SCHEME = "tcp";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** Validates. */
    public LoopbackEndpoint {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing to listen on " + address.getHostAddress()
                    + ": the stream input listens on loopback only (127.0.0.1, localhost or [::1])");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("TCP port " + port + " is outside 0..65535");
        }
    }

    /** True if {@code input} is meant as a TCP address ({@code tcp://...}). */
    public static boolean isTcp(String input) {
        return input.regionMatches(true, 0, SCHEME + "://", 0, SCHEME.length() + 3);
    }

    /**
     * Parses {@code tcp://HOST:PORT}.
     *
     * @throws IllegalArgumentException naming the input and what is wrong: not a URI, no port, a
     *                                  host that is not loopback (e.g. {@code 0.0.0.0} or a name)
     */
    public static LoopbackEndpoint parse(String input) {
        URI uri;
        try {
            uri = new URI(input);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("input '" + input + "' is not a valid address; use tcp://127.0.0.1:PORT");
        }
        if (!SCHEME.equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0
                || (uri.getPath() != null && !uri.getPath().isEmpty())) {
            throw new IllegalArgumentException("input '" + input + "' is not of the form tcp://127.0.0.1:PORT");
        }
        String host = uri.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress address;
        if ("localhost".equalsIgnoreCase(bare)) {
            address = InetAddress.getLoopbackAddress();
        } else if (IPV4.matcher(bare).matches() || bare.indexOf(':') >= 0) {
            try {
                address = InetAddress.getByName(bare); // a literal: no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("input '" + input + "': '" + bare + "' is not a valid IP address");
            }
        } else {
            throw new IllegalArgumentException("input '" + input + "': host '" + host + "' is not allowed; the stream "
                    + "input listens on loopback only: use tcp://127.0.0.1:PORT or tcp://localhost:PORT");
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("input '" + input + "': host " + host + " is not a loopback address;"
                    + " the stream input listens on this machine only: use tcp://127.0.0.1:PORT");
        }
        return new LoopbackEndpoint(address, uri.getPort());
    }

    @Override
    public String toString() {
        String h = address.getHostAddress();
        return SCHEME + "://" + (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + port;
    }
}
