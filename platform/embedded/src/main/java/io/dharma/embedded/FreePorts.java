package io.dharma.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Resolves "port 0" to a concrete free port where a server needs the number before it binds. */
final class FreePorts {

    private FreePorts() {
    }

    static int resolve(int port) {
        return port != 0 ? port : pick();
    }

    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }
}
