package dev.conform.runtime.net;

import dev.conform.runtime.MessageTypes;
import dev.conform.tracing.Clocks;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.VectorClock;
import dev.conform.tracing.io.NdjsonSink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client that is not a cluster member: it has no listening address of its own that servers
 * know; it talks to each server over its cluster's transport ({@link ClientWire}) and reads the
 * answers there (over TCP on the connection the request went out on, over UDP at the socket it
 * sent from, over QUIC on the stream: servers route replies to non-members back where their frames
 * came from, see {@link NettyTransport}, {@link UdpTransport} and {@link QuicTransport}). Over
 * TCP+TLS and QUIC it presents the cluster's client certificate and checks each server's; over UDP
 * it tags each datagram with the client key row. Blocking and single-threaded: meant for
 * short-lived processes such as {@code conform cluster client}.
 *
 * <p>It is a traced node like the servers: its own trace file (seq -1, Lamport and vector clocks,
 * flushed before every frame leaves; its header names the transport) lets the merged trace include
 * the client's side, and the servers' clocks, which include the client's entry after a request,
 * find those events there. A frame that arrives a second time over UDP is recorded as a duplicate.
 */
public final class NetClient<M> implements AutoCloseable {
    public static final String PRODUCER = "conform-net-client 0.1.0";

    private final int self;
    private final Map<Integer, InetSocketAddress> servers;
    private final FrameCodec codec;
    private final TraceSink sink;
    private final TransportKind kind;
    private final TlsCredentials.Identity identity;
    private final PairKeys keys;
    private final int connectTimeoutMillis;
    private final Clocks clocks;
    private final ArrivedIds arrived;
    /** Where servers publish their ports (null: the given addresses are final). */
    private java.nio.file.Path portsDir;
    private ClientWire wire;
    private long msgIds;

    /**
     * A TCP client without authentication.
     *
     * @param trace where this client's trace goes (null: not traced)
     */
    public NetClient(String algorithm, int self, Map<Integer, InetSocketAddress> servers, FrameCodec codec,
                     java.nio.file.Path trace, int connectTimeoutMillis) {
        this(algorithm, self, servers, codec, trace, connectTimeoutMillis, TransportKind.TCP, null);
    }

    /**
     * A client over transport {@code kind}; {@code credentials} is the cluster's credentials folder
     * (the client identity's keys are read from it; null: no authentication).
     *
     * @throws IllegalStateException when the credentials cannot be read
     */
    public NetClient(String algorithm, int self, Map<Integer, InetSocketAddress> servers, FrameCodec codec,
                     java.nio.file.Path trace, int connectTimeoutMillis, TransportKind kind,
                     java.nio.file.Path credentials) {
        if (servers.containsKey(self)) {
            throw new IllegalArgumentException("client id " + self + " is a server's id");
        }
        if (kind == TransportKind.QUIC && credentials == null) {
            throw new IllegalArgumentException("a quic client needs the cluster's credentials (TLS is part of QUIC)");
        }
        this.self = self;
        this.clocks = new Clocks(self);
        this.servers = Map.copyOf(servers);
        this.codec = codec;
        this.kind = kind;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.identity = credentials == null || kind == TransportKind.UDP ? null : Transports.clientIdentity(credentials);
        this.arrived = new ArrivedIds(kind);
        try {
            this.keys = kind == TransportKind.UDP && credentials != null ? PairKeys.forClient(credentials) : null;
        } catch (IOException e) {
            throw new IllegalStateException("client " + self + " cannot load its UDP keys: " + e.getMessage());
        }
        this.sink = trace == null ? TraceSink.noop() : new NdjsonSink(trace);
        if (sink.enabled()) {
            List<Integer> nodes = new ArrayList<>(new TreeMap<>(servers).keySet());
            nodes.add(self);
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("node", self);
            params.put("client", true);
            RealNetworkHeader.describeNetwork(params, kind);
            sink.header(new TraceHeader(TraceHeader.SCHEMA_VERSION, algorithm, nodes, null, RealNetworkHeader.plan(),
                    PRODUCER, params,
                    TraceHeader.serversAndClients(new ArrayList<>(new TreeMap<>(servers).keySet()), List.of(self))));
        }
    }

    public int self() {
        return self;
    }

    private ClientWire wire() throws IOException {
        if (wire == null) {
            wire = switch (kind) {
                case UDP -> new UdpClientWire(self, servers, portsDir, keys);
                case QUIC -> new QuicClientWire(servers, portsDir, connectTimeoutMillis, identity);
                case TCP -> new TcpClientWire(servers, portsDir, connectTimeoutMillis, identity);
            };
        }
        return wire;
    }

    /**
     * Sends {@code msg} to server {@code to}, connecting first if needed. Returns false (and
     * records a drop) when the server cannot be reached; never throws for network trouble.
     */
    public boolean send(int to, M msg) {
        long mid = ((long) self << 40) | ++msgIds;
        String type = MessageTypes.name(msg);
        TraceMessage tm = new TraceMessage(mid, self, to, type, msg);
        record(EventKind.SEND, tm);
        Frame f = new Frame(mid, self, to, type, msg, clocks.lamport(0), clocks.clock(0).asMap());
        flush();
        try {
            wire().send(to, codec.encode(f));
            return true;
        } catch (IOException | RuntimeException e) {
            disconnect(to);
            record(EventKind.DROP, tm);
            flush();
            return false;
        }
    }

    /**
     * Waits at most {@code timeoutMillis} for the next frame from server {@code from}. Returns
     * null on timeout, when there is no way to it, or when it broke (over TCP the connection is
     * then closed, and the next send reconnects).
     */
    public Frame receive(int from, long timeoutMillis) {
        try {
            byte[] bytes = wire().receive(from, timeoutMillis);
            if (bytes == null) {
                return null;
            }
            Frame f = codec.decode(bytes);
            if (f.from() != from || f.to() != self) {
                throw new IOException("frame " + f.from() + " -> " + f.to() + " on the way from " + from);
            }
            if (arrived.seenBefore(f.id())) {
                record(EventKind.DUPLICATE, new TraceMessage(f.id(), f.from(), f.to(), f.type(), f.body()));
            }
            clocks.deliver(0, f.lamport(), f.vc() == null ? null : VectorClock.of(f.vc()));
            write(EventKind.DELIVER, new TraceMessage(f.id(), f.from(), f.to(), f.type(), f.body()));
            return f;
        } catch (IOException | RuntimeException e) {
            // Broken, closed, or timed out (a timed-out TCP read may have consumed part of a
            // frame): the next frame starts on a new connection.
            disconnect(from);
            return null;
        }
    }

    /**
     * Reads each server's port from {@code dir} on every (re)connect, as peers do: a restarted
     * node binds a new port and republishes it (see {@link PortFiles}).
     */
    public void portFiles(java.nio.file.Path dir) {
        this.portsDir = dir;
    }

    private void disconnect(int server) {
        if (wire != null) {
            wire.reset(server);
        }
    }

    private void record(EventKind kind, TraceMessage msg) {
        clocks.tick(0);
        write(kind, msg);
    }

    private void write(EventKind kind, TraceMessage msg) {
        if (sink.enabled()) {
            sink.event(new TraceEvent(-1, self, kind, null, msg, null, clocks.lamport(0), clocks.clock(0)));
        }
    }

    private void flush() {
        if (sink instanceof NdjsonSink n) {
            n.flush();
        }
    }

    /** Closes every connection and the trace. Never throws. */
    @Override
    public void close() {
        if (wire != null) {
            wire.close();
        }
        sink.close();
    }
}
