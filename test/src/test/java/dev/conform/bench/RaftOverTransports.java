package dev.conform.bench;

import static dev.conform.bench.BenchStats.load;
import static dev.conform.bench.BenchStats.millis;
import static dev.conform.bench.BenchStats.quantile;

import dev.conform.algorithms.raft.RaftMessage;
import dev.conform.algorithms.raft.kv.KvCommand;
import dev.conform.algorithms.raft.kv.KvRemoteClient;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.net.ClientIds;
import dev.conform.runtime.net.ClusterLauncher;
import dev.conform.runtime.net.FrameCodec;
import dev.conform.runtime.net.NetClient;
import dev.conform.runtime.net.TransportKind;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Raft section of {@link TransportBench}: per transport a 5-process Raft cluster started as
 * {@code conform cluster start --transport X} starts it ({@link ClusterLauncher}, credentials on,
 * so TCP is TCP+TLS), {@link #CLIENTS} closed-loop clients in this JVM appending to one key each
 * ({@link KvRemoteClient}, the transport's client wire), and the leader SIGKILLed half-way
 * through the measured window (not restarted); the first quarter of the run's length before that window
 * warms up and is not counted. Figures: commits/s (acknowledged appends per second, over the whole run,
 * before and after the kill), commit latency p50/p99/max (invocation to acknowledgement, retries
 * included), the time from the kill to the first acknowledgement after it (an answer already on its
way may make it short), the longest stretch without any acknowledgement from the kill on (the
unavailability the clients saw), and client time-outs.
 * Timing as in the kill -9 durability test: 5 ms ticks, election timeout 60-120 ticks, heartbeat 20.
 * Traces are written but not validated here.
 */
final class RaftOverTransports {
    private static final int CLIENTS = 3;
    private static final List<String> NODE_ARGS = List.of("--tick-ms", "5", "--option", "electionMin=60",
            "--option", "electionMax=120", "--option", "heartbeat=20", "--option", "snapshotEvery=64");

    private final Path root;
    private final double scale;

    RaftOverTransports(Path root, double scale) {
        this.root = root;
        this.scale = scale;
    }

    /** One acknowledged command: when it was invoked and acknowledged (nanoTime). */
    private record Commit(long invoked, long acked) {
    }

    void run() throws Exception {
        long runNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(4000, (long) (20_000 * scale)));
        System.out.println();
        System.out.printf("Raft, 5 servers, %d closed-loop clients, %.0f s, leader SIGKILLed at half-time%n", CLIENTS,
                runNanos / 1e9);
        System.out.println("| transport | commits/s | before kill | after kill | p50 ms | p99 ms | max ms | kill to next commit ms | longest gap from the kill on, ms | client time-outs | load |");
        System.out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (TransportKind kind : TransportKind.values()) {
            Path dir = root.resolve(kind.wireName());
            try {
                row(kind, dir, runNanos);
            } catch (Exception e) {
                System.out.printf("| %s | failed: %s | | | | | | | | | %s |%n", kind.wireName(), e, load());
            } finally {
                ClusterLauncher.stop(dir);
            }
        }
    }

    private void row(TransportKind kind, Path dir, long runNanos) throws Exception {
        String cp = System.getProperty("java.class.path");
        ClusterLauncher.start("raft", 5, dir, cp, kind, NODE_ARGS);
        awaitLeader(dir);
        Map<Integer, InetSocketAddress> servers = ClusterLauncher.addresses(dir);
        FrameCodec codec = new FrameCodec(Algorithms.byName("raft").messageTypes());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger timeouts = new AtomicInteger();
        AtomicLong measuredFrom = new AtomicLong(Long.MAX_VALUE);
        List<Commit> commits = Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int id = ClientIds.next(dir, servers.keySet());
            Thread t = new Thread(() -> drive(kind, dir, id, servers, codec, stop, commits, timeouts, measuredFrom), "client-" + id);
            clients.add(t);
            t.start();
        }
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(runNanos / 4)); // warm-up: JIT and connections, not counted
        long start = System.nanoTime();
        measuredFrom.set(start);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(runNanos / 2));
        int leader = leader(dir);
        long killedAt = System.nanoTime();
        if (leader != 0) {
            ClusterLauncher.kill(dir, leader);
        }
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(start + runNanos - System.nanoTime()));
        stop.set(true);
        long end = System.nanoTime();
        for (Thread t : clients) {
            t.join(10_000);
        }
        List<Commit> all;
        synchronized (commits) {
            all = new ArrayList<>(commits.stream().filter(c -> c.acked >= start).toList());
        }
        long[] latency = all.stream().mapToLong(c -> c.acked - c.invoked).toArray();
        long before = all.stream().filter(c -> c.acked < killedAt).count();
        long after = all.stream().filter(c -> c.acked >= killedAt && c.acked < end).count();
        long firstAfter = all.stream().mapToLong(Commit::acked).filter(a -> a >= killedAt).min().orElse(-1);
        long[] acks = all.stream().mapToLong(Commit::acked).sorted().toArray();
        long gap = 0; // the longest stretch without an acknowledgement that overlaps the kill or follows it
        for (int i = 1; i < acks.length; i++) {
            if (acks[i] >= killedAt) {
                gap = Math.max(gap, acks[i] - acks[i - 1]);
            }
        }
        System.out.printf("| %s%s | %,.0f | %,.0f | %,.0f | %s | %s | %s | %s | %s | %d | %s |%n", kind.wireName(),
                kind == TransportKind.TCP ? "+tls" : kind == TransportKind.UDP ? "+hmac" : "",
                all.size() / ((end - start) / 1e9), before / ((killedAt - start) / 1e9), after / ((end - killedAt) / 1e9),
                millis(quantile(latency, 0.5)), millis(quantile(latency, 0.99)), millis(quantile(latency, 1.0)),
                leader == 0 ? "no leader to kill" : firstAfter < 0 ? "none" : millis(firstAfter - killedAt),
                millis(gap), timeouts.get(), load());
    }

    private static void drive(TransportKind kind, Path dir, int id, Map<Integer, InetSocketAddress> servers,
                              FrameCodec codec, AtomicBoolean stop, List<Commit> commits, AtomicInteger timeouts,
                              AtomicLong measuredFrom) {
        try (NetClient<RaftMessage> net = new NetClient<>("raft", id, servers, codec, null, 200, kind,
                ClusterLauncher.credentials(dir))) {
            net.portFiles(dir);
            KvRemoteClient<RaftMessage> client = new KvRemoteClient<>(RaftMessage.CLIENT_PROTOCOL, net,
                    List.copyOf(servers.keySet()), 300);
            for (int n = 0; !stop.get(); n++) {
                long invoked = System.nanoTime();
                KvRemoteClient.Outcome o = client.execute(KvCommand.append("k" + id, "c" + id + "v" + n), 2_000);
                if (o.ok()) {
                    commits.add(new Commit(invoked, System.nanoTime()));
                } else if (invoked >= measuredFrom.get()) {
                    timeouts.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitLeader(Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (leader(dir) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no leader within 30 s");
            }
            Thread.sleep(50);
        }
    }

    /** The live server whose last status says it leads (0: none known). */
    private static int leader(Path dir) throws Exception {
        for (ClusterLauncher.NodeStatus s : ClusterLauncher.status(dir)) {
            if (s.alive() && s.status().get("state") instanceof Map<?, ?> st && "Leader".equals(st.get("role"))) {
                return s.id();
            }
        }
        return 0;
    }
}
