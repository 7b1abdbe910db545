package dev.conform.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Authenticated peers on TCP+TLS and QUIC: a peer whose certificate is not from the cluster CA, and
 * a member whose certificate names another node than the one its frames claim to come from, are
 * rejected (counted, never delivered), and the node keeps serving its real peers.
 */
class PeerAuthenticationTest {
    private static final long GIVE_UP_MILLIS = 20_000;

    /** A message for the test's codec. */
    public record Ping(int n) {
    }

    private static final FrameCodec CODEC = new FrameCodec(Map.of("Ping", Ping.class));

    @TempDir
    Path dir;

    private final Queue<Frame> atNode1 = new ConcurrentLinkedQueue<>();

    private static Frame ping(long id, int from, int to) {
        return new Frame(id, from, to, "Ping", new Ping((int) id), 0, Map.of());
    }

    private static Map<Integer, InetSocketAddress> loopback(int n) {
        Map<Integer, InetSocketAddress> m = new TreeMap<>();
        for (int i = 1; i <= n; i++) {
            m.put(i, new InetSocketAddress("127.0.0.1", 0));
        }
        return m;
    }

    private static Transport open(TransportKind kind, int self, Map<Integer, InetSocketAddress> peers,
                                  TlsCredentials.Identity id) {
        return kind == TransportKind.QUIC ? new QuicTransport(self, peers, CODEC, id, QuicTransport.Streams.PER_PEER)
                : new NettyTransport(self, peers, CODEC, id);
    }

    private static void await(BooleanSupplier cond, String what) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_MILLIS * 1_000_000L;
        while (!cond.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "gave up waiting: " + what);
            Thread.sleep(10);
        }
    }

    /** Node 2 reaches node 1: sends {@code id} until it arrives (connections come up in the background). */
    private void delivered(Transport node2, long id) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_MILLIS * 1_000_000L;
        boolean sent = false;
        while (atNode1.stream().noneMatch(f -> f.id() == id)) {
            assertTrue(System.nanoTime() < deadline, "node 2's frame " + id + " did not reach node 1");
            if (!sent) {
                sent = node2.send(ping(id, 2, 1));
            }
            Thread.sleep(10);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TransportKind.class, names = {"TCP", "QUIC"})
    void aForeignCertificateAndALyingCommonNameAreRejected(TransportKind kind) throws Exception {
        Path creds = dir.resolve("credentials");
        ClusterCredentials.create(creds, List.of(1, 2, 3));
        Path foreign = dir.resolve("foreign");
        ClusterCredentials.create(foreign, List.of(1, 2, 3)); // same names, another CA
        Path tls = creds.resolve("tls");
        Map<Integer, InetSocketAddress> peers = loopback(2);
        try (Transport node1 = open(kind, 1, peers, TlsCredentials.load(tls, "node-1"));
             Transport node2 = open(kind, 2, peers, TlsCredentials.load(tls, "node-2"))) {
            node1.portFiles(dir.resolve("ports"));
            node2.portFiles(dir.resolve("ports"));
            node1.start(atNode1::add);
            node2.start(f -> { });
            delivered(node2, 1);
            InetSocketAddress at1 = PortFiles.resolve(peers, dir.resolve("ports")).get(1);
            Map<Integer, InetSocketAddress> toNode1 = Map.of(1, at1, 3, new InetSocketAddress("127.0.0.1", 0));

            // An outsider: a certificate of its own (CN node-3, another CA), trusting the cluster CA
            // so that it gets as far as it can.
            TlsCredentials.Identity outsider = TlsCredentials.load(foreign.resolve("tls"), "node-3");
            outsider = new TlsCredentials.Identity("node-3", outsider.key(), outsider.certificate(),
                    TlsCredentials.load(tls, "node-3").ca());
            long before = node1.rejected();
            try (Transport intruder = open(kind, 3, toNode1, outsider)) {
                intruder.start(f -> { });
                for (long n = 100; node1.rejected() == before; n++) {
                    intruder.send(ping(n, 3, 1));
                    Thread.sleep(20);
                    assertTrue(n < 100 + GIVE_UP_MILLIS / 20, "node 1 never rejected the foreign certificate");
                }
            }

            // A member that lies: node 3's real certificate, frames claiming to come from node 2.
            long beforeLie = node1.rejected();
            try (Transport liar = open(kind, 3, toNode1, TlsCredentials.load(tls, "node-3"))) {
                liar.start(f -> { });
                await(() -> liar.connected(1), "node 3 connected to node 1");
                for (long n = 1000; node1.rejected() == beforeLie; n++) {
                    liar.send(ping(n, 2, 1));
                    Thread.sleep(20);
                    assertTrue(n < 1000 + GIVE_UP_MILLIS / 20, "node 1 never rejected node 3 speaking for node 2");
                }
            }

            delivered(node2, 2); // node 1 still serves its real peer
            assertEquals(List.of(1L, 2L), atNode1.stream().map(Frame::id).toList(),
                    "only node 2's own frames were delivered");
        }
    }

    /**
     * A client holding a certificate of another CA (but trusting this cluster's CA, so it gets as
     * far as it can) is rejected; the cluster's own client certificate gets through, and may not
     * speak for a member.
     */
    @ParameterizedTest
    @EnumSource(value = TransportKind.class, names = {"TCP", "QUIC"})
    void onlyTheClusterClientCertificateReachesANodeAndOnlyAsANonMember(TransportKind kind) throws Exception {
        Path creds = dir.resolve("credentials");
        ClusterCredentials.create(creds, List.of(1));
        Path foreign = dir.resolve("foreign");
        ClusterCredentials.create(foreign, List.of(1));
        Path forged = dir.resolve("forged");
        OwnerOnly.directory(forged.resolve("tls"));
        for (String f : List.of("client.crt", "client.key")) {
            Files.copy(foreign.resolve("tls").resolve(f), forged.resolve("tls").resolve(f));
        }
        Files.copy(creds.resolve("tls/ca.crt"), forged.resolve("tls/ca.crt"));
        Map<Integer, InetSocketAddress> peers = loopback(1);
        try (Transport node1 = open(kind, 1, peers, TlsCredentials.load(creds.resolve("tls"), "node-1"))) {
            node1.portFiles(dir.resolve("ports"));
            node1.start(atNode1::add);
            Map<Integer, InetSocketAddress> servers = PortFiles.resolve(peers, dir.resolve("ports"));
            try (NetClient<Ping> intruder = new NetClient<>("test", 1001, servers, CODEC, null, 2000, kind, forged)) {
                for (int n = 0; node1.rejected() == 0; n++) {
                    intruder.send(1, new Ping(n));
                    assertTrue(n < GIVE_UP_MILLIS / 20, "node 1 never rejected the foreign client certificate");
                    Thread.sleep(20);
                }
            }
            long afterForged = node1.rejected();
            try (NetClient<Ping> client = new NetClient<>("test", 1002, servers, CODEC, null, 2000, kind, creds)) {
                assertTrue(client.send(1, new Ping(7)), "the cluster's client reaches node 1");
                await(() -> atNode1.stream().anyMatch(f -> f.from() == 1002), "the client's frame arrived");
            }
            assertEquals(afterForged, node1.rejected(), "the real client was not rejected");
            assertTrue(atNode1.stream().allMatch(f -> f.from() == 1002), "only the real client's frames: " + atNode1);
        }
    }
}
