package dev.conform.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.validate.TlcTraceValidator;
import dev.conform.checker.validate.TlcValidation;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.Options;
import dev.conform.runtime.Verdicts;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.io.TraceReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A duplicate made by a real UDP network is recorded and validates: two PingCounter nodes over
 * authenticated UDP, every datagram from 1 to 2 passed through a relay that sends it twice (as a
 * network may). Node 2 records a duplicate before each second delivery; the merged trace
 * satisfies the Java network rules and invariants and TracePingCounter.tla under its udp header,
 * and fails both once the header says tcp.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class UdpDuplicateTraceTest {
    @TempDir
    Path dir;

    @Test
    void aDuplicatedDatagramIsRecordedAndTheTraceValidatesOnlyAsUdp() throws Exception {
        @SuppressWarnings("unchecked")
        Algorithm<Object> ping = (Algorithm<Object>) Algorithms.byName("pingcounter");
        Path creds = dir.resolve("credentials");
        ClusterCredentials.create(creds, List.of(1, 2));
        Map<Integer, InetSocketAddress> addresses = new TreeMap<>(Map.of(1, new InetSocketAddress("127.0.0.1", 0),
                2, new InetSocketAddress("127.0.0.1", 0)));
        Path ports1 = dir.resolve("ports-1");
        Path ports2 = dir.resolve("ports-2");
        Options options = Options.empty().with("max", 5);
        List<NetRuntime<Object>> nodes = new ArrayList<>();
        try (DatagramSocket relay = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            for (int id = 1; id <= 2; id++) {
                NetRuntime<Object> rt = new NetRuntime<>(ping, id, addresses, dir.resolve("n" + id),
                        new NdjsonSink(dir.resolve("node-" + id + ".ndjson")), options, 5, 1, TransportKind.UDP, creds);
                rt.portFiles(id == 1 ? ports1 : ports2);
                rt.startTransport();
                nodes.add(rt);
            }
            int port2 = PortFiles.read(ports2, 2).getAsInt();
            // node 1 sends to 2 through the relay; node 2 answers 1 directly
            PortFiles.write(ports1, 2, relay.getLocalPort());
            PortFiles.write(ports2, 1, PortFiles.read(ports1, 1).getAsInt());
            Thread twice = new Thread(() -> {
                byte[] buf = new byte[UdpDatagram.MAX_DATAGRAM];
                InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), port2);
                while (!relay.isClosed()) {
                    try {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        relay.receive(p);
                        for (int k = 0; k < 2; k++) {
                            relay.send(new DatagramPacket(p.getData(), p.getLength(), to));
                        }
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            }, "duplicating-relay");
            twice.setDaemon(true);
            twice.start();
            for (NetRuntime<Object> rt : nodes) {
                assertTrue(rt.awaitConnected(List.of(1, 2), 30_000));
            }
            for (NetRuntime<Object> rt : nodes) {
                rt.startNode();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!allArrived(nodes) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(allArrived(nodes), "every ping arrived, those to node 2 twice: " + nodes.get(0).actionCounts()
                    + " " + nodes.get(1).actionCounts() + " " + nodes.get(0).delivered() + " " + nodes.get(1).delivered());
        } finally {
            for (NetRuntime<Object> rt : nodes) {
                rt.close();
            }
        }
        assertEquals(0, nodes.get(0).rejected() + nodes.get(1).rejected());

        Path merged = dir.resolve("merged").resolve("merged.ndjson");
        Files.createDirectories(merged.getParent());
        ClusterTrace.merge(dir, merged); // as conform cluster trace does: ids renumbered for TLC
        List<TraceEvent> events = new ArrayList<>();
        long duplicates;
        try (TraceReader r = TraceReader.open(merged)) {
            assertEquals("udp", r.header().params().get("transport"));
            for (TraceEvent e = r.next(); e != null; e = r.next()) {
                events.add(e);
            }
            duplicates = events.stream().filter(e -> e.kind() == EventKind.DUPLICATE).count();
            assertEquals(nodes.get(1).delivered() / 2, duplicates, "node 2 recorded every copy");
            assertTrue(events.stream().filter(e -> e.kind() == EventKind.DUPLICATE).allMatch(e -> e.node() == 2));
            ReplayResult asUdp = Verdicts.judge(r.header(), events);
            assertTrue(asUdp.conforms(), Verdicts.describe(asUdp));
        }
        TlcValidation tlc = tlc(merged);
        assertTrue(tlc.conforms(), tlc.outcome() + " " + tlc.message() + " " + tlc.divergence());

        List<String> lines = Files.readAllLines(merged);
        ObjectMapper json = new ObjectMapper();
        ObjectNode h = (ObjectNode) json.readTree(lines.get(0));
        ((ObjectNode) h.get("params")).put("transport", "tcp").put("duplicatePercent", 0);
        lines.set(0, json.writeValueAsString(h));
        Path asTcp = dir.resolve("as-tcp.ndjson");
        Files.write(asTcp, lines);
        try (TraceReader r = TraceReader.open(asTcp)) {
            ReplayResult tcp = Verdicts.judge(r.header(), events);
            assertFalse(tcp.conforms(), "a TCP trace cannot hold duplicates");
            assertTrue(tcp.failure().message().contains("transport tcp never duplicates"), tcp.failure().message());
        }
        TlcValidation tlcTcp = tlc(asTcp);
        assertEquals(TlcValidation.Outcome.DIVERGES, tlcTcp.outcome(), tlcTcp.message());
    }

    /** TLC on TracePingCounter.tla (found above the working directory). */
    private static TlcValidation tlc(Path trace) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("specs/pingcounter"))) {
            p = p.getParent();
        }
        assertTrue(p != null, "specs/pingcounter not found");
        return new TlcTraceValidator().validate(TraceValidationRequest.of(
                p.resolve("specs/pingcounter/TracePingCounter.tla"), trace).withTimeout(java.time.Duration.ofMinutes(3)));
    }

    /**
     * Both counters reached max and stopped; node 2 delivered each of node 1's pings twice and
     * node 1 each of node 2's once (every ping is sent after an Inc, to the one peer).
     */
    private static boolean allArrived(List<NetRuntime<Object>> nodes) throws Exception {
        long inc1 = nodes.get(0).actionCounts().getOrDefault("Inc", 0L);
        long inc2 = nodes.get(1).actionCounts().getOrDefault("Inc", 0L);
        return inc1 > 0 && counted(nodes.get(0)) == 5 && counted(nodes.get(1)) == 5
                && nodes.get(1).delivered() == 2 * inc1 && nodes.get(0).delivered() == inc2;
    }

    private static long counted(NetRuntime<Object> rt) throws Exception {
        return rt.call(() -> rt.lastActionState() instanceof Map<?, ?> m && m.get("count") instanceof Number n
                ? n.longValue() : -1L);
    }
}
