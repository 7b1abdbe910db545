package dev.conform.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conform.algorithms.raft.RaftMessage;
import dev.conform.algorithms.raft.kv.KvCommand;
import dev.conform.algorithms.raft.kv.KvRemoteClient;
import dev.conform.checker.linearizability.Budget;
import dev.conform.checker.linearizability.History;
import dev.conform.checker.linearizability.Linearizability;
import dev.conform.checker.linearizability.Model;
import dev.conform.checker.linearizability.Operation;
import dev.conform.checker.linearizability.Result;
import dev.conform.checker.linearizability.Verdict;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.net.ClientIds;
import dev.conform.runtime.net.ClusterLauncher;
import dev.conform.runtime.net.FrameCodec;
import dev.conform.runtime.net.NetClient;
import dev.conform.runtime.net.TransportKind;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.file.Files;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost when Raft servers are killed with SIGKILL mid-write, on the real
 * cluster: three server processes over TCP ({@link ClusterLauncher}, as {@code conform cluster}
 * runs them), concurrent clients in this JVM appending unique tokens to and reading a few keys,
 * one server at a time killed ({@code Process.destroyForcibly}, SIGKILL on Linux; the leader every
 * other time) and restarted from what it persisted. At the end every key is read back: each
 * acknowledged append is there exactly once and no token appears twice, and the whole client
 * history (real time from one monotonic clock; a command whose client gave up has an unknown
 * outcome) is linearizable. The short run is in the default build; the long one is a soak.
 */
@Tag("process")
class RaftKillNineDurabilityTest {
    private static final int CLIENTS = 3;
    private static final List<String> KEYS = List.of("k0", "k1", "k2");
    private static final Pattern TOKEN = Pattern.compile("c\\d+v\\d+");
    /** Fast elections, so a short run sees many kills: ticks of 5 ms, election timeout 0.3-0.6 s. */
    private static final List<String> NODE_ARGS = List.of("--tick-ms", "5", "--option", "electionMin=60",
            "--option", "electionMax=120", "--option", "heartbeat=20", "--option", "snapshotEvery=16");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void killNineDuringWritesLosesNothingShort() throws Exception {
        run(Duration.ofSeconds(35), 1);
    }

    @Test
    @Tag("soak")
    @Timeout(value = 40, unit = TimeUnit.MINUTES)
    void killNineDuringWritesLosesNothingSoak() throws Exception {
        run(Duration.ofMinutes(10), 2);
    }

    /** One client's recorded operations (in its own order) and its acknowledged appends. */
    private record ClientLog(List<Operation> ops, List<String> acked) {
    }

