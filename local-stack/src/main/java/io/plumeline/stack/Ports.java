package io.plumeline.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports: free ones for tests, and a clear refusal when a fixed one is taken. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /** A port that is free on 127.0.0.1 right now (the caller binds it soon after). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + LOOPBACK, e);
        }
    }

    public static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails naming the service and the port, so a second stack or a stray server is easy to find. */
    public static void requireFree(String host, int port, String service) {
        if (!isFree(host, port)) {
            throw new StackException(service + " needs " + host + ":" + port + ", which is already in use."
                    + " Stop whatever listens there (ss -ltnp 'sport = :" + port + "' shows it)"
                    + " — perhaps another ./plumeline demo or run.");
        }
    }
}
