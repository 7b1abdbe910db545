package dev.conform.algorithms.swim;

import dev.conform.runtime.AbstractAlgorithm;
import dev.conform.runtime.ClusterView;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runtime's descriptor of {@code swim}: SWIM membership and failure detection on a network
 * that loses, duplicates and reorders. Every option is resolved into the trace header (see
 * {@link SwimOptions}); the joiners are the {@code joiners} highest ids, the leaver (when
 * {@code leaveAt} is set) the highest-id initial member, the seed the lowest id.
 */
public final class SwimAlgorithm extends AbstractAlgorithm<SwimMessage> {
    public static final String NAME = "swim";

    public SwimAlgorithm() {
        super(NAME, "SWIM: randomised probing, indirect probes, suspicion with incarnations, piggybacked gossip, join and leave",
                SwimMessage.class, SwimState.class, NetSemantics.UNRELIABLE);
    }

    @Override
    public Node<SwimMessage> create(int id, List<Integer> servers, Object persisted, Options options) {
        return new SwimNode(id, servers, (SwimState) persisted, SwimOptions.of(options, 0));
    }

    @Override
    public Map<String, String> flaws() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(SwimFlaw.NO_SUSPICION.flawName(), "a failed probe declares its target dead at once, without a suspicion stage");
        f.put(SwimFlaw.REFUTE_SAME_INCARNATION.flawName(),
                "a suspected member refutes at the same incarnation, and an Alive beats a Suspect at the same incarnation");
        return f;
    }

    @Override
    public Set<String> optionKeys() {
        return SwimOptions.KEYS;
    }

    @Override
    public int defaultServers() {
        return 4;
    }

    @Override
    public Options resolveOptions(Options options, long seed) {
        return SwimOptions.of(options, seed).into(options);
    }

    /** True when member {@code id} is one of the {@code joiners} highest ids. */
    static boolean isJoiner(List<Integer> servers, int id, int joiners) {
        return joiners > 0 && id >= servers.get(Math.max(0, servers.size() - joiners));
    }

    /** The member that leaves at round {@code leaveAt}: the highest-id initial member. */
    static int leaver(List<Integer> servers, int joiners) {
        return servers.get(Math.max(0, servers.size() - joiners - 1));
    }

    /**
     * Stops once every member that is up and has not left has joined and done {@code rounds}
     * periods, and holds every other such member alive and every member that is down or has left
     * dead, left (or, never having heard of it, absent); and at least one member is up and has not left.
     */
    @Override
    public StopCondition<SwimMessage> stopCondition(Options options) {
        int rounds = options.getInt("rounds", 20);
        return cluster -> converged(cluster, rounds);
    }

    static boolean converged(ClusterView<SwimMessage> cluster, int rounds) {
        List<Integer> servers = cluster.servers();
        boolean anyActive = false;
        for (int s : servers) {
            if (cluster.node(s) instanceof SwimNode n && !n.hasLeft()) {
                if (!n.joined() || n.round() < rounds) {
                    return false;
                }
                anyActive = true;
            }
        }
        if (!anyActive) {
            return false; // every member down or gone: nothing has converged, it is only quiet
        }
        for (int s : servers) {
            if (!(cluster.node(s) instanceof SwimNode n) || n.hasLeft()) {
                continue;
            }
            for (int q : servers) {
                if (q == s) {
                    continue;
                }
                boolean active = cluster.node(q) instanceof SwimNode m && !m.hasLeft();
                String st = n.statusOf(q);
                if (active ? !st.equals("alive") : st.equals("alive") || st.equals("suspect")) {
                    return false;
                }
            }
        }
        return true;
    }
}
