package dev.conform.runtime.contract;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.net.NetRuntime;
import dev.conform.runtime.net.TransportKind;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * A {@link TestCluster} of {@link NetRuntime}s in this JVM, each with its own real transport (TCP
 * unless told otherwise) on a loopback port the OS picks at bind time. Nodes start once the live
 * ones are connected to each other.
 */
final class TcpCluster<M> implements TestCluster<M> {
    private static final long GIVE_UP_MILLIS = 30_000;
    private final Map<Integer, NetRuntime<M>> nodes = new TreeMap<>();

    TcpCluster(Algorithm<M> algorithm, int servers, Set<Integer> down, Options options, Path dir) throws Exception {
        this(algorithm, servers, down, options, dir, TransportKind.TCP, null);
    }

    /** On transport {@code kind}; {@code credentials} null runs without peer authentication. */
    TcpCluster(Algorithm<M> algorithm, int servers, Set<Integer> down, Options options, Path dir, TransportKind kind,
               Path credentials) throws Exception {
        // Port 0 everywhere: each node binds a port the OS picks and publishes it (PortFiles).
        Map<Integer, InetSocketAddress> addresses = new TreeMap<>();
        for (int i = 1; i <= servers; i++) {
            addresses.put(i, new InetSocketAddress("127.0.0.1", 0));
        }
        List<Integer> up = new ArrayList<>();
        try {
            for (int i = 1; i <= servers; i++) {
                if (!down.contains(i)) {
                    NetRuntime<M> rt = new NetRuntime<>(algorithm, i, addresses, dir.resolve("n" + i), null,
                            options, 5, 1, kind, credentials);
                    nodes.put(i, rt);
                    rt.portFiles(dir.resolve("ports"));
                    rt.startTransport();
                    up.add(i);
                }
            }
            for (NetRuntime<M> rt : nodes.values()) {
                if (!rt.awaitConnected(up, GIVE_UP_MILLIS)) {
                    throw new IllegalStateException("node " + rt.self() + " could not connect to " + up);
                }
            }
            for (NetRuntime<M> rt : nodes.values()) {
                rt.startNode();
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    @Override
    public boolean await(Predicate<IntFunction<Node<M>>> cond) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_MILLIS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (cond.test(this::node)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** Waits until no node has delivered anything new for 300 ms (bounded by the give-up time). */
    @Override
    public void settle() throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_MILLIS * 1_000_000L;
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = 0;
            for (NetRuntime<M> rt : nodes.values()) {
                now += rt.delivered();
            }
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(300);
        }
    }

    @Override
    public Node<M> node(int id) {
        NetRuntime<M> rt = nodes.get(id);
        return rt == null ? null : rt.node();
    }

    @Override
    public long handlerFailures() {
        long f = 0;
        for (NetRuntime<M> rt : nodes.values()) {
            f += rt.failures();
        }
        return f;
    }

    @Override
    public void close() {
        for (NetRuntime<M> rt : nodes.values()) {
            rt.close();
        }
    }
}
