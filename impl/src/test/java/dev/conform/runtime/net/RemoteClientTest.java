package dev.conform.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.raft.RaftAlgorithm;
import dev.conform.algorithms.raft.RaftMessage;
import dev.conform.algorithms.raft.kv.KvCommand;
import dev.conform.algorithms.raft.kv.KvRemoteClient;
import dev.conform.runtime.Options;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.io.TraceReader;
import dev.conform.tracing.MemorySink;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that is not a cluster member talks to a one-server Raft over real TCP (answers come
 * back on its own connection), and a killed node's trace is continued by its next process.
 */
class RemoteClientTest {
    @TempDir
    Path dir;

    /** One server on port 0: it binds a port the OS picks and publishes it in the port files. */
    private static Map<Integer, InetSocketAddress> oneServer() {
        return Map.of(1, new InetSocketAddress("127.0.0.1", 0));
    }

    /** Starts {@code server} and returns the addresses a client uses to reach it. */
    private Map<Integer, InetSocketAddress> start(NetRuntime<?> server, Map<Integer, InetSocketAddress> servers)
            throws Exception {
        Path ports = dir.resolve("ports");
        server.portFiles(ports);
        server.start();
        return PortFiles.resolve(servers, ports);
    }

    @Test
    void nonMemberClientGetsItsAnswersOnItsOwnConnection() throws Exception {
        RaftAlgorithm raft = new RaftAlgorithm();
        Map<Integer, InetSocketAddress> servers = oneServer();
        Files.createDirectories(dir.resolve("n1"));
        try (NetRuntime<RaftMessage> server = new NetRuntime<>(raft, 1, servers, dir.resolve("n1"), new MemorySink(),
                Options.empty(), 1, 7);
             NetClient<RaftMessage> net = new NetClient<>("raft", 1001, start(server, servers),
                     new FrameCodec(raft.messageTypes()), dir.resolve("client-1001.ndjson"), 500)) {
            KvRemoteClient<RaftMessage> client = new KvRemoteClient<>(RaftMessage.CLIENT_PROTOCOL, net, List.of(1), 1000);
            assertTrue(client.execute(KvCommand.put("k", "v"), 20_000).ok());
            KvRemoteClient.Outcome get = client.execute(KvCommand.get("k"), 20_000);
            assertTrue(get.ok());
            assertEquals("v", get.value());
            assertEquals(1, get.leader());
            KvRemoteClient.Outcome cas = client.execute(KvCommand.cas("k", "other", "w"), 20_000);
            assertEquals("false", cas.value());
        }
        List<TraceEvent> events = read(dir.resolve("client-1001.ndjson"));
        assertTrue(events.stream().anyMatch(e -> e.kind() == EventKind.DELIVER
                && e.msg().type().equals("ClientReply")), "the client traced the replies it received");
    }

    @Test
    void unreachableClusterIsReportedNotThrown() throws Exception {
        RaftAlgorithm raft = new RaftAlgorithm();
        try (NetClient<RaftMessage> net = new NetClient<>("raft", 1001, oneServer(),
                new FrameCodec(raft.messageTypes()), null, 200)) {
            KvRemoteClient.Outcome o = new KvRemoteClient<>(RaftMessage.CLIENT_PROTOCOL, net, List.of(1), 200)
                    .execute(KvCommand.get("k"), 700);
            assertFalse(o.ok());
            assertTrue(o.attempts() >= 1);
        }
    }

    @Test
    void aRestartedNodeContinuesItsTraceAfterACutLine() throws Exception {
        RaftAlgorithm raft = new RaftAlgorithm();
        Map<Integer, InetSocketAddress> servers = oneServer();
        Path data = Files.createDirectories(dir.resolve("n1"));
        Path trace = dir.resolve("node-1.ndjson");
        try (NetRuntime<RaftMessage> first = new NetRuntime<>(raft, 1, servers, data, new NdjsonSink(trace),
                Options.empty(), 1, 7);
             NetClient<RaftMessage> net = new NetClient<>("raft", 1001, start(first, servers),
                     new FrameCodec(raft.messageTypes()), null, 500)) {
            assertTrue(new KvRemoteClient<>(RaftMessage.CLIENT_PROTOCOL, net, List.of(1), 1000)
                    .execute(KvCommand.put("a", "1"), 20_000).ok());
        }
        // What a SIGKILL in the middle of a write leaves: half a line.
        Files.writeString(trace, "{\"node\":1,\"kind\":\"ti", StandardOpenOption.APPEND);
        List<TraceEvent> before = read(trace, true);

        TraceResume resume = TraceResume.recover(trace, 1);
        assertNotNull(resume);
        assertEquals(before.get(before.size() - 1).lamport(), resume.lamport());
        try (NetRuntime<RaftMessage> second = new NetRuntime<>(raft, 1, servers, data,
                TraceResume.appendingSink(trace), Options.empty(), 1, 7)) {
            second.resumeFrom(resume);
            second.start();
            second.call(() -> null);
        }
        List<TraceEvent> all = read(trace);
        TraceEvent crash = all.get(before.size());
        assertEquals(EventKind.CRASH, crash.kind());
        assertEquals(EventKind.RESTART, all.get(before.size() + 1).kind());
        assertNotNull(all.get(before.size() + 1).state(), "the restart carries the persisted state");
        // One trace per node: its own clock entry grows by one per event, across the restart.
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1, all.get(i).vc().get(1), "own clock entry of event " + (i + 1));
        }
        Set<Long> sent = new HashSet<>();
        for (TraceEvent e : all) {
            if (e.kind() == EventKind.SEND) {
                assertTrue(sent.add(e.msg().id()), "message id " + e.msg().id() + " used twice");
            }
        }
        assertNull(TraceResume.recover(dir.resolve("missing.ndjson"), 1));
    }

    private static List<TraceEvent> read(Path file) {
        return read(file, false);
    }

    /** Reads all complete events; with {@code lenient} a cut last line is ignored. */
    private static List<TraceEvent> read(Path file, boolean lenient) {
        List<TraceEvent> out = new ArrayList<>();
        try (TraceReader r = TraceReader.open(file, TraceReader.Options.defaults().withNodeCheck(false))) {
            while (true) {
                TraceEvent e;
                try {
                    e = r.next();
                } catch (RuntimeException ex) {
                    if (lenient) {
                        return out;
                    }
                    throw ex;
                }
                if (e == null) {
                    return out;
                }
                out.add(e);
            }
        }
    }
}
