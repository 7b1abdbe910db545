package dev.conform.runtime.net;

import dev.conform.runtime.MessageTypes;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.EffectBuffer;
import dev.conform.runtime.EffectTarget;
import dev.conform.runtime.Json;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.tracing.Clocks;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.VectorClock;
import dev.conform.tracing.io.NdjsonSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hosts one algorithm node over a real {@link Transport}. Every handler, timer and inbound message
 * runs on one event-loop thread, so node code stays single-threaded exactly as in the simulator.
 * Timers are scheduled in milliseconds ({@code ticks * tickMillis}); persisted state goes to
 * {@code dataDir/state.json} durably (temp file, fsync, atomic rename); a node started with an
 * existing state file restarts from it (recorded as a restart). The trace (if any) is this node's
 * alone: events carry seq -1, Lamport and vector clocks ({@link Clocks}).
 *
 * <p>A handler's effects are committed as in every runtime ({@link EffectBuffer}): its actions and
 * sends are recorded, the trace is flushed to the OS, the persisted state is written and fsynced,
 * and only then do messages leave and timers start. A process may die by SIGKILL at any moment:
 * whatever another node or the disk learns of, the trace already holds.
 * A node resumed with {@link #resumeFrom} (the process was killed and started again) continues the
 * existing trace file: its clocks and message ids go on from the recovered ones, and it records a
 * {@code crash} (the death nobody could record) followed by a {@code restart} with the persisted state.
 */
public final class NetRuntime<M> implements AutoCloseable {
    public static final String PRODUCER = "conform-net 0.1.0";

    private final Algorithm<M> algorithm;
    private final int id;
    private final List<Integer> servers;
    private final Path dataDir;
    private final TraceSink sink;
    private final Options options;
    private final long tickMillis;
    private final Transport transport;
    private final TransportKind kind;
    private final SplittableRandom random;
    private final ScheduledExecutorService loop;
    private final Map<String, ScheduledFuture<?>> timers = new HashMap<>();
    private final Clocks clocks;
    private final Effects ctx = new Effects();
    private final Map<String, Long> actionCounts = new TreeMap<>();
    private final long startNanos = System.nanoTime();
    private Node<M> node;
    private long msgIds;
    private volatile long delivered;
    private volatile long failures;
    private volatile boolean running;
    private volatile boolean closed;
    private final List<Frame> early = new ArrayList<>();
    private final ArrivedIds duplicates;
    private TraceResume resume;
    private volatile Object lastActionState;

    public NetRuntime(Algorithm<M> algorithm, int id, Map<Integer, InetSocketAddress> addresses, Path dataDir,
                      TraceSink sink, Options options, long tickMillis, long seed) {
        this(algorithm, id, addresses, dataDir, sink, options, tickMillis, seed, TransportKind.TCP, null);
    }

    /**
     * A node on transport {@code kind}; {@code credentials} is the cluster's credentials folder
     * (null: no peer authentication, for in-process tests).
     */
    public NetRuntime(Algorithm<M> algorithm, int id, Map<Integer, InetSocketAddress> addresses, Path dataDir,
                      TraceSink sink, Options options, long tickMillis, long seed, TransportKind kind,
                      Path credentials) {
        this.algorithm = algorithm;
        this.id = id;
        List<Integer> ids = new ArrayList<>(new TreeMap<>(addresses).keySet());
        this.servers = List.copyOf(ids);
        this.clocks = new Clocks(id);
        this.dataDir = dataDir;
        this.sink = sink == null ? TraceSink.noop() : sink;
        this.options = algorithm.resolveOptions(options == null ? Options.empty() : options, seed);
        this.tickMillis = Math.max(1, tickMillis);
        this.random = new SplittableRandom(seed * 1_000_003L + id);
        this.kind = kind;
        this.duplicates = new ArrivedIds(kind);
        this.transport = Transports.open(kind, id, addresses, new FrameCodec(algorithm.messageTypes()), credentials);
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "node-" + id);
            t.setDaemon(true);
            return t;
        });
    }

    /** Publish and look up listening ports in {@code dir} (call before starting; see {@link PortFiles}). */
    public void portFiles(Path dir) {
        transport.portFiles(dir);
    }

    /** Starts the transport, builds the node (from persisted state when present) and runs onStart. */
    public void start() throws Exception {
        startTransport();
        startNode();
    }

    /** Starts listening and connecting; inbound messages wait on the loop until the node starts. */
    public void startTransport() throws Exception {
        transport.start(f -> loop.execute(() -> deliver(f)));
    }

    /**
     * Waits (at most {@code timeoutMillis}) until outgoing connections to all {@code peers} are
     * up, so that a node's first sends are not dropped for want of a connection. Returns whether
     * they all are.
     */
    public boolean awaitConnected(java.util.Collection<Integer> peers, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            boolean all = true;
            for (int p : peers) {
                all &= p == id || transport.connected(p);
            }
            if (all) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
    }

    /**
     * Continues a trace that an earlier, killed process of this node wrote (call before
     * {@link #start}): the sink must not write the header again ({@link TraceResume#appendingSink});
     * clocks and message ids go on from {@code r}.
     */
    public void resumeFrom(TraceResume r) {
        this.resume = r;
    }

    /** Builds the node (from persisted state when present) and runs onStart on the loop. */
    public void startNode() throws Exception {
        call(() -> {
            Object persisted = readPersisted();
            if (sink.enabled()) { // a resumed trace's sink drops this header: the file has one
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("node", id);
                params.put("tickMillis", tickMillis);
                params.put("options", options.values());
                params.put("flaws", List.copyOf(options.flaws()));
                RealNetworkHeader.describeNetwork(params, kind);
                sink.header(new TraceHeader(TraceHeader.SCHEMA_VERSION, algorithm.name(), servers, null,
                        RealNetworkHeader.plan(),
                        PRODUCER, params, TraceHeader.withClients(algorithm.serverRoles(servers), List.of())));
            }
            if (resume != null) {
                clocks.merge(0, resume.lamport(), VectorClock.of(resume.vc()));
                msgIds = resume.lastMessageCounter();
                record(EventKind.CRASH, null, null, null);
            }
            node = algorithm.create(id, servers, persisted, options);
            running = true;
            if (persisted != null || resume != null) {
                record(EventKind.RESTART, null, null, persisted);
            }
            guarded(() -> node.onStart(ctx));
            List<Frame> waiting = new ArrayList<>(early);
            early.clear();
            waiting.forEach(this::deliver);
            return null;
        });
    }

    private Object readPersisted() throws IOException {
        Path f = dataDir.resolve("state.json");
        if (!Files.exists(f)) {
            return null;
        }
        return Json.mapper().readValue(Files.readAllBytes(f), algorithm.persistedType());
    }

    /** Runs {@code task} on the node's loop and waits for it (for tests and status queries). */
    public <T> T call(Callable<T> task) throws Exception {
        try {
            return loop.submit(task).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("node " + id + " loop did not answer", e);
        }
    }

    /** This node's id. */
    public int self() {
        return id;
    }

    /** The node object; touch it only through {@link #call}. */
    public Node<M> node() {
        return node;
    }

    public long delivered() {
        return delivered;
    }

    /** Peers or frames the transport refused for failed authentication. */
    public long rejected() {
        return transport.rejected();
    }

    /** Handler exceptions caught so far (each one is logged to stderr). */
    public long failures() {
        return failures;
    }

    /** The state recorded with the last spec action (null before the first; only when tracing). */
    public Object lastActionState() {
        return lastActionState;
    }

    /** Spec actions recorded so far by name (a copy; taken on the loop). */
    public Map<String, Long> actionCounts() throws Exception {
        return call(() -> new TreeMap<>(actionCounts));
    }

    private void deliver(Frame f) {
        if (node == null && !closed) {
            early.add(f); // arrived between transport start and node start
            return;
        }
        if (!running) {
            return;
        }
        delivered++;
        @SuppressWarnings("unchecked")
        M msg = (M) f.body();
        if (duplicates.seenBefore(f.id())) {
            record(EventKind.DUPLICATE, null, new TraceMessage(f.id(), f.from(), f.to(), f.type(), msg), null);
        }
        clocks.deliver(0, f.lamport(), f.vc() == null ? null : VectorClock.of(f.vc()));
        write(EventKind.DELIVER, null, new TraceMessage(f.id(), f.from(), f.to(), f.type(), msg), null);
        guarded(() -> node.onMessage(ctx, f.from(), msg));
    }

    /**
     * Runs a handler and commits its effects, also those it asked for before failing: a failed
     * handler is logged and counted, and the node goes on (a real process would have to).
     */
    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            failures++;
            System.err.println("node " + id + ": handler failed: " + t);
        }
        try {
            ctx.commit(ctx);
        } catch (RuntimeException e) {
            failures++;
            System.err.println("node " + id + ": committing effects failed: " + e);
        }
    }

    /** Ticks the clocks and writes one event; the clocks are kept even when the sink is off. */
    private void record(EventKind kind, String action, TraceMessage msg, Object state) {
        clocks.tick(0);
        write(kind, action, msg, state);
    }

    private void write(EventKind kind, String action, TraceMessage msg, Object state) {
        if (sink.enabled()) {
            sink.event(new TraceEvent(-1, id, kind, action, msg, state, clocks.lamport(0), clocks.clock(0)));
        }
    }

    private void fire(String name, ScheduledFuture<?>[] self) {
        if (!running || timers.get(name) != self[0]) {
            return;
        }
        timers.remove(name);
        record(EventKind.TIMER, name, null, null);
        guarded(() -> node.onTimer(ctx, name));
    }

    /** The node's context: buffers a handler's effects; commits them to this runtime's I/O. */
    private final class Effects extends EffectBuffer<M> implements EffectTarget<M> {
        @Override
        public int self() {
            return id;
        }

        @Override
        public List<Integer> nodes() {
            return servers;
        }

        @Override
        public long localTime() {
            return (System.nanoTime() - startNanos) / (tickMillis * 1_000_000L);
        }

        @Override
        public boolean tracing() {
            return sink.enabled();
        }

        @Override
        public void recordAction(String name, Object state) {
            actionCounts.merge(name, 1L, Long::sum);
            if (sink.enabled()) {
                record(EventKind.ACTION, name, null, state);
                lastActionState = state;
            }
        }

        @Override
        public Object recordSend(int to, M msg) {
            long mid = ((long) id << 40) | ++msgIds;
            String type = MessageTypes.name(msg);
            record(EventKind.SEND, null, new TraceMessage(mid, id, to, type, msg), null);
            return new Frame(mid, id, to, type, msg, clocks.lamport(0), clocks.clock(0).asMap());
        }

        @Override
        public long timerTicks(String name, long minTicks, long maxTicks) {
            return minTicks == maxTicks ? minTicks : random.nextLong(minTicks, maxTicks + 1);
        }

        /** What the disk or a peer learns of next, the trace already holds. */
        @Override
        public void recorded() {
            flushTrace();
        }

        @Override
        public void makeDurable(Object state) {
            try {
                DurableFile.write(dataDir.resolve("state.json"), Json.mapper().writeValueAsBytes(state));
            } catch (IOException e) {
                throw new UncheckedIOException("node " + id + " cannot persist its state", e);
            }
        }

        @Override
        public void transmit(Object sent) {
            Frame f = (Frame) sent;
            if (!transport.send(f)) {
                record(EventKind.DROP, null, new TraceMessage(f.id(), f.from(), f.to(), f.type(), f.body()), null);
            }
        }

        @Override
        public void arm(String name, long ticks) {
            cancel(name);
            ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
            self[0] = loop.schedule(() -> fire(name, self), ticks * tickMillis, TimeUnit.MILLISECONDS);
            timers.put(name, self[0]);
        }

        @Override
        public void cancel(String name) {
            ScheduledFuture<?> f = timers.remove(name);
            if (f != null) {
                f.cancel(false);
            }
        }
    }

    /** Pushes buffered trace lines to the OS, where they survive a SIGKILL of this process. */
    private void flushTrace() {
        if (sink instanceof NdjsonSink n) {
            n.flush();
        }
    }

    /** Stops the node: no more handlers, transport closed, trace flushed and closed. Never throws. */
    @Override
    public void close() {
        try {
            call(() -> {
                running = false;
                closed = true;
                early.clear();
                timers.values().forEach(t -> t.cancel(false));
                timers.clear();
                return null;
            });
        } catch (Exception e) {
            // closing anyway
        }
        transport.close();
        try {
            call(() -> {
                sink.close();
                return null;
            });
        } catch (Exception e) {
            sink.close();
        }
        loop.shutdownNow();
    }
}
