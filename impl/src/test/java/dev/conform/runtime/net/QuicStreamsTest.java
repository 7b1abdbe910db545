package dev.conform.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * QUIC's stream layouts: with one stream per link every frame arrives once and in order; with one
 * stream per message type every frame arrives once and each type keeps its own order.
 */
class QuicStreamsTest {
    private static final int COUNT = 300;

    public record Small(int n) {
    }

    public record Large(int n, String padding) {
    }

    private static final FrameCodec CODEC = new FrameCodec(Map.of("Small", Small.class, "Large", Large.class));

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(QuicTransport.Streams.class)
    void everyFrameArrivesOnceInTheOrderItsStreamPromises(QuicTransport.Streams streams) throws Exception {
        Path creds = dir.resolve("credentials");
        ClusterCredentials.create(creds, List.of(1, 2));
        Map<Integer, InetSocketAddress> peers = new TreeMap<>(Map.of(1, new InetSocketAddress("127.0.0.1", 0),
                2, new InetSocketAddress("127.0.0.1", 0)));
        Queue<Frame> at2 = new ConcurrentLinkedQueue<>();
        String padding = "x".repeat(20_000);
        try (QuicTransport one = new QuicTransport(1, peers, CODEC, TlsCredentials.load(creds.resolve("tls"), "node-1"), streams);
             QuicTransport two = new QuicTransport(2, peers, CODEC, TlsCredentials.load(creds.resolve("tls"), "node-2"), streams)) {
            one.portFiles(dir.resolve("ports"));
            two.portFiles(dir.resolve("ports"));
            one.start(f -> { });
            two.start(at2::add);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!one.connected(2)) {
                assertTrue(System.nanoTime() < deadline, "node 1 never connected to node 2");
                Thread.sleep(10);
            }
            for (int i = 1; i <= COUNT; i++) {
                Object body = i % 3 == 0 ? new Large(i, padding) : new Small(i);
                String type = i % 3 == 0 ? "Large" : "Small";
                assertTrue(one.send(new Frame(i, 1, 2, type, body, 0, Map.of())));
            }
            while (at2.size() < COUNT) {
                assertTrue(System.nanoTime() < deadline, "only " + at2.size() + " of " + COUNT + " arrived");
                Thread.sleep(10);
            }
        }
        List<Long> ids = at2.stream().map(Frame::id).toList();
        assertEquals(COUNT, ids.stream().distinct().count(), "each frame once");
        if (streams == QuicTransport.Streams.PER_PEER) {
            assertEquals(ascending(at2.stream().map(Frame::id).toList()), ids, "FIFO per link");
        } else {
            for (String type : List.of("Small", "Large")) {
                List<Long> ofType = at2.stream().filter(f -> f.type().equals(type)).map(Frame::id).toList();
                assertEquals(ascending(ofType), ofType, "FIFO per message type (" + type + ")");
            }
        }
    }

    private static List<Long> ascending(List<Long> ids) {
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        return sorted;
    }
}