    private void run(Duration load, long seed) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<ProcessHandle> started = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            started.addAll(ClusterLauncher.start("raft", 3, dir, cp, NODE_ARGS));
            Map<Integer, InetSocketAddress> servers = ClusterLauncher.addresses(dir);
            FrameCodec codec = new FrameCodec(Algorithms.byName("raft").messageTypes());
            AtomicBoolean stop = new AtomicBoolean();
            List<ClientLog> logs = Collections.synchronizedList(new ArrayList<>());
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int id = ClientIds.next(dir, servers.keySet());
                SplittableRandom rnd = new SplittableRandom(seed * 31 + c);
                Thread t = new Thread(() -> logs.add(drive(id, servers, codec, rnd, stop, t0)), "client-" + id);
                clients.add(t);
                t.start();
            }
            int kills = killAndRestart(load, new SplittableRandom(seed), started);
            stop.set(true);
            for (Thread t : clients) {
                t.join(30_000);
                assertFalse(t.isAlive(), t.getName() + " did not stop");
            }
            // Read every key back with a fresh client, after the cluster settled with all three up.
            List<Operation> ops = new ArrayList<>();
            List<String> acked = new ArrayList<>();
            for (ClientLog l : logs) {
                ops.addAll(l.ops());
                acked.addAll(l.acked());
            }
            Map<String, String> finalValues = readBack(servers, codec, t0, ops);
            int checked = checkAcknowledged(acked, finalValues);
            Result r = Linearizability.check(history(ops), Model.KV, new Budget(Duration.ofSeconds(60), 0));
            long unknown = ops.stream().filter(Operation::pending).count();
            System.out.printf("kill -9 durability: %d operations (%d with unknown outcome), %d kills, %d acknowledged "
                    + "writes checked, linearizability %s (%d search states)%n", ops.size(), unknown, kills, checked,
                    r.verdict(), r.states());
            assertEquals(Verdict.OK, r.verdict(), () -> "client history: " + r.verdict() + " " + r.reason() + " "
                    + r.witness());
            assertTrue(kills >= 3, "only " + kills + " kills");
            assertTrue(checked >= 20, "only " + checked + " acknowledged writes");
        } finally {
            ClusterLauncher.stop(dir);
            for (ProcessHandle p : started) {
                p.destroyForcibly();
            }
        }
    }

    /** A client's loop until {@code stop}: appends of unique tokens (60%) and gets over {@link #KEYS}. */
    private ClientLog drive(int id, Map<Integer, InetSocketAddress> servers, FrameCodec codec,
            SplittableRandom rnd, AtomicBoolean stop, long t0) {
        List<Operation> ops = new ArrayList<>();
        List<String> acked = new ArrayList<>();
        try (NetClient<RaftMessage> net = new NetClient<>("raft", id, servers, codec, null, 200,
                TransportKind.TCP, ClusterLauncher.credentials(dir))) {
            net.portFiles(dir);
            KvRemoteClient<RaftMessage> client = new KvRemoteClient<>(RaftMessage.CLIENT_PROTOCOL, net,
                    List.copyOf(servers.keySet()), 300);
            for (int n = 0; !stop.get(); n++) {
                String key = KEYS.get(rnd.nextInt(KEYS.size()));
                boolean write = rnd.nextInt(10) < 6;
                String token = "c" + id + "v" + n;
                KvCommand cmd = write ? KvCommand.append(key, token) : KvCommand.get(key);
                long invoke = System.nanoTime() - t0;
                KvRemoteClient.Outcome o = client.execute(cmd, 2_000);
                long complete = o.ok() ? System.nanoTime() - t0 : Operation.PENDING;
                ops.add(new Operation(0, id, write ? Operation.Kind.APPEND : Operation.Kind.READ, key,
                        write ? token : null, null, write || !o.ok() ? null : o.value(), invoke, complete, null));
                if (write && o.ok()) {
                    acked.add(token);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ClientLog(ops, acked);
    }

    /**
     * Until {@code load} is over: 0.5-1.5 s after the last restart, SIGKILL one server (the leader
     * every other time) and restart it 0.2-0.7 s later (a restart waits until the new process is up).
     */
    private int killAndRestart(Duration load, SplittableRandom rnd, List<ProcessHandle> started) throws Exception {
        long end = System.nanoTime() + load.toNanos();
        int kills = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(500 + rnd.nextInt(1_000));
            int victim = kills % 2 == 0 ? leader() : 0;
            if (victim == 0) {
                victim = 1 + rnd.nextInt(3);
            }
            ClusterLauncher.kill(dir, victim);
            kills++;
            Thread.sleep(200 + rnd.nextInt(500));
            started.add(ClusterLauncher.restart(dir, victim));
        }
        return kills;
    }

    /** The server whose last status (its last action's state) says it leads (0: none known). */
    private int leader() throws Exception {
        for (ClusterLauncher.NodeStatus s : ClusterLauncher.status(dir)) {
            if (s.alive() && s.status().get("state") instanceof Map<?, ?> st && "Leader".equals(st.get("role"))) {
                return s.id();
            }
        }
        return 0;
    }

    /** Gets every key (added to {@code ops}, so they are part of the checked history); must succeed. */
    private Map<String, String> readBack(Map<Integer, InetSocketAddress> servers, FrameCodec codec, long t0,
            List<Operation> ops) throws Exception {
        Map<String, String> out = new HashMap<>();
        int id = ClientIds.next(dir, servers.keySet());
        try (NetClient<RaftMessage> net = new NetClient<>("raft", id, servers, codec, null, 200,
                TransportKind.TCP, ClusterLauncher.credentials(dir))) {
            net.portFiles(dir);
            KvRemoteClient<RaftMessage> client = new KvRemoteClient<>(RaftMessage.CLIENT_PROTOCOL, net,
                    List.copyOf(servers.keySet()), 500);
            for (String key : KEYS) {
                long invoke = System.nanoTime() - t0;
                KvRemoteClient.Outcome o = client.execute(KvCommand.get(key), 30_000);
                if (!o.ok()) {
                    fail("reading " + key + " back: no leader answered within 30 s\n" + clusterState());
                }
                ops.add(new Operation(0, id, Operation.Kind.READ, key, null, null, o.value(), invoke,
                        System.nanoTime() - t0, null));
                out.put(key, o.value());
            }
        }
        return out;
    }

    /** Each node's status and the tail of its log, for a failure message. */
    private String clusterState() throws IOException {
        StringBuilder b = new StringBuilder();
        for (ClusterLauncher.NodeStatus st : ClusterLauncher.status(dir)) {
            b.append("node ").append(st.id()).append(st.alive() ? " up " : " down ").append(st.status()).append('\n');
            Path log = dir.resolve("node-" + st.id() + ".log");
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                lines.subList(Math.max(0, lines.size() - 5), lines.size()).forEach(l -> b.append("  ").append(l).append('\n'));
            }
        }
        return b.toString();
    }

    /** Every acknowledged token is in the final values, and no token is there twice; returns how many were checked. */
    private static int checkAcknowledged(List<String> acked, Map<String, String> finalValues) {
        Map<String, Integer> present = new HashMap<>();
        for (String v : finalValues.values()) {
            Matcher m = TOKEN.matcher(v == null ? "" : v);
            while (m.find()) {
                present.merge(m.group(), 1, Integer::sum);
            }
        }
        present.forEach((token, n) -> assertEquals(1, n, "token " + token + " applied " + n + " times"));
        List<String> lost = acked.stream().filter(t -> !present.containsKey(t)).toList();
        assertTrue(lost.isEmpty(), "acknowledged appends lost: " + lost);
        return acked.size();
    }

    /** The operations in invocation order, numbered as a {@link History} wants them. */
    private static History history(List<Operation> ops) {
        List<Operation> sorted = new ArrayList<>(ops);
        sorted.sort(java.util.Comparator.comparingLong(Operation::invoke));
        List<Operation> out = new ArrayList<>();
        for (Operation o : sorted) {
            out.add(o.withId(out.size()));
        }
        return new History("kill -9 run", out);
    }
}
