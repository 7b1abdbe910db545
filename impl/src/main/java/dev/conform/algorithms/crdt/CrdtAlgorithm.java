package dev.conform.algorithms.crdt;

import dev.conform.runtime.AbstractAlgorithm;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;

import java.util.List;

/**
 * The runtime's descriptor of gossip-replicated CRDTs ({@code conform run crdt}).
 *
 * <p>Options (all optional): {@code type} (g-counter, pn-counter, lww-register, lww-map, or-set;
 * default lww-map), {@code clock} (physical or hlc; default hlc), {@code fanout} (default 1),
 * {@code updates} per replica (default 10), {@code keys} (default 3), {@code workload-seed}
 * (default 1), {@code gossip-min}/{@code gossip-max} and {@code update-min}/{@code update-max}
 * in ticks. {@code type=each} and {@code clock=each} pick the type and the clock mode from the run
 * seed ({@link #variant}), so a batch of seeded runs covers every variant.
 *
 * <p>The trace header records every option with the value the run used ({@link #resolveOptions}):
 * the trace spec reads the type, clock mode, key count and update budget from it.
 */
public final class CrdtAlgorithm extends AbstractAlgorithm<GossipMessage> {
    public static final String NAME = "crdt";

    public CrdtAlgorithm() {
        // Gossip is built for a lossy network.
        super(NAME, "state-based CRDTs (counters, LWW register/map, OR-set) replicated by push-pull"
                + " anti-entropy gossip", GossipMessage.class, ReplicaSnapshot.class, NetSemantics.UNRELIABLE);
    }

    @Override
    public Node<GossipMessage> create(int id, List<Integer> servers, Object persisted, Options options) {
        return new GossipReplicaNode(id, options(options), (ReplicaSnapshot) persisted);
    }

    /** Stops once every replica is up, has done its updates and all hold the same value. */
    @Override
    public StopCondition<GossipMessage> stopCondition(Options options) {
        int updates = options(options).updatesPerReplica();
        return cluster -> {
            Crdt<?> first = null;
            for (int s : cluster.servers()) {
                if (!(cluster.node(s) instanceof GossipReplicaNode n) || n.updates() < updates) {
                    return false;
                }
                if (first == null) {
                    first = n.state();
                } else if (!first.equals(n.state())) {
                    return false;
                }
            }
            return true;
        };
    }

    @Override
    public java.util.Set<String> optionKeys() {
        return java.util.Set.of("type", "clock", "fanout", "gossip-min", "gossip-max", "update-min", "update-max",
            "updates", "keys", "workload-seed");
    }

    /** Every option with its effective value, {@code each} resolved from the seed. */
    @Override
    public Options resolveOptions(Options options, long seed) {
        int v = variant(seed);
        Options o = options;
        if (EACH.equals(o.get("type", null))) {
            o = o.with("type", CrdtKind.values()[v % CrdtKind.values().length].flag());
        }
        if (EACH.equals(o.get("clock", null))) {
            o = o.with("clock", ClockMode.values()[(v / CrdtKind.values().length) % ClockMode.values().length].flag());
        }
        CrdtOptions c = options(o);
        return o.with("type", c.kind().flag()).with("clock", c.clock().flag()).with("fanout", c.fanout())
            .with("gossip-min", c.gossipMinTicks()).with("gossip-max", c.gossipMaxTicks())
            .with("update-min", c.updateMinTicks()).with("update-max", c.updateMaxTicks())
            .with("updates", c.updatesPerReplica()).with("keys", c.keys()).with("workload-seed", c.seed());
    }

    /** Option value that picks the type or clock mode from the run seed. */
    public static final String EACH = "each";

    /**
     * The variant (0..9: type = v mod 5, clock = v / 5) of run seed {@code seed} under
     * {@code each}: (s + s/10 + s/20) mod 10 with s = seed - 1, so that ten consecutive seeds, and
     * also ten seeds spread evenly over 1..20 or 1..200 (as a sample of a batch of runs is drawn),
     * cover all ten variants.
     */
    static int variant(long seed) {
        long s = seed - 1;
        return (int) Math.floorMod(s + s / 10 + s / 20, 10L);
    }

    /** Reads {@link CrdtOptions} from run options (defaults from {@link CrdtOptions#defaults()}). */
    public static CrdtOptions options(Options o) {
        CrdtOptions d = CrdtOptions.defaults();
        return new CrdtOptions(
            CrdtKind.fromFlag(o.get("type", d.kind().flag())),
            ClockMode.fromFlag(o.get("clock", d.clock().flag())),
            o.getInt("fanout", d.fanout()),
            o.getLong("gossip-min", d.gossipMinTicks()),
            o.getLong("gossip-max", d.gossipMaxTicks()),
            o.getLong("update-min", d.updateMinTicks()),
            o.getLong("update-max", d.updateMaxTicks()),
            o.getInt("updates", d.updatesPerReplica()),
            o.getInt("keys", d.keys()),
            o.getLong("workload-seed", d.seed()));
    }
}
