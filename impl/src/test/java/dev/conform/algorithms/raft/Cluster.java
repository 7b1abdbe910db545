package dev.conform.algorithms.raft;

import dev.conform.algorithms.raft.kv.KvClientNode;
import dev.conform.algorithms.raft.kv.KvStateMachine;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * A tiny deterministic message pump for tests: events (deliveries and timers) wait in a queue
 * ordered by logical time, message delays and timer values come from one seeded random source.
 * It can also be driven by hand (fire a timer, deliver chosen messages) for scripted scenarios.
 * It checks two safety properties on every recorded action: one leader per term, and no two
 * servers with different committed entries at one index.
 */
final class Cluster {
    record Envelope(int from, int to, RaftMessage msg) {
    }

    private record Event(long time, long order, Envelope env, int node, String timer, long gen) {
    }

    final RaftConfig config;
    final List<Integer> servers = new ArrayList<>();
    final Map<Integer, Node<RaftMessage>> nodes = new HashMap<>();
    final Map<Integer, Object> disk = new HashMap<>();
    final Set<Integer> down = new HashSet<>();
    final Set<Integer> isolated = new HashSet<>();
    final List<String> violations = new ArrayList<>();
    final Map<Long, Integer> leaderOfTerm = new HashMap<>();
    final Map<Long, LogEntry> committed = new HashMap<>();
    /** The last recorded log of each server: an action records it only when it changed. */
    private final Map<Integer, List<Map<String, Object>>> lastLog = new HashMap<>();
    final List<String> actions = new ArrayList<>();
    private final SplittableRandom rnd;
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.order, b.order));
    private final Map<String, Long> timerGen = new HashMap<>();
    private final List<Integer> all = new ArrayList<>();
    private long now;
    private long order;
    double dropRate;
    long maxDelay = 10;
    boolean manual;
    final List<Envelope> held = new ArrayList<>();

    Cluster(long seed, int n, RaftConfig config) {
        this.rnd = new SplittableRandom(seed);
        this.config = config;
        for (int i = 1; i <= n; i++) {
            servers.add(i);
            all.add(i);
        }
        for (int i : servers) {
            nodes.put(i, new RaftNode(config, servers, new KvStateMachine(), null));
        }
    }

    /** Adds a client with id 101, 102, ... running a seeded workload. */
    KvClientNode addClient(long seed, int ops) {
        int id = 101 + (all.size() - servers.size());
        KvClientNode c = KvClientNode.seeded(id, servers, seed, ops, 3, 400);
        all.add(id);
        nodes.put(id, c);
        return c;
    }

    RaftNode server(int id) {
        return (RaftNode) nodes.get(id);
    }

    void start() {
        for (int id : all) {
            nodes.get(id).onStart(ctx(id));
        }
    }

    void crash(int id) {
        down.add(id);
    }

    void restart(int id) {
        down.remove(id);
        nodes.put(id, new RaftNode(config, servers, new KvStateMachine(),
                (RaftPersistentState) disk.get(id)));
        nodes.get(id).onStart(ctx(id));
    }

    /** Runs events until {@code done} holds or {@code maxSteps} events ran; true when done. */
    boolean runUntil(BooleanSupplier done, int maxSteps) {
        for (int i = 0; i < maxSteps; i++) {
            if (done.getAsBoolean()) {
                return true;
            }
            Event e = queue.poll();
            if (e == null) {
                return done.getAsBoolean();
            }
            now = e.time;
            if (down.contains(e.env != null ? e.env.to : e.node)) {
                continue;
            }
            if (e.env != null) {
                if (!isolated.contains(e.env.from) && !isolated.contains(e.env.to)) {
                    nodes.get(e.env.to).onMessage(ctx(e.env.to), e.env.from, e.env.msg);
                }
            } else if (timerGen.getOrDefault(e.node + "/" + e.timer, -1L) == e.gen) {
                nodes.get(e.node).onTimer(ctx(e.node), e.timer);
            }
        }
        return done.getAsBoolean();
    }

    /** Committed log values by index, as observed in the recorded states. */
    Map<Long, String> committedValues() {
        Map<Long, String> out = new HashMap<>();
        committed.forEach((i, e) -> out.put(i, e.value()));
        return out;
    }

    /** The clients by id. */
    Map<Integer, KvClientNode> clients() {
        Map<Integer, KvClientNode> out = new HashMap<>();
        nodes.forEach((id, n) -> {
            if (n instanceof KvClientNode k) {
                out.put(id, k);
            }
        });
        return out;
    }

    /** The leader with the highest term among live servers, or 0. */
    int leader() {
        int best = 0;
        long term = -1;
        for (int s : servers) {
            RaftNode r = server(s);
            if (!down.contains(s) && r.role() == Role.Leader && r.currentTerm() > term) {
                best = s;
                term = r.currentTerm();
            }
        }
        return best;
    }

    // ---- manual driving (scripted scenarios; messages are held, not queued) --------------

    /** Crash and immediate restart from the persisted state: a leader comes back a follower. */
    void reboot(int id) {
        crash(id);
        restart(id);
    }

    void fire(int id, String timer) {
        nodes.get(id).onTimer(ctx(id), timer);
    }

    /** Delivers, in order, every held message from {@code from} to {@code to}; returns how many. */
    int deliver(int from, int to) {
        List<Envelope> batch = new ArrayList<>();
        for (Iterator<Envelope> it = held.iterator(); it.hasNext(); ) {
            Envelope e = it.next();
            if (e.from == from && e.to == to) {
                batch.add(e);
                it.remove();
            }
        }
        for (Envelope e : batch) {
            nodes.get(to).onMessage(ctx(to), from, e.msg);
        }
        return batch.size();
    }

    /** Exchanges messages between the leader and each follower until nothing is left between them. */
    void exchange(int leader, int... followers) {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int f : followers) {
                moved |= deliver(leader, f) > 0;
                moved |= deliver(f, leader) > 0;
            }
        }
    }

    /** Times {@code candidate} out and delivers its vote requests and the answers of {@code voters}. */
    void elect(int candidate, int... voters) {
        fire(candidate, RaftNode.ELECTION_TIMER);
        for (int v : voters) {
            deliver(candidate, v);
            deliver(v, candidate);
        }
    }

    /** A client request straight to a server, as client 101 with sequence {@code seq}. */
    void request(int server, long seq, String op) {
        nodes.get(server).onMessage(ctx(server), 101, new RaftMessage.ClientRequest(101, seq, op));
    }

    void dropHeld() {
        held.clear();
    }

    // ---- the context each node sees --------------------------------------------------------

    private Context<RaftMessage> ctx(int id) {
        return new Context<>() {
            @Override
            public int self() {
                return id;
            }

            @Override
            public List<Integer> nodes() {
                return all;
            }

            @Override
            public void send(int to, RaftMessage msg) {
                if (!nodes.containsKey(to)) {
                    return;
                }
                if (manual) {
                    held.add(new Envelope(id, to, msg));
                } else if (rnd.nextDouble() >= dropRate) {
                    queue.add(new Event(now + 1 + rnd.nextLong(maxDelay), order++,
                            new Envelope(id, to, msg), 0, null, 0));
                }
            }

            @Override
            public void setTimer(String name, long min, long max) {
                long gen = order++;
                timerGen.put(id + "/" + name, gen);
                if (!manual) {
                    queue.add(new Event(now + min + rnd.nextLong(max - min + 1), order++, null,
                            id, name, gen));
                }
            }

            @Override
            public void cancelTimer(String name) {
                timerGen.remove(id + "/" + name);
            }

            @Override
            public void persist(Object state) {
                disk.put(id, state);
            }

            @Override
            public long localTime() {
                return now;
            }

            @Override
            public boolean tracing() {
                return true;
            }

            @Override
            public void action(String name, Object state) {
                actions.add(id + ":" + name);
                check(id, name, state);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private void check(int id, String name, Object state) {
        Map<String, Object> s = (Map<String, Object>) state;
        long term = (Long) s.get("currentTerm");
        if (name.equals("BecomeLeader")) {
            Integer other = leaderOfTerm.putIfAbsent(term, id);
            if (other != null && other != id) {
                violations.add("two leaders in term " + term + ": " + other + " and " + id);
            }
        }
        long snap = (Long) s.get("snapshotIndex");
        long commit = (Long) s.get("commitIndex");
        List<Map<String, Object>> log = s.containsKey("log")
                ? (List<Map<String, Object>>) s.get("log") : lastLog.getOrDefault(id, List.of());
        lastLog.put(id, log);
        for (long i = snap + 1; i <= commit && i - snap <= log.size(); i++) {
            Map<String, Object> e = log.get((int) (i - snap - 1));
            LogEntry entry = new LogEntry((Long) e.get("term"), (String) e.get("value"));
            LogEntry before = committed.putIfAbsent(i, entry);
            if (before != null && !before.equals(entry)) {
                violations.add("index " + i + " committed as " + before + " and, at server " + id
                        + ", as " + entry);
            }
        }
    }
}
