package dev.conform.algorithms.crdt;

import dev.conform.runtime.Algorithm;
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
 * in ticks.
 */
public final class CrdtAlgorithm implements Algorithm<GossipMessage> {
    public static final String NAME = "crdt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "state-based CRDTs (counters, LWW register/map, OR-set) replicated by push-pull anti-entropy gossip";
    }

    @Override
    public Class<GossipMessage> messageType() {
        return GossipMessage.class;
    }

    @Override
    public Node<GossipMessage> create(int id, List<Integer> servers, Object persisted, Options options) {
        return new GossipReplicaNode(id, options(options), (ReplicaSnapshot) persisted);
    }

    @Override
    public Class<?> persistedType() {
        return ReplicaSnapshot.class;
    }

    /** Gossip is built for a lossy network. */
    @Override
    public NetSemantics defaultNet() {
        return NetSemantics.UNRELIABLE;
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
