package dev.conform.runtime.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Where the nodes of a cluster really listen: one file {@code node-N.port} per node in a folder,
 * written by the node once its listening socket is bound. Nodes are given port 0 (the OS picks a
 * free one at bind time) and peers read the port back from here, so no port is ever "found free",
 * closed and then bound by someone else first. A restarted node binds a new port and rewrites its
 * file; peers read the file again on every reconnect.
 */
public final class PortFiles {
    private PortFiles() {
    }

    static Path file(Path dir, int id) {
        return dir.resolve("node-" + id + ".port");
    }

    /** Records that node {@code id} listens on {@code port} (atomically: readers never see half a file). */
    public static void write(Path dir, int id, int port) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("node-" + id + ".port.tmp");
            Files.writeString(tmp, port + "\n");
            Files.move(tmp, file(dir, id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port node {@code id} listens on, or empty when it has not said yet. */
    public static OptionalInt read(Path dir, int id) {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(file(dir, id)).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Forgets node {@code id}'s port (before it is started again). */
    public static void remove(Path dir, int id) throws IOException {
        Files.deleteIfExists(file(dir, id));
    }

    /** {@code addresses} with every port 0 replaced by the port its node wrote, where it has. */
    public static Map<Integer, InetSocketAddress> resolve(Map<Integer, InetSocketAddress> addresses, Path dir) {
        Map<Integer, InetSocketAddress> out = new TreeMap<>();
        addresses.forEach((id, a) -> out.put(id, resolve(a, id, dir)));
        return out;
    }

    /** {@code a} itself unless its port is 0; then the port node {@code id} wrote (still 0 if none). */
    static InetSocketAddress resolve(InetSocketAddress a, int id, Path dir) {
        if (a.getPort() != 0 || dir == null) {
            return a;
        }
        OptionalInt p = read(dir, id);
        return p.isPresent() ? new InetSocketAddress(a.getHostString(), p.getAsInt()) : a;
    }
}
