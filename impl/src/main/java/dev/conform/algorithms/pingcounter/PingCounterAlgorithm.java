package dev.conform.algorithms.pingcounter;

import dev.conform.runtime.AbstractAlgorithm;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;
import java.util.List;
import java.util.Map;

/**
 * The runtime's descriptor of PingCounter ({@code conform run pingcounter}). Option {@code max}
 * (default 5): how far each node counts. The trace header records it, since the trace spec reads
 * MaxCount from there. Teaching flaw {@value #FLAW_FORGET_COUNT}.
 */
public final class PingCounterAlgorithm extends AbstractAlgorithm<Ping> {
    public static final String NAME = "pingcounter";
    public static final String FLAW_FORGET_COUNT = "forget-count";
    static final int DEFAULT_MAX = 5;

    public PingCounterAlgorithm() {
        // A late or repeated ping is harmless: written for a network that loses, duplicates and reorders.
        super(NAME, "counters that only grow, raised by each other's pings (the worked example)",
                Ping.class, Saved.class, NetSemantics.UNRELIABLE);
    }

    @Override
    public Node<Ping> create(int id, List<Integer> servers, Object persisted, Options options) {
        return new PingCounterNode(max(options), options.flaw(FLAW_FORGET_COUNT), (Saved) persisted);
    }

    @Override
    public Map<String, String> flaws() {
        return Map.of(FLAW_FORGET_COUNT, "the counter is never persisted: a restarted node counts from 0 again");
    }

    @Override
    public java.util.Set<String> optionKeys() {
        return java.util.Set.of("max");
    }

    @Override
    public Options resolveOptions(Options options, long seed) {
        return options.with("max", max(options));
    }

    /** Stops once every server has counted to max. */
    @Override
    public StopCondition<Ping> stopCondition(Options options) {
        int max = max(options);
        return cluster -> cluster.servers().stream()
                .allMatch(s -> cluster.node(s) instanceof PingCounterNode n && n.count() >= max);
    }

    private static int max(Options options) {
        int max = options.getInt("max", DEFAULT_MAX);
        if (max < 0 || max > 999) {
            throw new IllegalArgumentException("option max must be in 0..999, got " + max);
        }
        return max;
    }
}
