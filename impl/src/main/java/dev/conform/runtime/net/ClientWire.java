package dev.conform.runtime.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How a {@link NetClient} moves frame bytes to and from servers: blocking, single-threaded, one
 * implementation per transport ({@link TcpClientWire}, {@link UdpClientWire}).
 */
interface ClientWire extends AutoCloseable {
    /** Sends one frame's bytes to server {@code to}; throws when it cannot leave. */
    void send(int to, byte[] frame) throws IOException;

    /**
     * The next frame's bytes from server {@code from}, waiting at most {@code timeoutMillis};
     * null on timeout. Throws when the way to {@code from} broke.
     */
    byte[] receive(int from, long timeoutMillis) throws IOException;

    /** Forgets the way to {@code server} after a failure (the next send sets up a new one). */
    void reset(int server);

    @Override
    void close();

    /** Server {@code to}'s address, with the port it published in {@code ports} (null: as given). */
    static InetSocketAddress address(Map<Integer, InetSocketAddress> servers, Path ports, int to) throws IOException {
        InetSocketAddress addr = servers.get(to);
        if (addr == null) {
            throw new IOException("no address for server " + to);
        }
        if (ports != null) {
            OptionalInt port = PortFiles.read(ports, to);
            if (port.isPresent()) {
                addr = new InetSocketAddress(addr.getHostString(), port.getAsInt());
            }
        }
        return addr;
    }
}
