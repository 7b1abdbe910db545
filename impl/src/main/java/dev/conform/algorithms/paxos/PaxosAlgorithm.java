package dev.conform.algorithms.paxos;

import dev.conform.algorithms.raft.kv.KvClientNode;
import dev.conform.algorithms.raft.kv.KvStateMachine;
import dev.conform.runtime.AbstractAlgorithm;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;
import dev.conform.runtime.TeachingFlaw;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code paxos} algorithm descriptor: Multi-Paxos servers replicating the key-value store of
 * Raft, driven by the same seeded key-value clients.
 *
 * <p>Options (integers): {@code electionMin}/{@code electionMax} (150/300 ticks), {@code heartbeat}
 * (50), {@code snapshotEvery} (16, 0 = never), and the client workload as Raft's: {@code clients}
 * (2), {@code ops} (10), {@code keys} (3), {@code appends} (false), {@code retry} (400),
 * {@code workloadSeed} (1). Flaws: see {@link PaxosFlaw}.
 */
public final class PaxosAlgorithm extends AbstractAlgorithm<PaxosMessage> {
    public static final String NAME = "paxos";

    public PaxosAlgorithm() {
        super(NAME, "Multi-Paxos (ballots, slots, snapshots and catch-up) replicating a key-value store",
                PaxosMessage.class, PaxosPersistentState.class, NetSemantics.UNRELIABLE);
    }

    @Override
    public Node<PaxosMessage> create(int id, List<Integer> servers, Object persisted, Options options) {
        return new PaxosNode(config(options), servers, new KvStateMachine(), (PaxosPersistentState) persisted);
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("electionMin", "electionMax", "heartbeat", "snapshotEvery", "clients", "ops", "keys",
                "appends", "retry", "workloadSeed");
    }

    @Override
    public int clients(Options options) {
        return options.getInt("clients", 2);
    }

    @Override
    public Node<PaxosMessage> createClient(int id, List<Integer> servers, Options options) {
        return KvClientNode.seeded(PaxosMessage.CLIENT_PROTOCOL, id, servers, options);
    }

    @Override
    public Map<String, String> flaws() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(PaxosFlaw.NO_ADOPT_HIGHEST.flawName(),
                "a new leader ignores the votes in its promises and proposes its own values (Agreement)");
        f.put(PaxosFlaw.ACCEPT_BELOW_PROMISE.flawName(),
                "an acceptor votes for a ballot below its promise (AcceptedBelowPromise, Agreement)");
        f.put(PaxosFlaw.SNAPSHOT_OVERWRITES_NEWER.flawName(),
                "installing a snapshot drops the votes and chosen slots above it (Agreement)");
        f.put(PaxosFlaw.MINORITY_QUORUM.flawName(),
                "a slot counts as chosen on N/2 votes, rounded down (Agreement)");
        return f;
    }

    @Override
    public StopCondition<PaxosMessage> stopCondition(Options options) {
        return KvClientNode.allDone(clients(options));
    }

    /** The server configuration these options ask for; unknown flaw names are an error. */
    public static PaxosConfig config(Options options) {
        Set<PaxosFlaw> flaws = TeachingFlaw.parse(options, PaxosFlaw.class, "paxos");
        PaxosConfig d = PaxosConfig.defaults();
        return new PaxosConfig(options.getLong("electionMin", d.electionMinTicks()),
                options.getLong("electionMax", d.electionMaxTicks()),
                options.getLong("heartbeat", d.heartbeatTicks()),
                options.getInt("snapshotEvery", d.snapshotEvery()), flaws);
    }
}
