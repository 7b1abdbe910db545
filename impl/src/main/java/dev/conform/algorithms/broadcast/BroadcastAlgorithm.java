package dev.conform.algorithms.broadcast;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code broadcast} algorithm descriptor. */
public final class BroadcastAlgorithm implements Algorithm<BroadcastMessage> {
    public static final String NAME = "broadcast";
    public static final String FLAW_NO_RELAY = "no-relay";
    public static final String FLAW_NO_RETRANSMIT = "no-retransmit";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "eager reliable FIFO broadcast with acks and retransmission";
    }

    @Override
    public Class<BroadcastMessage> messageType() {
        return BroadcastMessage.class;
    }

    @Override
    public Node<BroadcastMessage> create(int id, List<Integer> servers, Object persisted, Options options) {
        return new BroadcastNode(id, servers, (BroadcastState) persisted, options);
    }

    @Override
    public Class<?> persistedType() {
        return BroadcastState.class;
    }

    @Override
    public Map<String, String> flaws() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(FLAW_NO_RELAY, "receivers do not relay: a value is lost for good when its origin crashes mid-broadcast");
        f.put(FLAW_NO_RETRANSMIT, "no retransmission: one lost message breaks agreement");
        return f;
    }

    /** Stops once every server is up and has delivered every value of every origin. */
    @Override
    public StopCondition<BroadcastMessage> stopCondition(Options options) {
        int count = options.getInt("count", 3);
        return cluster -> allDelivered(cluster.servers(), cluster::node, count);
    }

    /** True when every listed server is up and has delivered {@code count} values of each origin. */
    public static boolean allDelivered(List<Integer> servers,
                                       java.util.function.IntFunction<Node<BroadcastMessage>> nodes, int count) {
        for (int s : servers) {
            if (!(nodes.apply(s) instanceof BroadcastNode n)) {
                return false;
            }
            for (int o : servers) {
                if (n.deliveredFrom(o) < count) {
                    return false;
                }
            }
        }
        return true;
    }
}
