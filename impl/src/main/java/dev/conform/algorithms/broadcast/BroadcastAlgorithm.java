package dev.conform.algorithms.broadcast;

import dev.conform.runtime.AbstractAlgorithm;
import dev.conform.runtime.ClusterView;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code broadcast} algorithm descriptor: FIFO order on reliable links, a fixture of the
 * runtime's tests. {@link CausalAlgorithm} is the same protocol in causal order.
 */
public class BroadcastAlgorithm extends AbstractAlgorithm<BroadcastMessage> {
    public static final String NAME = "broadcast";
    public static final String FLAW_NO_RELAY = "no-relay";
    public static final String FLAW_NO_RETRANSMIT = "no-retransmit";

    public BroadcastAlgorithm() {
        this(NAME, "eager reliable FIFO broadcast with acks and retransmission", NetSemantics.RELIABLE);
    }

    BroadcastAlgorithm(String name, String description, NetSemantics net) {
        super(name, description, BroadcastMessage.class, BroadcastState.class, net);
    }

    @Override
    public final Node<BroadcastMessage> create(int id, List<Integer> servers, Object persisted, Options options) {
        return new BroadcastNode(id, servers, (BroadcastState) persisted, options, order(options));
    }

    /** The delivery order of a run with these options. */
    DeliveryOrder order(Options options) {
        return DeliveryOrder.FIFO;
    }

    @Override
    public Map<String, String> flaws() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(FLAW_NO_RELAY, "receivers do not relay: a value is lost for good when its origin crashes mid-broadcast");
        f.put(FLAW_NO_RETRANSMIT, "no retransmission: one lost message breaks agreement");
        return f;
    }

    @Override
    public java.util.Set<String> optionKeys() {
        return java.util.Set.of("count", "retransmit", "every");
    }

    /** Stops once every server is up and has delivered every value of every origin. */
    @Override
    public final StopCondition<BroadcastMessage> stopCondition(Options options) {
        int count = options.getInt("count", 3);
        return cluster -> allDelivered(cluster, count);
    }

    /** True when every listed server is up and has delivered {@code count} values of each origin. */
    public static boolean allDelivered(ClusterView<BroadcastMessage> cluster, int count) {
        List<Integer> servers = cluster.servers();
        int all = count * servers.size();
        for (int s : servers) {
            if (!(cluster.node(s) instanceof BroadcastNode n) || n.deliveredTotal() < all) {
                return false;
            }
        }
        for (int s : servers) {
            BroadcastNode n = (BroadcastNode) cluster.node(s);
            for (int o : servers) {
                if (n.deliveredFrom(o) < count) {
                    return false;
                }
            }
        }
        return true;
    }
}
