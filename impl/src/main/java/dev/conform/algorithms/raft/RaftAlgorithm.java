package dev.conform.algorithms.raft;

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
 * The {@code raft} algorithm descriptor: Raft servers replicating a key-value store, driven by
 * key-value clients with seeded workloads.
 *
 * <p>Options (all integers): {@code electionMin}/{@code electionMax} (150/300 ticks),
 * {@code heartbeat} (50), {@code snapshotEvery} (16, 0 = never), {@code maxEntries} per
 * AppendEntries (16), {@code clients} (2), {@code ops} per client (10), {@code keys} (3),
 * {@code retry} ticks of a client (400), {@code appends} (false: whether half
 * the puts of the workload are appends), {@code workloadSeed} (1; client {@code c} uses
 * {@code workloadSeed * 1000003 + c}). Flaws: the spec names of {@link RaftFlaw}
 * ({@code VoteWithoutLogCheck}, {@code CommitOldTerm}, {@code AppendWithoutPrevCheck},
 * {@code VoteTwice}, {@code StaleRead}, {@code RetryAppliedTwice}, {@code CandidateNeverRetries}).
 */
public final class RaftAlgorithm extends AbstractAlgorithm<RaftMessage> {
    public static final String NAME = "raft";

    public RaftAlgorithm() {
        super(NAME, "Raft consensus (election, replication, snapshots) replicating a key-value store",
                RaftMessage.class, RaftPersistentState.class, NetSemantics.UNRELIABLE);
    }

    @Override
    public Node<RaftMessage> create(int id, List<Integer> servers, Object persisted, Options options) {
        RaftConfig config = config(options);
        return new RaftNode(config, servers, new KvStateMachine(RaftFlaws.of(config)),
                (RaftPersistentState) persisted);
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("electionMin", "electionMax", "heartbeat", "snapshotEvery", "maxEntries", "clients", "ops",
                "keys", "appends", "retry", "workloadSeed");
    }

    @Override
    public int clients(Options options) {
        return options.getInt("clients", 2);
    }

    @Override
    public Node<RaftMessage> createClient(int id, List<Integer> servers, Options options) {
        return KvClientNode.seeded(RaftMessage.CLIENT_PROTOCOL, id, servers, options);
    }

    @Override
    public Map<String, String> flaws() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(RaftFlaw.VOTE_WITHOUT_LOG_CHECK.specName(),
                "votes ignore the candidate's log: a leader can lack committed entries (LeaderCompleteness)");
        f.put(RaftFlaw.COMMIT_OLD_TERM_BY_COUNTING.specName(),
                "old-term entries committed by counting replicas, figure 8 (LeaderCompleteness)");
        f.put(RaftFlaw.APPEND_WITHOUT_PREV_CHECK.specName(),
                "followers skip the prevLogTerm check of AppendEntries (LogMatching)");
        f.put(RaftFlaw.VOTE_TWICE.specName(),
                "a server may vote twice in one term: two leaders (ElectionSafety)");
        f.put(RaftFlaw.STALE_READ.specName(),
                "a leader answers gets from its own state, not through the log: stale reads (linearizability)");
        f.put(RaftFlaw.RETRY_APPLIED_TWICE.specName(),
                "the store skips its session check: a retried command is applied twice (linearizability)");
        f.put(RaftFlaw.CANDIDATE_NEVER_RETRIES.specName(),
                "a candidate arms no new election timer: a failed election is never retried (only mbt sees it)");
        return f;
    }

    /** Stops once every client finished its workload (never, when there are no clients). */
    @Override
    public StopCondition<RaftMessage> stopCondition(Options options) {
        return KvClientNode.allDone(clients(options));
    }

    /** The server configuration these options ask for; unknown flaw names are an error. */
    public static RaftConfig config(Options options) {
        Set<RaftFlaw> flaws = TeachingFlaw.parse(options, RaftFlaw.class, "raft");
        RaftConfig d = RaftConfig.defaults();
        return new RaftConfig(options.getLong("electionMin", d.electionMinTicks()),
                options.getLong("electionMax", d.electionMaxTicks()),
                options.getLong("heartbeat", d.heartbeatTicks()),
                options.getInt("snapshotEvery", d.snapshotEvery()),
                options.getInt("maxEntries", d.maxEntriesPerAppend()), flaws);
    }
}
