package dev.conform.bench;

import dev.conform.algorithms.raft.kv.KvClientNode;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.ClusterView;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An algorithm exactly as {@code inner}, whose stop condition (checked by the simulator after
 * every step, at that step's logical time) also records when each client command completed and
 * when, after {@code crashAt}, a server other than the crashed one first led. It changes nothing
 * the nodes see, so a run with it is the run without it; the bench checks that their results match.
 */
final class ObservedAlgorithm<M> implements Algorithm<M> {
    private final Contender<M> contender;
    private final Algorithm<M> inner;
    private final long crashAt;
    private final int victim;
    /** Completion time of each client command, per client, in completion order. */
    final List<List<Long>> completions = new ArrayList<>();
    /** First time at or after crashAt at which a live server other than the victim led; -1: never. */
    long newLeaderAt = -1;

    /** Observes a run whose plan crashes {@code victim} at {@code crashAt} (victim 0: no crash). */
    ObservedAlgorithm(Contender<M> contender, long crashAt, int victim) {
        this.contender = contender;
        this.inner = contender.algorithm();
        this.crashAt = crashAt;
        this.victim = victim;
    }

    @Override
    public StopCondition<M> stopCondition(Options options) {
        StopCondition<M> stop = inner.stopCondition(options);
        return cluster -> {
            observe(cluster);
            return stop != null && stop.done(cluster);
        };
    }

    private void observe(ClusterView<M> cluster) {
        List<Integer> clients = cluster.clients();
        while (completions.size() < clients.size()) {
            completions.add(new ArrayList<>());
        }
        for (int i = 0; i < clients.size(); i++) {
            if (cluster.node(clients.get(i)) instanceof KvClientNode<?> k) {
                List<Long> times = completions.get(i);
                while (times.size() < k.completed()) {
                    times.add(cluster.now());
                }
            }
        }
        if (victim != 0 && newLeaderAt < 0 && cluster.now() >= crashAt) {
            int leader = contender.leader(cluster);
            if (leader != 0 && leader != victim) {
                newLeaderAt = cluster.now();
            }
        }
    }

    /** Per-command latencies in ticks: from a command's first send (the previous one's completion) to its completion. */
    List<Long> latencies() {
        List<Long> out = new ArrayList<>();
        for (List<Long> times : completions) {
            long prev = 0; // clients send their first command when the run starts, at time 0
            for (long t : times) {
                out.add(t - prev);
                prev = t;
            }
        }
        return out;
    }

    /** The longest latency among commands in flight at tick {@code at} (sent before, answered at or after); -1: none. */
    long longestSpanning(long at) {
        long longest = -1;
        for (List<Long> times : completions) {
            long prev = 0;
            for (long t : times) {
                if (prev < at && t >= at) {
                    longest = Math.max(longest, t - prev);
                }
                prev = t;
            }
        }
        return longest;
    }

    // ---- everything else as inner -------------------------------------------------------

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public Class<M> messageType() {
        return inner.messageType();
    }

    @Override
    public Map<String, Class<? extends M>> messageTypes() {
        return inner.messageTypes();
    }

    @Override
    public Node<M> create(int id, List<Integer> servers, Object persisted, Options options) {
        return inner.create(id, servers, persisted, options);
    }

    @Override
    public Class<?> persistedType() {
        return inner.persistedType();
    }

    @Override
    public Set<String> optionKeys() {
        return inner.optionKeys();
    }

    @Override
    public int defaultServers() {
        return inner.defaultServers();
    }

    @Override
    public Map<String, List<Integer>> serverRoles(List<Integer> servers) {
        return inner.serverRoles(servers);
    }

    @Override
    public int clients(Options options) {
        return inner.clients(options);
    }

    @Override
    public Node<M> createClient(int id, List<Integer> servers, Options options) {
        return inner.createClient(id, servers, options);
    }

    @Override
    public Map<String, String> flaws() {
        return inner.flaws();
    }

    @Override
    public NetSemantics defaultNet() {
        return inner.defaultNet();
    }

    @Override
    public Options resolveOptions(Options options, long seed) {
        return inner.resolveOptions(options, seed);
    }
}
