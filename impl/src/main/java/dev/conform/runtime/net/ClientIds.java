package dev.conform.runtime.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.nio.file.StandardOpenOption;

/**
 * Hands out client ids for short-lived client processes of one cluster directory: 1001, 1002, ...
 * from a counter file ({@value #FILE}) under an exclusive file lock, so concurrent invocations
 * never share an id. A shared id would be harmful: the servers' session table would take the new
 * client's sequence number 1 for a retry of the old client's command and answer from the cache.
 * A server's id is skipped, so a client never shares an id with a server; that a node is a client
 * is said by its trace header's roles, not by its id.
 */
public final class ClientIds {
    /** The counter file in the cluster directory. */
    public static final String FILE = "clients.next";
    /** The first id handed out (unless it is a server's). */
    public static final int FIRST = 1001;

    private ClientIds() {
    }

    /**
     * Takes the next id of the cluster in {@code dir}. The file lock excludes other processes;
     * it cannot exclude threads of this one (the JVM holds file locks per process), hence synchronized.
     */
    public static synchronized int next(Path dir, Collection<Integer> servers) throws IOException {
        try (FileChannel ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            ByteBuffer buf = ByteBuffer.allocate(32);
            ch.read(buf, 0);
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
            int id = text.isEmpty() ? FIRST : Integer.parseInt(text);
            while (servers.contains(id)) {
                id++;
            }
            byte[] next = (id + 1 + "\n").getBytes(StandardCharsets.US_ASCII);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(next), 0);
            ch.force(true);
            return id;
        }
    }
}
