package dev.conform.algorithms.swim;

import dev.conform.runtime.AbstractAlgorithm;
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

    /** Stops once the views have converged after the rounds (see {@link SwimConvergence}; one per run). */
    @Override
    public StopCondition<SwimMessage> stopCondition(Options options) {
        return new SwimConvergence(options.getInt("rounds", 20));
    }
}
